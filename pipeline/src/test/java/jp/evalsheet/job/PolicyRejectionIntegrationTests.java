package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * Bad input costs nothing else: the other files and sheets load, the error names the file, sheet
 * and cell, and what was already in the warehouse stays. A failed run can be restarted.
 */
class PolicyRejectionIntegrationTests {

    private static final String HUMAN_RIGHTS = "R4_施策評価シート_人権庶務課.xlsx";

    @TempDir
    Path temp;

    @Test
    void shouldLoadTheOtherFilesWhenOneIsCorrupt() throws Exception {
        // given
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        byte[] workbook = Files.readAllBytes(input.resolve(HUMAN_RIGHTS));
        Files.write(input.resolve("壊れた 提出ファイル.xlsx"), java.util.Arrays.copyOf(workbook, 2000));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select source_file, outcome from etl_file_loads order by source_file"))
                .contains("壊れた 提出ファイル.xlsx|rejected")
                .filteredOn(line -> line.endsWith("|loaded")).hasSize(16);
        assertThat(warehouse.lines("select source_file, severity, rule from v_data_quality_findings where severity = 'error'"))
                .containsExactly("壊れた 提出ファイル.xlsx|error|unreadable_file");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(64);
    }

    @Test
    void shouldRejectOnlyTheSheetWithATextCostAndNameItsCell() throws Exception {
        // given
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        String cell = typeInto(input.resolve(HUMAN_RIGHTS), "施策612", "市民相談事業", 3, "約7千");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(warehouse.lines("select outcome, sheets_loaded, sheets_rejected from etl_file_loads where source_file = ?",
                HUMAN_RIGHTS)).containsExactly("partially_loaded|3|1");
        assertThat(warehouse.query("select * from v_data_quality_findings where source_file = ?", HUMAN_RIGHTS)).singleElement().satisfies(finding -> {
            assertThat(finding.get("source_file")).isEqualTo(HUMAN_RIGHTS);
            assertThat(finding.get("sheet_name")).isEqualTo("施策612");
            assertThat(finding.get("cell")).isEqualTo(cell);
            assertThat(finding.get("rule")).isEqualTo("cost_not_a_number");
            assertThat((String) finding.get("message")).contains("expected a cost in thousand yen");
            assertThat(finding.get("raw_text")).isEqualTo("約7千");
        });
        assertThat(warehouse.lines("select subject_code from v_current_sheet_loads where department_name = '人権庶務課' order by 1"))
                .containsExactly("611", "621", "622");
        // and the feedback workbook for the department lists the error and marks the cell in its copy of the sheet
        Path feedback = warehouse.feedbackDir().resolve("R4_施策評価シート_人権庶務課_指摘事項.xlsx");
        try (InputStream in = Files.newInputStream(feedback); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("指摘事項 (Findings)");
            Sheet findings = workbook.getSheetAt(0);
            List<String> rows = new java.util.ArrayList<>();
            for (Row row : findings) {
                StringBuilder text = new StringBuilder();
                row.forEach(c -> text.append(c.toString()).append('|'));
                rows.add(text.toString());
            }
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("施策612", cell, "expected a cost in thousand yen", "約7千"));
            Cell marked = workbook.getSheet("施策612").getRow(new org.apache.poi.ss.util.CellReference(cell).getRow())
                    .getCell(new org.apache.poi.ss.util.CellReference(cell).getCol());
            assertThat(marked.getStringCellValue()).isEqualTo("約7千");
            assertThat(marked.getCellComment().getString().getString()).contains("expected a cost in thousand yen");
        }
        assertThat(warehouse.feedbackDir()).isDirectoryContaining(path -> path.getFileName().toString()
                .equals("R4_施策評価シート_財政課_指摘事項.xlsx"));
    }

    @Test
    void shouldValidateAFolderWithoutChangingTheWarehouse() throws Exception {
        // given a published warehouse and a folder with a broken resubmission
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        byte[] published = Files.readAllBytes(warehouse.file());
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        typeInto(input.resolve(HUMAN_RIGHTS), "施策612", "市民相談事業", 3, "約7千");

        // when
        int exitCode = warehouse.ingest(input, "--validate");

        // then the findings are reported and written back, and the warehouse file is untouched
        assertThat(exitCode).isEqualTo(2);
        assertThat(Files.readAllBytes(warehouse.file())).isEqualTo(published);
        assertThat(warehouse.lines("select load_run_id, is_dry_run from etl_load_runs")).containsExactly("1|false");
        assertThat(warehouse.feedbackDir().resolve("R4_施策評価シート_人権庶務課_指摘事項.xlsx")).exists();
        assertThat(temp.resolve("warehouse.duckdb.building")).doesNotExist();
    }

    @Test
    void shouldKeepThePublishedVersionWhenAResubmissionIsRejected() throws Exception {
        // given a complete first run
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Map<String, List<String>> before = warehouse.snapshotOfViews();
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        typeInto(input.resolve(HUMAN_RIGHTS), "施策612", "市民相談事業", 3, "約7千");

        // when the department resubmits with a broken sheet
        assertThat(warehouse.ingest(input)).isEqualTo(2);

        // then policy 612 keeps its published figures; the other sheets of the file are replaced by identical ones
        Map<String, List<String>> after = warehouse.snapshotOfViews();
        for (String view : List.of("v_policy_cost_trend", "v_project_cost_trend", "v_indicator_progress",
                "v_policy_rating_share", "v_department_cost_trend")) {
            assertThat(after.get(view)).as(view).isEqualTo(before.get(view));
        }
        assertThat(warehouse.lines("select subject_code, load_run_id from v_current_sheet_loads "
                + "where department_name = '人権庶務課' order by 1"))
                .containsExactly("611|2", "612|1", "621|2", "622|2");
        assertThat(warehouse.lines("select subject_code, status, superseded_by_load_run_id from etl_sheet_loads "
                + "where load_run_id = 1 and department_name = '人権庶務課' order by 1"))
                .containsExactly("611|superseded|2", "612|published|null", "621|superseded|2", "622|superseded|2");
    }

    @Test
    void shouldRestartAFailedRunFromTheJobRepositoryInTheWarehouse() {
        // given a run that fails because its input folder is missing
        Path input = temp.resolve("input");
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(input)).isEqualTo(1);
        assertThat(warehouse.file()).doesNotExist();
        Warehouse workingCopy = new Warehouse(temp.resolve("warehouse.duckdb.building"));
        assertThat(workingCopy.lines("select load_run_id, status from etl_load_runs")).containsExactly("1|failed");

        // when the folder is there and the run is restarted
        Warehouse.copyFolder(Path.of("input"), input);
        int exitCode = EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());

        // then the same run completes
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("select load_run_id, status, files_loaded from etl_load_runs"))
                .containsExactly("1|completed|16");
        assertThat(warehouse.lines("select status from batch.batch_job_execution order by job_execution_id"))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(64);
        assertThat(workingCopy.file()).doesNotExist();
    }

    /** Types text into a project's cost cell of one sheet, as a department might; returns the cell's address. */
    private static String typeInto(Path file, String sheetName, String project, int costColumn, String text) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            for (Row row : sheet) {
                Cell name = row.getCell(1);
                if (name != null && project.equals(name.toString())) {
                    Cell cell = row.getCell(costColumn);
                    cell.setCellValue(text);
                    try (OutputStream out = Files.newOutputStream(file)) {
                        workbook.write(out);
                    }
                    return cell.getAddress().formatAsString();
                }
            }
        }
        throw new IllegalArgumentException(project + " is not on " + sheetName);
    }
}
