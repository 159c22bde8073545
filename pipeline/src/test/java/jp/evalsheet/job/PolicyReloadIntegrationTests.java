package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * What happens across runs: the same input twice, the same submission in three file formats, and
 * next year's sheet arriving a year later.
 */
class PolicyReloadIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldChangeNothingWhenTheSameInputIsLoadedTwice() {
        // given
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Map<String, List<String>> before = warehouse.snapshotOfViews();
        long factsBefore = warehouse.count("select count(*) from fct_project_costs");

        // when
        int exitCode = warehouse.ingest(Path.of("input"));

        // then
        assertThat(exitCode).isZero();
        assertThat(warehouse.snapshotOfViews()).isEqualTo(before);
        assertThat(warehouse.count("select count(*) from fct_project_costs")).isEqualTo(factsBefore).isEqualTo(92 * 3);
        assertThat(warehouse.lines("select load_run_id, status, files_seen, files_loaded, files_unchanged, facts_loaded "
                + "from etl_load_runs order by load_run_id"))
                .containsExactly("1|completed|16|16|0|1949", "2|completed|16|0|16|0");
        assertThat(before.get("v_policy_cost_trend")).hasSize(14 * 3);
    }

    @Test
    void shouldGiveTheSameFactsFromXlsxXlsAndCsv() throws URISyntaxException {
        // given the 人権庶務課 submission as written by POI, and converted by LibreOffice to .xls and CP932 CSV
        String facts = """
                select 'cost', policy_code, row_no::varchar, project_name, is_relisted::varchar, fiscal_year::varchar,
                    cost_basis, coalesce(cost_thousand_yen::varchar, value_status) from fct_project_costs
                union all
                select 'indicator', owner_code, indicator_no::varchar, value_kind, value_status, fiscal_year::varchar,
                    value_unit, value::varchar from fct_indicator_values
                union all
                select 'rating', policy_code, rating_kind, rating::varchar, rating_label, evaluation_fiscal_year::varchar,
                    _raw_text, null from fct_policy_ratings
                union all
                select 'total', policy_code, total_kind, fiscal_year::varchar, cost_basis, cost_thousand_yen::varchar,
                    null, null from fct_policy_cost_totals
                union all
                select 'narrative', owner_code, block_key, body_text, null, null, null, null from fct_narratives
                union all
                select 'policy', policy_code, policy_name, department_name, target_state,
                    evaluation_fiscal_year::varchar, null, null from fct_policy_evaluations
                union all
                -- the raw 関連課 text differs on purpose: CP932 has no — (U+2014), so the CSV shows ― (U+2015)
                select 'related', policy_code, ordinal::varchar, department_name, null, null, null, null
                from fct_policy_related_departments
                union all
                select 'project', policy_code, row_no::varchar, name_as_printed, direction, null, null, null
                from fct_policy_projects
                order by all
                """;

        // when
        List<String> fromXlsx = loadFixture("xlsx").lines(facts);
        List<String> fromXls = loadFixture("xls").lines(facts);
        List<String> fromCsv = loadFixture("csv").lines(facts);

        // then
        assertThat(fromXlsx).hasSizeGreaterThan(100);
        assertThat(fromXls).containsExactlyElementsOf(fromXlsx);
        assertThat(fromCsv).containsExactlyElementsOf(fromXlsx);
    }

    @Test
    void shouldPreferNextYearsSettledCostWhileKeepingTheForecast() throws URISyntaxException {
        // given the FY2022 run, then a year later the FY2023 sheet of policy 611 (test data)
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();

        // when
        assertThat(warehouse.ingest(fixture("next-year"))).isZero();

        // then the facts keep both figures for FY2022, each with the year of the report that stated it
        assertThat(warehouse.lines("""
                select fiscal_year, cost_basis, cost_thousand_yen, reported_fiscal_year from fct_project_costs
                where policy_code = '611' and project_name = '人権啓発推進事業' order by fiscal_year, reported_fiscal_year
                """)).containsExactly(
                        "2020|settled|10059|2022",
                        "2021|settled|5113|2022",
                        "2021|settled|5113|2023",
                        "2022|forecast|6717|2022",
                        "2022|settled|6900|2023",
                        "2023|forecast|7200|2023");
        // and the trends take the settled FY2022 cost from the FY2023 report
        assertThat(warehouse.lines("""
                select fiscal_year, cost_thousand_yen, cost_basis, yoy_change_thousand_yen, reported_fiscal_year
                from v_policy_cost_trend where policy_code = '611' order by fiscal_year
                """)).containsExactly(
                        "2020|10059|settled|null|2022",
                        "2021|5113|settled|-4946|2023",
                        "2022|6900|settled|1787|2023",
                        "2023|7200|forecast|300|2023");
        assertThat(warehouse.lines("""
                select fiscal_year, cost_thousand_yen, cost_basis, reported_fiscal_year from v_project_cost_trend
                where policy_code = '611' order by fiscal_year
                """)).containsExactly(
                        "2020|10059|settled|2022", "2021|5113|settled|2023", "2022|6900|settled|2023", "2023|7200|forecast|2023");
        assertThat(warehouse.lines("""
                select fiscal_year, cost_thousand_yen, cost_basis from v_department_cost_trend
                where department_name = '人権庶務課' order by fiscal_year
                """)).containsExactly(
                        "2020|43664|settled", "2021|43743|settled", "2022|50326|forecast", "2023|7200|forecast");
        assertThat(warehouse.lines("""
                select fiscal_year, value_kind, value, reported_fiscal_year from v_indicator_progress
                where owner_code = '611' order by fiscal_year
                """)).containsExactly("2020|actual|50|2022", "2021|actual|210|2023", "2022|actual|372|2023",
                        "2023|forecast|450|2023");
        // and both evaluations stay current: they are different evaluation years of the same policy
        assertThat(warehouse.lines("""
                select evaluation_fiscal_year, count(*) from v_current_sheet_loads where subject_code = '611'
                group by all order by all
                """)).containsExactly("2022|1", "2023|1");
        assertThat(warehouse.lines("select evaluation_fiscal_year, total_count from v_policy_rating_share "
                + "where rating_kind = 'progress' and rating = 3 order by 1")).containsExactly("2022|14", "2023|1");
    }

    @Test
    void shouldReplaceExactlyTheResubmittedSheetsAndKeepTheEarlierVersion() throws Exception {
        // given a published warehouse, and 人権庶務課 correcting one figure of policy 611 (R3 actual 210 -> 215)
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Path corrected = input.resolve("R4_施策評価シート_人権庶務課.xlsx");
        try (InputStream in = Files.newInputStream(corrected); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            boolean typed = false;
            for (Row row : workbook.getSheet("施策611")) {
                for (Cell cell : row) {
                    if (!typed && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == 210) {
                        cell.setCellValue(215);
                        typed = true;
                    }
                }
            }
            assertThat(typed).isTrue();
            try (OutputStream out = Files.newOutputStream(corrected)) {
                workbook.write(out);
            }
        }

        // when
        assertThat(warehouse.ingest(input)).isZero();

        // then only the resubmitted file was read again, and only its figure changed
        assertThat(warehouse.lines("select outcome, count(*) from etl_file_loads where load_run_id = 2 group by all order by all"))
                .containsExactly("loaded|1", "unchanged|15");
        assertThat(warehouse.lines("""
                select subject_code, fact_key, change, old_value, new_value, old_raw_text, new_raw_text, old_load_run_id,
                    new_load_run_id from v_value_changes
                """)).containsExactly("611|indicator 611 #1 actual FY2021|changed|210.0000|215.0000|210|215|1|2");
        assertThat(warehouse.lines("""
                select version, is_current, load_run_id, superseded_by_load_run_id from v_sheet_versions
                where subject_code = '611' order by version
                """)).containsExactly("1|false|1|2", "2|true|2|null");
        assertThat(warehouse.lines("""
                select value, reported_fiscal_year from v_indicator_progress where owner_code = '611' and fiscal_year = 2021
                """)).containsExactly("215|2022");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads where load_run_id = 2")).isEqualTo(4);
        assertThat(warehouse.count("select count(*) from fct_indicator_values where owner_code = '611'")).isEqualTo(2 * 4);
    }

    private Warehouse loadFixture(String format) throws URISyntaxException {
        Warehouse warehouse = new Warehouse(temp.resolve(format + ".duckdb"));
        assertThat(warehouse.ingest(fixture("formats/" + format))).isZero();
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(4);
        return warehouse;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PolicyReloadIntegrationTests.class.getResource("/fixtures/policy/" + name).toURI());
    }
}
