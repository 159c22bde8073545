package jp.evalsheet.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.evalsheet.load.SqlFiles;
import jp.evalsheet.report.AnnualReport.Finding;
import jp.evalsheet.report.AnnualReport.IndicatorProgress;
import jp.evalsheet.report.AnnualReport.PolicyCost;
import jp.evalsheet.report.AnnualReport.PolicyCostTrend;
import jp.evalsheet.report.AnnualReport.StatusRow;
import jp.evalsheet.report.AnnualReport.StatusTable;
import jp.evalsheet.report.AnnualReport.WelfareProject;

/**
 * Reads the {@link AnnualReport} of one municipality from the analyst views of a published
 * warehouse, over a read-only connection: every figure comes from the view the report names as its
 * source, filtered on {@code municipality_code}, never recomputed here.
 */
public final class AnnualReportQueries {

    static final String STRATEGY = "regional_strategy_2";
    static final String COMPREHENSIVE_PLAN = "comprehensive_plan";
    static final String WELFARE = "welfare_plan_4";
    static final String OVERVIEW = "福祉事業評価（評価一覧）";

    private final Connection connection;

    public AnnualReportQueries(Connection connection) {
        this.connection = connection;
    }

    /** The municipalities with current sheets (code to name), at most {@code limit} of them. */
    public Map<String, String> municipalities(int limit) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        query("select municipality_code, municipality_name from dim_municipalities order by municipality_code limit ?",
                row -> names.put(row.getString(1), row.getString(2)), limit);
        return names;
    }

    /** The municipality of the code (code to name), or none when the warehouse holds no current sheet of it. */
    public Map<String, String> municipality(String code) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        query("select municipality_code, municipality_name from dim_municipalities where municipality_code = ?",
                row -> names.put(row.getString(1), row.getString(2)), code);
        return names;
    }

    /** The whole report of the municipality. */
    public AnnualReport read(String code, String name) throws SQLException {
        long[] lastRun = {0};
        java.time.LocalDateTime[] loadedAt = {null};
        query(SqlFiles.query("report_last_run"), row -> {
            lastRun[0] = row.getLong(1);
            loadedAt[0] = row.getTimestamp(2).toLocalDateTime();
        }, code);
        List<StatusTable> strategy = new ArrayList<>();
        strategy.addAll(latestStatusTables(code, STRATEGY, "数値目標"));
        strategy.addAll(latestStatusTables(code, STRATEGY, "KPI"));
        return new AnnualReport(code, name == null ? code : name, lastRun[0], loadedAt[0], strategy, policyRatings(code),
                statusTables(code, WELFARE, OVERVIEW, false), welfareProjects(code), policyCosts(code), indicators(code),
                findings(code));
    }

    /** The tables of a category of the latest evaluation year, or of every year ({@code latestOnly} false). */
    private List<StatusTable> statusTables(String code, String plan, String category, boolean latestOnly)
            throws SQLException {
        Map<Integer, List<StatusRow>> rowsByYear = new LinkedHashMap<>();
        Map<Integer, Integer> totals = new LinkedHashMap<>();
        String[] planName = {null};
        query(SqlFiles.query("report_status_counts"), row -> {
            int year = row.getInt(1);
            rowsByYear.computeIfAbsent(year, y -> new ArrayList<>())
                    .add(new StatusRow(row.getString(2), row.getString(3), row.getInt(4), row.getBigDecimal(6)));
            totals.put(year, row.getInt(5));
            planName[0] = row.getString(7);
        }, code, plan, category);
        Map<Integer, Object[]> achieved = new LinkedHashMap<>();
        query(SqlFiles.query("report_status_achieved"),
                row -> achieved.put(row.getInt(1), new Object[] {row.getInt(2), row.getBigDecimal(3)}), code, plan, category);
        List<StatusTable> tables = new ArrayList<>();
        List<Integer> years = new ArrayList<>(rowsByYear.keySet());
        for (int year : latestOnly && !years.isEmpty() ? List.of(years.get(years.size() - 1)) : years) {
            Object[] share = achieved.getOrDefault(year, new Object[] {0, null});
            tables.add(new StatusTable(planName[0], category, year, List.copyOf(rowsByYear.get(year)), totals.get(year),
                    (Integer) share[0], (BigDecimal) share[1]));
        }
        return tables;
    }

    private List<StatusTable> latestStatusTables(String code, String plan, String category) throws SQLException {
        return statusTables(code, plan, category, true);
    }

    /**
     * The 進捗状況 and 必要性 tables of the latest evaluation year: counts and shares from
     * v_policy_rating_share, the rating's printed label from v_status_summary, the share of ratings 3
     * and 4 from v_status_achievement_share.
     */
    private List<StatusTable> policyRatings(String code) throws SQLException {
        Map<String, List<StatusRow>> rowsByKind = new LinkedHashMap<>();
        Map<String, Integer> totals = new LinkedHashMap<>();
        int[] year = {0};
        String[] planName = {null};
        query(SqlFiles.query("report_policy_ratings"), row -> {
            String category = "progress".equals(row.getString(1)) ? "施策進捗" : "施策必要性";
            rowsByKind.computeIfAbsent(category, c -> new ArrayList<>())
                    .add(new StatusRow(row.getString(2), row.getString(3), row.getInt(4), row.getBigDecimal(6)));
            totals.put(category, row.getInt(5));
            year[0] = row.getInt(7);
            planName[0] = row.getString(8);
        }, code);
        Map<String, Object[]> achieved = new LinkedHashMap<>();
        query(SqlFiles.query("report_policy_ratings_achieved"),
                row -> achieved.put(row.getString(1), new Object[] {row.getInt(2), row.getBigDecimal(3)}), code, year[0]);
        List<StatusTable> tables = new ArrayList<>();
        rowsByKind.forEach((category, rows) -> {
            Object[] share = achieved.getOrDefault(category, new Object[] {0, null});
            tables.add(new StatusTable(planName[0], category, year[0], List.copyOf(rows), totals.get(category),
                    (Integer) share[0], (BigDecimal) share[1]));
        });
        return tables;
    }

    private List<WelfareProject> welfareProjects(String code) throws SQLException {
        Map<String, WelfareProject> projects = new LinkedHashMap<>();
        query(SqlFiles.query("report_welfare_projects"), row -> {
            WelfareProject seen = projects.get(row.getString(1));
            Map<Integer, String> grades = seen == null ? new LinkedHashMap<>() : seen.gradeByYear();
            grades.put(row.getInt(7), row.getString(8));
            // the rows come oldest first: the project's own grade of the latest year graded is kept
            String sheetGrade = row.getString(9) != null ? row.getString(9) : seen == null ? null : seen.sheetGrade();
            projects.put(row.getString(1), new WelfareProject(row.getString(1), row.getInt(2), row.getInt(3),
                    row.getString(4), row.getInt(5), row.getString(6), grades, sheetGrade));
        }, code);
        return List.copyOf(projects.values());
    }

    private List<PolicyCostTrend> policyCosts(String code) throws SQLException {
        Map<String, PolicyCostTrend> policies = new LinkedHashMap<>();
        query(SqlFiles.query("report_policy_costs"), row -> {
            String policy = row.getString(1);
            PolicyCostTrend trend = policies.get(policy);
            if (trend == null) {
                trend = new PolicyCostTrend(policy, row.getString(2), row.getString(3), new ArrayList<>());
                policies.put(policy, trend);
            }
            trend.years().add(new PolicyCost(row.getInt(4), row.getBigDecimal(5), "settled".equals(row.getString(6)),
                    row.getBigDecimal(7), doubleOrNull(row, 8), row.getInt(9), row.getInt(10)));
        }, code);
        return List.copyOf(policies.values());
    }

    /**
     * The latest value of each indicator (the latest year with a number, else the latest year) with
     * the view's direction ({@code higher_is_better}), progress in that direction and whether the
     * target is met.
     */
    private List<IndicatorProgress> indicators(String code) throws SQLException {
        List<IndicatorProgress> indicators = new ArrayList<>();
        query(SqlFiles.query("report_indicators"), row -> indicators.add(new IndicatorProgress(row.getString(1),
                row.getString(2), row.getString(3), row.getInt(4), row.getString(5), row.getString(6), row.getString(7), row.getInt(8),
                "actual".equals(row.getString(9)), row.getBigDecimal(10), row.getString(11), row.getBigDecimal(12),
                integerOrNull(row, 13), row.getBigDecimal(14), integerOrNull(row, 15), booleanOrNull(row, 16),
                doubleOrNull(row, 17), doubleOrNull(row, 18), booleanOrNull(row, 19))), code);
        return indicators;
    }

    private List<Finding> findings(String code) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        query(SqlFiles.query("report_findings"), row -> findings.add(new Finding(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6))), code);
        return findings;
    }

    // ---- JDBC -----------------------------------------------------------------------------------

    /** Reads one row of a result. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        }
    }

    private static Double doubleOrNull(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Integer integerOrNull(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean booleanOrNull(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }
}
