package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * v_status_items, one row per evaluated item with its current status: a resubmitted sheet counts once,
 * with the status of its latest version, where a plain count over fct_statuses counts every version;
 * and its items are exactly those v_status_summary counts.
 */
class StatusItemsIntegrationTests {

    private static final String GOAL_1 = "R6_総合戦略効果検証_基本目標1.xlsx";
    private static final String ITEMS_BY_STATUS = """
            select category, status, count(*) from v_status_items
            where plan = 'regional_strategy_2' group by all order by all
            """;

    @TempDir
    Path temp;

    @Test
    void shouldCountEachKpiOnceWhenItsSheetWasResubmitted() throws Exception {
        // given input/ published: 27 KPIs, counted alike by a plain count and by the view
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        assertThat(warehouse.count("select count(*) from fct_statuses where category = 'KPI'")).isEqualTo(27);
        assertThat(warehouse.count("select count(*) from v_status_items where category = 'KPI'")).isEqualTo(27);

        // when 産業振興課 resubmits 基本目標1 (7 KPIs), correcting 1(ア)② 買物施設等誘致件数 from C to B
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        rateKpi(input.resolve(GOAL_1), "買物施設等誘致件数", "B　策定当初より良くなっている");
        assertThat(warehouse.ingest(input)).isZero();

        // then a plain count counts the 7 KPIs of both versions; the view counts each KPI once, as it now stands
        assertThat(warehouse.lines("select load_run_id, status from v_sheet_versions where source_file = ? order by all", GOAL_1))
                .containsExactly("1|superseded", "2|published");
        assertThat(warehouse.count("select count(*) from fct_statuses where category = 'KPI'")).isEqualTo(34);
        assertThat(warehouse.count("select count(*) from v_status_items where category = 'KPI'")).isEqualTo(27);
        assertThat(warehouse.lines(ITEMS_BY_STATUS)).containsExactly(
                "KPI|A|9", "KPI|B|12", "KPI|C|6", "数値目標|B|3", "数値目標|C|4");
        assertThat(warehouse.lines("""
                select owner_code, indicator_no, item_name, department_name, status, status_label, _source_file
                from v_status_items where category = 'KPI' and owner_code = '1-ア' order by indicator_no
                """)).containsExactly(
                        "1-ア|1|市の支援による空き店舗の活用件数（累計）|産業振興課|B|策定当初より良くなっている|" + GOAL_1,
                        "1-ア|2|買物施設等誘致件数|産業振興課|B|策定当初より良くなっている|" + GOAL_1);
        assertThat(warehouse.lines("""
                select status, status_count, total_count, share_percent::varchar from v_status_summary
                where category = 'KPI' order by sort_order
                """)).containsExactly("A|9|27|33.3", "B|12|27|44.5", "C|6|27|22.2");
        assertThat(warehouse.lines("""
                select s.status from v_status_items as s
                inner join v_current_sheet_loads as l on l.sheet_load_id = s._sheet_load_id
                where s.owner_code = '1-ア' and s.indicator_no = 2 and l.load_run_id = 2
                """)).containsExactly("B");
    }

    @Test
    void shouldHoldExactlyTheItemsTheStatusSummaryCountsOnceEach() {
        // given
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();

        // then one row per item and evaluation year ...
        assertThat(warehouse.lines("""
                select municipality_code, plan, category, owner_code, indicator_no, evaluation_fiscal_year, count(*)
                from v_status_items group by all having count(*) > 1
                """)).isEmpty();
        assertThat(warehouse.lines("""
                select category, evaluation_fiscal_year, count(*), count(item_name), count(status_label)
                from v_status_items group by all order by all
                """)).containsExactly(
                        "KPI|2024|27|27|27",
                        "数値目標|2024|7|7|7",
                        "施策必要性|2022|14|14|14",
                        "施策進捗|2022|14|14|14",
                        "福祉事業評価|2023|45|45|45",
                        "福祉事業評価（評価一覧）|2021|45|45|45",
                        "福祉事業評価（評価一覧）|2022|45|45|45",
                        "福祉事業評価（評価一覧）|2023|45|45|45");
        // ... and, status by status, the count the summary prints
        assertThat(warehouse.lines("""
                select municipality_code, plan, category, evaluation_fiscal_year, status, count(*)
                from v_status_items group by all order by all
                """)).containsExactlyElementsOf(warehouse.lines("""
                        select municipality_code, plan, category, evaluation_fiscal_year, status, status_count
                        from v_status_summary where status_count > 0 order by all
                        """));
        assertThat(warehouse.lines("""
                select item_name, department_name, status, status_label from v_status_items
                where category = '施策進捗' and owner_code = '611'
                """)).containsExactly("人権教育・啓発活動|人権庶務課|3|おおむね順調");
        assertThat(warehouse.lines("""
                select evaluation_fiscal_year, item_name, status, status_label, is_latest_evaluation from v_status_items
                where category = '福祉事業評価（評価一覧）' and owner_code = '10-1' order by 1
                """)).containsExactly(
                        "2021|分かりやすい福祉情報の提供|B|ある程度進捗している|false",
                        "2022|分かりやすい福祉情報の提供|A|着実に進捗している|false",
                        "2023|分かりやすい福祉情報の提供|A|着実に進捗している|true");
    }

    @Test
    void shouldMarkTheLatestEvaluationOfAnItemEvaluatedInTwoYears() throws Exception {
        // given the FY2022 run, then a year later the FY2023 sheet of policy 611 (test data)
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();

        // when
        assertThat(warehouse.ingest(Path.of(getClass().getResource("/fixtures/policy/next-year").toURI()))).isZero();

        // then both evaluations of 611 are items, and each policy counts once among the latest evaluations
        assertThat(warehouse.lines("""
                select evaluation_fiscal_year, is_latest_evaluation from v_status_items
                where category = '施策進捗' and owner_code = '611' order by 1
                """)).containsExactly("2022|false", "2023|true");
        assertThat(warehouse.count("select count(*) from v_status_items where category = '施策進捗'")).isEqualTo(15);
        assertThat(warehouse.count("select count(*) from v_status_items where category = '施策進捗' and is_latest_evaluation"))
                .isEqualTo(14);
    }

    /** Types {@code status} into the status cell of the KPI named {@code kpi}, as the department would. */
    private static void rateKpi(Path file, String kpi, String status) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(kpi)) {
                        row.getCell(10).setCellValue(status);
                        try (OutputStream out = Files.newOutputStream(file)) {
                            workbook.write(out);
                        }
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("no KPI " + kpi);
    }
}
