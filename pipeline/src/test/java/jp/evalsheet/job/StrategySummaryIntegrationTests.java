package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * The printed roll-up (総括) of the strategy: stored as printed, checked against the statuses of the
 * KPI sheets, dated by them when it prints no year of its own.
 */
class StrategySummaryIntegrationTests {

    private static final String AS_PRINTED = "/fixtures/layouts/strategy/01-as-printed/";
    private static final String FLAT_LISTS = "/fixtures/layouts/strategy/10-flat-lists-no-year/";

    @TempDir
    Path temp;

    @Test
    void shouldReportAPrintedCountThatTheSheetsDoNotGive() throws Exception {
        // given the report laid out as printed, its 総括 printing 4件 for B of the 数値目標 instead of 3件
        Path input = Warehouse.copyFolder(fixture(AS_PRINTED + "xlsx"), temp.resolve("input"));
        Path workbook;
        try (var files = Files.list(input)) {
            workbook = files.findFirst().orElseThrow();
        }
        String cell = retype(workbook, "総括", "3件", "4件");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then it loads, and the office sees where the roll-up and the sheets disagree
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("""
                select sheet_name, cell, severity, rule from v_data_quality_findings where rule = 'printed_summary_differs'
                """)).containsExactly("総括|" + cell + "|warning|printed_summary_differs");
        assertThat(warehouse.lines("""
                select message from v_data_quality_findings where rule = 'printed_summary_differs'
                """)).singleElement().asString().contains("数値目標 B", "4件", "3件 of 7");
    }

    @Test
    void shouldDateASummarySavedAloneByTheKpiSheetsOfItsRun() throws Exception {
        // given the CSV of the flat lists: the 総括 is a file of its own, and no cell prints the year
        Path input = Warehouse.copyFolder(fixture(FLAT_LISTS + "csv"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("""
                select evaluation_fiscal_year, count(*) from fct_printed_status_counts group by all
                """)).containsExactly("2024|10");
        assertThat(warehouse.lines("""
                select subject_code, evaluation_fiscal_year from etl_sheet_loads where subject_code = '総括'
                """)).containsExactly("総括|2024");
    }

    @Test
    void shouldRejectASummaryAloneThatNothingDates() throws Exception {
        // given the 総括 CSV alone, in a run without KPI sheets and without --fiscal-year
        Path input = Files.createDirectory(temp.resolve("input"));
        try (var files = Files.list(fixture(FLAT_LISTS + "csv"))) {
            Path summary = files.filter(f -> f.getFileName().toString().endsWith("-総括.csv")).findFirst().orElseThrow();
            Files.copy(summary, input.resolve(summary.getFileName()));
        }
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select rule from etl_messages where severity = 'error'"))
                .containsExactly("missing_evaluation_year");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isZero();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(StrategySummaryIntegrationTests.class.getResource(name).toURI());
    }

    /** Replaces the text {@code from} by {@code to} in the sheet; returns the cell's address. */
    private static String retype(Path file, String sheet, String from, String to) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheet(sheet)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals(from)) {
                        // a new cell: POI keeps an inline string's old text beside the new one (openpyxl writes inline strings)
                        int column = cell.getColumnIndex();
                        row.removeCell(cell);
                        row.createCell(column).setCellValue(to);
                        try (OutputStream out = Files.newOutputStream(file)) {
                            workbook.write(out);
                        }
                        return new org.apache.poi.ss.util.CellAddress(row.getRowNum(), column).formatAsString();
                    }
                }
            }
        }
        throw new IllegalStateException("no " + from + " in " + sheet);
    }
}
