package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * One bad row costs that row, not the sheet: the rest of the sheet loads, the row's cell is an error
 * in the findings and the run exits 2. A sheet with a bad row never replaces a published version of
 * itself, so that nothing published is lost until a corrected sheet comes.
 */
class RowErrorIntegrationTests {

    private static final String GOAL_1 = "R6_総合戦略効果検証_基本目標1.xlsx";
    private static final String KPI_VALUES = """
            select owner_code, indicator_no, value_kind, fiscal_year, _raw_text from fct_indicator_values
            where _sheet_load_id in (select sheet_load_id from v_current_sheet_loads) and owner_code like '1-%'
            order by all
            """;

    @TempDir
    Path temp;

    @Test
    void shouldLoadTheSheetWithoutTheRowOfAStatusThatIsNotABOrC() throws Exception {
        // given goal 1's workbook, its KPI 1(ア)② rated D
        Path input = Files.createDirectory(temp.resolve("input"));
        Path file = Files.copy(Path.of("input").resolve(GOAL_1), input.resolve(GOAL_1));
        String cell = rateKpi(file, "買物施設等誘致件数", "D　評価不能");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select source_file, outcome, sheets_loaded, sheets_rejected from etl_file_loads"))
                .containsExactly(GOAL_1 + "|partially_loaded|1|0");
        assertThat(warehouse.lines("select sheet_name, cell, severity, rule from v_data_quality_findings where severity = 'error'"))
                .containsExactly("基本目標1|" + cell + "|error|invalid_status");
        assertThat(warehouse.lines("select owner_code, indicator_no from fct_indicators where indicator_category = 'KPI' order by all"))
                .containsExactly("1-ア|1", "1-イ|1", "1-イ|2", "1-ウ|1", "1-ウ|2", "1-ウ|3");
        assertThat(warehouse.count("select count(*) from fct_indicators where indicator_category = '数値目標'")).isEqualTo(2);
    }

    @Test
    void shouldKeepThePublishedSheetWhenAResubmissionHasABadRow() throws Exception {
        // given goal 1 published whole
        Path input = Files.createDirectory(temp.resolve("input"));
        Path file = Files.copy(Path.of("input").resolve(GOAL_1), input.resolve(GOAL_1));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(input)).isZero();
        var published = warehouse.lines(KPI_VALUES);

        // when it comes again with one KPI rated D
        rateKpi(file, "買物施設等誘致件数", "D　評価不能");
        int exitCode = warehouse.ingest(input);

        // then the published sheet stays whole, and the department reads why the new one was not taken
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines(KPI_VALUES)).isEqualTo(published).hasSize(7 * 7);
        assertThat(warehouse.lines("""
                select rule, severity from v_data_quality_findings where severity = 'error' order by rule
                """)).containsExactly("invalid_status|error", "partial_replacement|error");
        assertThat(warehouse.lines("select outcome from etl_file_loads where load_run_id = 2")).containsExactly("rejected");

        // and a corrected resubmission replaces it
        rateKpi(file, "買物施設等誘致件数", "B　策定当初より良くなっている");
        assertThat(warehouse.ingest(input)).isZero();
        assertThat(warehouse.lines("""
                select s.status from fct_statuses as s inner join v_current_sheet_loads as l on l.sheet_load_id = s._sheet_load_id
                where s.owner_code = '1-ア' and s.indicator_no = 2
                """)).containsExactly("B");
    }

    /** Types {@code status} into the status cell of the KPI named {@code kpi}; returns the cell's address. */
    private static String rateKpi(Path file, String kpi, String status) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals(kpi)) {
                        Cell statusCell = row.getCell(10);
                        statusCell.setCellValue(status);
                        try (OutputStream out = Files.newOutputStream(file)) {
                            workbook.write(out);
                        }
                        return statusCell.getAddress().formatAsString();
                    }
                }
            }
        }
        throw new IllegalStateException("no KPI " + kpi);
    }
}
