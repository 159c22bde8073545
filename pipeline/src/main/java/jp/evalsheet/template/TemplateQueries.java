package jp.evalsheet.template;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.evalsheet.load.SqlFiles;
import jp.evalsheet.value.EraYearParser;

/**
 * Reads what a pre-filled template starts from: the current (published) sheets of one municipality
 * and evaluation year, family by family, through the read-only URL analysts use. Values are given
 * as the sheet printed them, so that a department sees last year's figures as it typed them.
 */
final class TemplateQueries {

    private final Connection connection;
    private final String municipality;
    private final int year;

    TemplateQueries(Connection connection, String municipality, int year) {
        this.connection = connection;
        this.municipality = municipality;
        this.year = year;
    }

    /** The municipalities with current sheets, code to name (at most {@code limit}). */
    static Map<String, String> municipalities(Connection connection, String code) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SqlFiles.query("template_municipalities"))) {
            statement.setString(1, code);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return found;
    }

    /** The policies of the year, by 担当課, each with its indicators and projects. */
    Map<String, List<PolicyForm>> policies() throws SQLException {
        Map<String, Object> indicatorValues = values("comprehensive_plan", "policy_evaluation");
        Map<String, List<PolicyForm.Indicator>> indicators = new HashMap<>();
        query("template_policy_indicators", row -> {
            String policy = row.getString(1);
            int no = row.getInt(2);
            indicators.computeIfAbsent(policy, key -> new ArrayList<>()).add(new PolicyForm.Indicator(no,
                    row.getString(3), row.getString(4),
                    indicatorValues.get(key(policy, no, "actual", year - 1, null)),
                    indicatorValues.get(key(policy, no, "target", PolicyTemplate.FINAL_YEAR, null))));
        });
        Map<String, Object> settled = new HashMap<>();
        query("template_policy_settled_costs", row -> settled.put(row.getString(1) + "#" + row.getInt(2),
                printed(row.getBigDecimal(3), row.getString(4))));
        Map<String, List<PolicyForm.Project>> projects = new HashMap<>();
        query("template_policy_projects", row -> projects
                .computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                .add(new PolicyForm.Project(row.getString(3), row.getBoolean(4), row.getString(5),
                        settled.get(row.getString(1) + "#" + row.getInt(2)))));
        Map<String, List<PolicyForm>> byDepartment = new TreeMap<>();
        query("template_policies", row -> {
            String code = row.getString(1);
            List<PolicyForm.Project> own = projects.getOrDefault(code, List.of());
            List<PolicyForm.Project> rows = new ArrayList<>(own);
            while (rows.size() < PolicyForm.BLANK_PROJECTS) {
                rows.add(new PolicyForm.Project(null, false, null, null));
            }
            List<PolicyForm.Indicator> measured = indicators.getOrDefault(code, List.of());
            byDepartment.computeIfAbsent(row.getString(3), key -> new ArrayList<>()).add(new PolicyForm(code,
                    row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                    measured.isEmpty() ? List.of(new PolicyForm.Indicator(1, "—", "—", null, null)) : measured, rows));
        });
        return byDepartment;
    }

    /** The 基本目標 of the year, each with its 数値目標 and its measures' KPIs. */
    List<StrategyForm> strategyGoals() throws SQLException {
        Map<String, Object> values = values("regional_strategy_2", "strategy_kpi");
        Map<String, String> baselineYears = new HashMap<>();
        query("template_strategy_baseline_years", row -> baselineYears.put(row.getString(1) + "#" + row.getInt(2),
                EraYearParser.eraLabel(row.getInt(3))));
        Map<String, List<StrategyForm.Target>> targets = new HashMap<>();
        Map<String, List<StrategyForm.Kpi>> kpis = new HashMap<>();
        query("template_strategy_indicators", row -> {
            String owner = row.getString(2);
            int no = row.getInt(3);
            Map<Integer, Object> actuals = new TreeMap<>();
            for (int fiscalYear = StrategyTemplate.FIRST_ACTUAL; fiscalYear <= year; fiscalYear++) {
                Object value = values.get(key(owner, no, "actual", fiscalYear, null));
                if (value != null) {
                    actuals.put(fiscalYear, value);
                }
            }
            Object target = values.get(key(owner, no, "target", StrategyTemplate.TARGET_YEAR, null));
            String baselineYear = baselineYears.getOrDefault(owner + "#" + no, "R1");
            Object baseline = values.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(owner + "#" + no + "#baseline#")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if ("数値目標".equals(row.getString(1))) {
                targets.computeIfAbsent(owner, key -> new ArrayList<>()).add(new StrategyForm.Target(no,
                        row.getString(4), row.getString(5), baselineYear, baseline, actuals, target));
            } else {
                kpis.computeIfAbsent(owner, key -> new ArrayList<>()).add(new StrategyForm.Kpi(no, row.getString(4),
                        row.getString(5), baseline, actuals, target, row.getString(6)));
            }
        });
        Map<String, List<StrategyForm.Measure>> measures = new TreeMap<>();
        query("template_strategy_measures", row -> {
            String code = row.getString(1);
            String goal = code.substring(0, code.indexOf('-'));
            List<StrategyForm.Kpi> own = kpis.getOrDefault(code, List.of());
            String baselineYear = own.isEmpty() ? "R1" : baselineYears.getOrDefault(code + "#" + own.get(0).no(), "R1");
            measures.computeIfAbsent(goal, key -> new ArrayList<>()).add(new StrategyForm.Measure(
                    code.substring(code.indexOf('-') + 1), row.getString(2), row.getString(3), baselineYear, own));
        });
        List<StrategyForm> goals = new ArrayList<>();
        query("template_strategy_goals", row -> goals.add(
                new StrategyForm(Integer.valueOf(row.getString(1)), row.getString(2),
                        targets.getOrDefault(row.getString(1), List.of()),
                        measures.getOrDefault(row.getString(1), List.of()))));
        return goals;
    }

    /** The welfare projects of the year, by 課名, each with its indicator, targets and actuals. */
    Map<String, List<WelfareForm>> welfareProjects() throws SQLException {
        Map<String, Map<String, Map<Integer, Object>>> targets = new HashMap<>();
        Map<String, Map<String, Map<Integer, Object>>> actuals = new HashMap<>();
        query("template_welfare_values", row -> {
            Map<String, Map<String, Map<Integer, Object>>> kind = "target".equals(row.getString(2)) ? targets : actuals;
            kind.computeIfAbsent(row.getString(1), key -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getString(4), key -> new TreeMap<>())
                    .put(row.getInt(3), printed(row.getBigDecimal(5), row.getString(6)));
        });
        Map<String, String> indicators = new HashMap<>();
        query("template_welfare_indicators", row -> indicators.put(row.getString(1), row.getString(2)));
        Map<String, List<WelfareForm>> byDepartment = new TreeMap<>();
        query("template_welfare_projects", row -> {
            String code = row.getString(1);
            int project = Integer.parseInt(code.substring(code.indexOf('-') + 1));
            byDepartment.computeIfAbsent(row.getString(7), key -> new ArrayList<>()).add(new WelfareForm(
                    row.getString(7), fullWidth(row.getInt(2)) + "\u3000" + row.getString(3),
                    "（" + fullWidth(row.getInt(4)) + "）" + row.getString(5), row.getString(6), row.getString(8),
                    indicators.get(code), targets.getOrDefault(code, Map.of()), actuals.getOrDefault(code, Map.of()),
                    "(" + row.getInt(4) + ")" + StrategyTemplate.circled(project)));
        });
        return byDepartment;
    }

    /** Every indicator value of the plan's current sheets, keyed by {@link #key}. */
    private Map<String, Object> values(String plan, String family) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        query("template_indicator_values", row -> values.put(
                key(row.getString(1), row.getInt(2), row.getString(3), row.getInt(4), row.getString(5)),
                printed(row.getBigDecimal(6), row.getString(7))), family, plan);
        return values;
    }

    private static String key(String owner, int no, String kind, int fiscalYear, String subLabel) {
        return owner + "#" + no + "#" + kind + "#" + fiscalYear + "#" + (subLabel == null ? "" : subLabel);
    }

    /**
     * A value as the department typed it: the number itself when the cell printed nothing but the
     * number ({@code 6717}, {@code 40,923}), else the cell's text ({@code 58.2%}, {@code 80件}, {@code -}).
     */
    static Object printed(BigDecimal value, String raw) {
        if (raw == null) {
            return value;
        }
        String text = raw.strip();
        if (value != null && text.replace(",", "").matches("-?\\d+(\\.\\d+)?")
                && new BigDecimal(text.replace(",", "")).compareTo(value) == 0) {
            return value.stripTrailingZeros();
        }
        return text;
    }

    private static String fullWidth(int number) {
        StringBuilder text = new StringBuilder();
        for (char digit : Integer.toString(number).toCharArray()) {
            text.append((char) (digit - '0' + '０'));
        }
        return text.toString();
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code sql/queries/<name>.sql} over the municipality ({@code $1}) and evaluation year
     * ({@code $2}), and {@code more} parameters after them.
     */
    private void query(String name, RowReader reader, Object... more) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SqlFiles.query(name))) {
            statement.setString(1, municipality);
            statement.setInt(2, year);
            for (int i = 0; i < more.length; i++) {
                statement.setObject(3 + i, more[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
