package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/** Two submissions whose names differ only in their extension get a feedback workbook each. */
class FeedbackNamingIntegrationTests {

    private static final String STEM = "R4_施策評価シート_財政課";

    @TempDir
    Path temp;

    @Test
    void shouldWriteOneWorkbookPerSubmissionWhenNamesDifferOnlyInExtension() throws Exception {
        // given the CSV of the sample and, beside it, an .xlsx of the same name (another department's sheet)
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Files.copy(input.resolve("R4_施策評価シート_財産管理課.xlsx"), input.resolve(STEM + ".xlsx"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        warehouse.ingest(input);

        // then each has its own workbook, titled with its own file, and every other file keeps its usual name
        assertThat(title(warehouse.feedbackDir().resolve(STEM + "_csv_指摘事項.xlsx"))).contains(STEM + ".csv");
        assertThat(title(warehouse.feedbackDir().resolve(STEM + "_xlsx_指摘事項.xlsx"))).contains(STEM + ".xlsx");
        assertThat(warehouse.feedbackDir().resolve(STEM + "_指摘事項.xlsx")).doesNotExist();
        assertThat(warehouse.feedbackDir().resolve("R4_施策評価シート_財産管理課_指摘事項.xlsx")).exists();
        try (Stream<Path> written = Files.list(warehouse.feedbackDir())) {
            assertThat(written.count()).isEqualTo(17); // the 16 of the sample and the added one
        }
    }

    private static String title(Path workbook) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
            return read.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
        }
    }
}
