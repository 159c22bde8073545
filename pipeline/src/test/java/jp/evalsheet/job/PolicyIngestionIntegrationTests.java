package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.support.Warehouse;

/**
 * The real annual ingestion job over {@code input/} (the 14 施策評価シート of seed 001 as six
 * departments submitted them: .xlsx, .xls and a CP932 CSV), checked value by value against the
 * truth tables transcribed from the published report.
 */
class PolicyIngestionIntegrationTests {

    private static final List<String> YEARS = List.of("R2", "R3", "R4_forecast");
    private static final Map<String, Integer> FISCAL_YEAR = Map.of("R2", 2020, "R3", 2021, "R4_forecast", 2022);

    @TempDir
    static Path temp;

    static Warehouse warehouse;
    static int exitCode;

    @BeforeAll
    static void ingestSampleInput() {
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        exitCode = warehouse.ingest(Path.of("input"));
    }

    @Test
    void shouldWriteFeedbackWorkbooksThatColleaguesCanOpen() throws Exception {
        // a workbook on a shared folder is read by the section's colleagues, not only by the job's user
        List<Path> workbooks;
        try (var files = Files.list(warehouse.feedbackDir())) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
        }
        assertThat(workbooks).hasSize(16);
        for (Path workbook : workbooks) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(workbook)))
                    .as(workbook.getFileName().toString()).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void shouldLoadEveryFileOfTheSampleInputWithoutErrors() {
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("select source_file, file_format, outcome, sheets_loaded from etl_file_loads "
                + "where source_file like 'R4_施策評価シート%' order by source_file"))
                .containsExactly(
                        "R4_施策評価シート_シティ・プロモーション課.xlsx|xlsx|loaded|2",
                        "R4_施策評価シート_人権庶務課.xlsx|xlsx|loaded|4",
                        "R4_施策評価シート_地域づくり支援課.xls|xls|loaded|2",
                        "R4_施策評価シート_政策企画課.xlsx|xlsx|loaded|4",
                        "R4_施策評価シート_財政課.csv|csv|loaded|1",
                        "R4_施策評価シート_財産管理課.xlsx|xlsx|loaded|1");
        assertThat(warehouse.lines("select status, files_seen, files_loaded, files_rejected, sheets_loaded from etl_load_runs"))
                .containsExactly("completed|16|16|0|64");
        assertThat(warehouse.query("select * from etl_messages")).isEmpty();
        // the one finding on a policy sheet is the X follower target that differs from the strategy's
        assertThat(warehouse.lines("select sheet_name, rule from v_data_quality_findings where source_file like 'R4_%'"))
                .containsExactly("施策642|same_indicator_different_targets");
    }

    @Test
    void shouldLoadEveryProjectCostAsPrinted() {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_project_cost").rows()) {
            for (String year : YEARS) {
                String number = row.get("cost_" + year);
                expected.add(String.join("|", row.get("policy_code"), row.get("row_no"), row.get("project_name"),
                        row.get("relisted"), String.valueOf(FISCAL_YEAR.get(year)),
                        year.endsWith("forecast") ? "forecast" : "settled", number.isEmpty() ? "null" : number,
                        row.get("cost_" + year + "_raw"), "2022"));
            }
        }

        List<String> actual = warehouse.lines("""
                select policy_code, row_no, project_name, is_relisted, fiscal_year, cost_basis, cost_thousand_yen,
                    _raw_text, reported_fiscal_year
                from fct_project_costs
                order by policy_code, row_no, fiscal_year
                """);

        assertThat(expected).hasSize(92 * 3);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldKeepEachProjectsDirectionAndRelistedMark() {
        List<String> expected = TruthTable.load("policy_project_cost").rows().stream()
                .map(row -> String.join("|", row.get("policy_code"), row.get("row_no"), row.get("project_name_as_printed"),
                        row.get("relisted"), row.get("direction")))
                .toList();

        assertThat(warehouse.lines("""
                select policy_code, row_no, name_as_printed, is_relisted, direction
                from fct_policy_projects order by policy_code, row_no
                """)).containsExactlyElementsOf(expected);
        assertThat(warehouse.count("select count(*) from dim_projects")).isEqualTo(
                TruthTable.load("policy_project_cost").rows().stream().map(r -> r.get("project_name")).distinct().count());
    }

    @Test
    void shouldLoadEveryIndicatorWithItsValues() {
        List<String> expectedIndicators = new ArrayList<>();
        List<String> expectedValues = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_indicator").rows()) {
            expectedIndicators.add(String.join("|", row.get("policy_code"), row.get("indicator_no"), row.get("name"),
                    // units are stored half-width, so that ％ and % count as one unit
                    row.get("unit").replace("％", "%"), row.get("name_as_printed"), row.get("description"),
                    row.get("mhs_tag").isEmpty() ? "null" : row.get("mhs_tag")));
            String[][] columns = {{"actual_R2", "2020", "actual"}, {"actual_R3", "2021", "actual"},
                    {"forecast_R4", "2022", "forecast"}, {"target_R7", "2025", "target"}};
            for (String[] column : columns) {
                String number = row.get(column[0] + "_num");
                expectedValues.add(String.join("|", row.get("policy_code"), row.get("indicator_no"), column[1], column[2],
                        number.isEmpty() ? "null" : new BigDecimal(number).stripTrailingZeros().toPlainString(),
                        row.get(column[0])));
            }
        }

        assertThat(warehouse.lines("""
                select owner_code, indicator_no, indicator_name, unit, name_as_printed, definition, mhs_tag
                from fct_indicators where plan_id = 'comprehensive_plan' order by owner_code, indicator_no
                """)).hasSize(16).containsExactlyElementsOf(expectedIndicators);
        assertThat(warehouse.lines("""
                select owner_code, indicator_no, fiscal_year, value_kind, value, _raw_text
                from fct_indicator_values where plan_id = 'comprehensive_plan' order by owner_code, indicator_no, fiscal_year
                """)).containsExactlyElementsOf(expectedValues);
    }

    @Test
    void shouldShowEveryIndicatorsProgressTowardItsTarget() {
        Map<String, Object> followers = warehouse.query("""
                select value, target_value, target_fiscal_year, achievement_ratio, value_kind
                from v_indicator_progress where owner_code = '642' and indicator_no = 2 and fiscal_year = 2022
                """).get(0);

        assertThat((BigDecimal) followers.get("value")).isEqualByComparingTo("13618");
        assertThat((BigDecimal) followers.get("target_value")).isEqualByComparingTo("14200");
        assertThat(followers.get("target_fiscal_year")).isEqualTo(2025);
        assertThat((Double) followers.get("achievement_ratio")).isCloseTo(13618.0 / 14200.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(followers.get("value_kind")).isEqualTo("forecast");
        assertThat(warehouse.lines("""
                select value, value_text, achievement_ratio from v_indicator_progress
                where owner_code = '621' order by fiscal_year
                """)).containsExactly("null|-|null", "null|-|null", "null|-|null");
        assertThat(warehouse.count("select count(*) from v_indicator_progress where plan = 'comprehensive_plan'")).isEqualTo(16 * 3);
    }

    @Test
    void shouldLoadEveryRatingWithItsLabel() {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_sheet").rows()) {
            expected.add(String.join("|", row.get("policy_code"), "necessity", row.get("necessity_rating"),
                    row.get("necessity_label"), row.get("necessity_as_printed")));
            expected.add(String.join("|", row.get("policy_code"), "progress", row.get("progress_rating"),
                    row.get("progress_label"), row.get("progress_as_printed")));
        }

        assertThat(warehouse.lines("""
                select policy_code, rating_kind, rating, rating_label, _raw_text
                from fct_policy_ratings order by policy_code, rating_kind
                """)).containsExactlyElementsOf(expected);
        assertThat(warehouse.lines("""
                select rating_kind, rating, policy_count, total_count, share_percent
                from v_policy_rating_share where evaluation_fiscal_year = 2022 order by rating_kind, rating
                """)).containsExactly(
                        "necessity|1|0|14|0", "necessity|2|0|14|0", "necessity|3|10|14|71.4", "necessity|4|4|14|28.6",
                        "progress|1|0|14|0", "progress|2|1|14|7.1", "progress|3|13|14|92.9", "progress|4|0|14|0");
    }

    @Test
    void shouldLoadEveryPolicyHeader() {
        List<String> expected = TruthTable.load("policy_sheet").rows().stream()
                .map(row -> String.join("|", row.get("policy_code"), row.get("policy_name"), row.get("department")))
                .toList();

        assertThat(warehouse.lines("""
                select policy_code, policy_name, department_name from fct_policy_evaluations order by policy_code
                """)).containsExactlyElementsOf(expected);
        assertThat(warehouse.lines("""
                select department_name from fct_policy_related_departments
                where policy_code = '654' order by ordinal
                """)).hasSize(16).startsWith("秘書課", "市政情報課").endsWith("監査委員事務局");
        assertThat(warehouse.count("select count(*) from fct_policy_related_departments where policy_code in ('621', '622', '651')"))
                .isZero();
    }

    @Test
    void shouldMatchThePrintedTotalsWithTheTrendView() {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_cost_total").rows()) {
            if (row.get("row_type").startsWith("計")) {
                for (String year : YEARS) {
                    expected.add(row.get("policy_code") + "|" + FISCAL_YEAR.get(year) + "|" + row.get(year + "_num"));
                }
            }
        }

        assertThat(warehouse.lines("""
                select policy_code, fiscal_year, cost_thousand_yen from fct_policy_cost_totals
                where total_kind = 'total' order by policy_code, fiscal_year
                """)).containsExactlyElementsOf(expected);
        assertThat(warehouse.lines("""
                select policy_code, fiscal_year, cost_thousand_yen from fct_policy_cost_totals
                where total_kind = 'trend' order by policy_code, fiscal_year
                """)).containsExactlyElementsOf(expected);
        assertThat(warehouse.lines("""
                select policy_code, fiscal_year, cost_thousand_yen from v_policy_cost_trend order by policy_code, fiscal_year
                """)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldSumDepartmentsFromTheirPoliciesWithYearOverYearChange() {
        Map<String, String> departments = new HashMap<>();
        TruthTable.load("policy_sheet").rows().forEach(r -> departments.put(r.get("policy_code"), r.get("department")));
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (Map<String, String> row : TruthTable.load("policy_cost_total").rows()) {
            if (row.get("row_type").startsWith("計")) {
                for (String year : YEARS) {
                    expected.merge(departments.get(row.get("policy_code")) + "|" + FISCAL_YEAR.get(year),
                            Long.parseLong(row.get(year + "_num")), Long::sum);
                }
            }
        }

        Map<String, Long> actual = new java.util.TreeMap<>();
        for (Map<String, Object> row : warehouse.query("select * from v_department_cost_trend")) {
            actual.put(row.get("department_name") + "|" + row.get("fiscal_year"),
                    ((BigDecimal) row.get("cost_thousand_yen")).longValueExact());
        }

        assertThat(actual).isEqualTo(expected);
        assertThat(warehouse.lines("""
                select fiscal_year, cost_basis, yoy_change_thousand_yen, round(yoy_change_ratio, 6)
                from v_department_cost_trend where department_name = '人権庶務課' order by fiscal_year
                """)).containsExactly(
                        "2020|settled|null|null",
                        "2021|settled|79|0.001809",
                        "2022|forecast|6400|0.146309");
    }

    @Test
    void shouldLoadTheNarrativeBlocksAsWritten() {
        List<String> expected = TruthTable.load("policy_narrative").rows().stream()
                .filter(row -> !row.get("text").isEmpty())
                .map(row -> row.get("policy_code") + "|" + row.get("block") + "|" + row.get("text"))
                .sorted()
                .toList();

        assertThat(warehouse.lines("""
                select owner_code, block_key, body_text from fct_narratives where plan_id = 'comprehensive_plan' order by all
                """)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldTraceEveryFactToTheCellThatShowsIt() throws Exception {
        List<Map<String, Object>> facts = warehouse.query("""
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_project_costs
                union all
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_indicator_values
                union all
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_policy_cost_totals
                union all
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_policy_ratings
                union all
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_statuses
                union all
                select _source_file, _source_sha256, _sheet_name, _cell, _raw_text, _load_run_id from fct_overview_grades
                where grade is not null
                """);
        Map<String, Map<String, SheetGrid>> grids = new HashMap<>();

        for (Map<String, Object> fact : facts) {
            String file = (String) fact.get("_source_file");
            Map<String, SheetGrid> sheets = grids.computeIfAbsent(file, PolicyIngestionIntegrationTests::readGrids);
            SheetGrid grid = sheets.get((String) fact.get("_sheet_name"));
            String address = (String) fact.get("_cell");
            int[] position = position(address);

            assertThat(grid.text(position[0], position[1])).as("%s %s!%s", file, fact.get("_sheet_name"), address)
                    .isEqualTo(fact.get("_raw_text"));
            assertThat(fact.get("_source_sha256")).isEqualTo(sha256(Path.of("input", file)));
            assertThat(fact.get("_load_run_id")).isNotNull();
        }
        assertThat(facts).hasSizeGreaterThan(92 * 3 + 16 * 4 + 14 * 6 + 14 * 2);
        assertThat(facts.stream().map(fact -> fact.get("_source_file")).distinct()).hasSize(16);
    }

    private static Map<String, SheetGrid> readGrids(String file) {
        Map<String, SheetGrid> sheets = new HashMap<>();
        try {
            Path path = Path.of("input", file);
            WorkbookReaders.forFile(path).read(path, grid -> sheets.put(grid.sheetName(), grid));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sheets;
    }

    private static int[] position(String address) {
        int column = 0;
        int i = 0;
        while (Character.isLetter(address.charAt(i))) {
            column = column * 26 + (address.charAt(i) - 'A' + 1);
            i++;
        }
        return new int[] {Integer.parseInt(address.substring(i)) - 1, column - 1};
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
