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

/**
 * Reads what a pre-filled template starts from: the current (published) sheets of one municipality
 * and evaluation year, family by family, through the read-only URL analysts use. Values are given
 * as the sheet printed them, so that a department sees last year's figures as it typed them.
 */
final class TemplateQueries {

    /** The facts of a family's current sheets of the municipality and year. */
    private static final String CURRENT = "_sheet_load_id in (select sheet_load_id from v_current_sheet_loads "
            + "where municipality_code = ? and evaluation_fiscal_year = ? and sheet_family = ?)";

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
        try (PreparedStatement statement = connection.prepareStatement("select distinct municipality_code, municipality_name "
                + "from v_current_sheet_loads where ? is null or municipality_code = ? order by 1 limit 2")) {
            statement.setString(1, code);
            statement.setString(2, code);
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
        query("select owner_code, indicator_no, name_as_printed, definition from fct_indicators where "
                + "plan_id = 'comprehensive_plan' and " + CURRENT + " order by owner_code, indicator_no", "policy_evaluation", row -> {
                    String policy = row.getString(1);
                    int no = row.getInt(2);
                    indicators.computeIfAbsent(policy, key -> new ArrayList<>()).add(new PolicyForm.Indicator(no,
                            row.getString(3), row.getString(4),
                            indicatorValues.get(key(policy, no, "actual", year - 1, null)),
                            indicatorValues.get(key(policy, no, "target", PolicyTemplate.FINAL_YEAR, null))));
                });
        Map<String, Object> settled = new HashMap<>();
        query("select policy_code, row_no, cost_thousand_yen, _raw_text from fct_project_costs where cost_basis = 'settled' "
                + "and fiscal_year = " + (year - 1) + " and " + CURRENT, "policy_evaluation",
                row -> settled.put(row.getString(1) + "#" + row.getInt(2), printed(row.getBigDecimal(3), row.getString(4))));
        Map<String, List<PolicyForm.Project>> projects = new HashMap<>();
        query("select policy_code, row_no, name_as_printed, is_relisted, direction from fct_policy_projects where "
                + CURRENT + " order by policy_code, row_no", "policy_evaluation", row -> projects
                        .computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                        .add(new PolicyForm.Project(row.getString(3), row.getBoolean(4), row.getString(5),
                                settled.get(row.getString(1) + "#" + row.getInt(2)))));
        Map<String, List<PolicyForm>> byDepartment = new TreeMap<>();
        query("select policy_code, policy_name, department_name, related_departments_text, target_state, "
                + "machi_hito_shigoto_goal from fct_policy_evaluations where " + CURRENT + " order by policy_code",
                "policy_evaluation", row -> {
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
        query("select distinct owner_code, indicator_no, fiscal_year from fct_indicator_values where plan_id = 'regional_strategy_2' "
                + "and value_kind = 'baseline' and " + CURRENT, "strategy_kpi", row -> baselineYears.put(row.getString(1) + "#"
                        + row.getInt(2), jp.evalsheet.value.EraYearParser.eraLabel(row.getInt(3))));
        Map<String, List<StrategyForm.Target>> targets = new HashMap<>();
        Map<String, List<StrategyForm.Kpi>> kpis = new HashMap<>();
        query("select distinct indicator_category, owner_code, indicator_no, name_as_printed, unit, department_name "
                + "from fct_indicators where plan_id = 'regional_strategy_2' and " + CURRENT + " order by 2, 3", "strategy_kpi",
                row -> {
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
        query("select distinct owner_code, item_name, department_name from fct_plan_items where plan_id = 'regional_strategy_2' "
                + "and item_kind = 'measure' and " + CURRENT + " order by 1", "strategy_kpi", row -> {
                    String code = row.getString(1);
                    String goal = code.substring(0, code.indexOf('-'));
                    List<StrategyForm.Kpi> own = kpis.getOrDefault(code, List.of());
                    String baselineYear = own.isEmpty() ? "R1" : baselineYears.getOrDefault(code + "#" + own.get(0).no(), "R1");
                    measures.computeIfAbsent(goal, key -> new ArrayList<>()).add(new StrategyForm.Measure(
                            code.substring(code.indexOf('-') + 1), row.getString(2), row.getString(3), baselineYear, own));
                });
        List<StrategyForm> goals = new ArrayList<>();
        query("select distinct owner_code, item_name from fct_plan_items where plan_id = 'regional_strategy_2' "
                + "and item_kind = 'basic_goal' and " + CURRENT + " order by 1", "strategy_kpi", row -> goals.add(
                        new StrategyForm(Integer.valueOf(row.getString(1)), row.getString(2),
                                targets.getOrDefault(row.getString(1), List.of()),
                                measures.getOrDefault(row.getString(1), List.of()))));
        return goals;
    }

    /** The welfare projects of the year, by 課名, each with its indicator, targets and actuals. */
    Map<String, List<WelfareForm>> welfareProjects() throws SQLException {
        Map<String, Map<String, Map<Integer, Object>>> targets = new HashMap<>();
        Map<String, Map<String, Map<Integer, Object>>> actuals = new HashMap<>();
        query("select owner_code, value_kind, fiscal_year, coalesce(sub_label, ''), value, _raw_text from fct_indicator_values "
                + "where plan_id = 'welfare_plan_4' and " + CURRENT + " order by owner_code, _cell", "welfare_progress", row -> {
                    Map<String, Map<String, Map<Integer, Object>>> kind = "target".equals(row.getString(2)) ? targets : actuals;
                    kind.computeIfAbsent(row.getString(1), key -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getString(4), key -> new TreeMap<>())
                            .put(row.getInt(3), printed(row.getBigDecimal(5), row.getString(6)));
                });
        Map<String, String> indicators = new HashMap<>();
        query("select owner_code, name_as_printed from fct_indicators where plan_id = 'welfare_plan_4' and " + CURRENT,
                "welfare_progress", row -> indicators.put(row.getString(1), row.getString(2)));
        Map<String, List<WelfareForm>> byDepartment = new TreeMap<>();
        query("select owner_code, basic_goal_no, basic_goal_name, direction_no, direction_name, _raw_text, department_name, "
                + "description from fct_plan_items where plan_id = 'welfare_plan_4' and item_kind = 'project' and " + CURRENT
                + " order by direction_no, owner_code", "welfare_progress", row -> {
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
        query("select owner_code, indicator_no, value_kind, fiscal_year, sub_label, value, _raw_text from fct_indicator_values "
                + "where plan_id = '" + plan + "' and " + CURRENT, family, row -> values.put(
                        key(row.getString(1), row.getInt(2), row.getString(3), row.getInt(4), row.getString(5)),
                        printed(row.getBigDecimal(6), row.getString(7))));
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

    private void query(String sql, String family, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int start = 1; start <= parameters; start += 3) {
                statement.setString(start, municipality);
                statement.setInt(start + 1, year);
                statement.setString(start + 2, family);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
