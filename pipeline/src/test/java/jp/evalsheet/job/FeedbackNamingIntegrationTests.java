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
        Path input = sampleWithAnXlsxBesideTheCsv();
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

    @Test
    void shouldDeleteTheUnfinishedWorkbooksARunKilledWhileWritingLeft() throws Exception {
        // given the feedback folder of a run killed while it wrote two workbooks, one in a subfolder
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        Path unfinished = Files.createDirectories(warehouse.feedbackDir()).resolve(".feedback-123.xlsx.part");
        Path nested = Files.createDirectories(warehouse.feedbackDir().resolve("112275_朝霞市")).resolve(".feedback-9.xlsx.part");
        Path someoneElses = warehouse.feedbackDir().resolve("メモ.xlsx.part");
        for (Path file : new Path[] {unfinished, nested, someoneElses}) {
            Files.write(file, new byte[] {'P', 'K'});
        }

        // when the next run writes its workbooks
        warehouse.ingest(Path.of("input"));

        // then the unfinished ones are gone, and nothing else the folder holds
        assertThat(unfinished).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(someoneElses).exists();
    }

    @Test
    void shouldKeepTheNameOfAnUnchangedFilesWorkbookWhenANewFileWouldTakeIt() throws Exception {
        // given a run that named the workbooks of a CSV and an .xlsx of one name apart
        Path input = sampleWithAnXlsxBesideTheCsv();
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        warehouse.ingest(input);
        Path csvWorkbook = warehouse.feedbackDir().resolve(STEM + "_csv_指摘事項.xlsx");
        byte[] csvFeedback = Files.readAllBytes(csvWorkbook);

        // when a file named like the CSV's workbook joins them (a resubmission of the CSV, so that its
        // content is new), the CSV being unchanged
        Files.copy(input.resolve(STEM + ".csv"), input.resolve(STEM + "_csv.csv"));
        appendLineFeed(input.resolve(STEM + "_csv.csv"));
        warehouse.ingest(input);

        // then the CSV keeps its workbook, and the new file gets a name of its own
        assertThat(csvWorkbook).hasBinaryContent(csvFeedback);
        assertThat(title(warehouse.feedbackDir().resolve(STEM + "_csv (2)_指摘事項.xlsx"))).contains(STEM + "_csv.csv");
        assertThat(warehouse.lines("""
                select source_file, feedback_workbook from etl_file_loads
                where load_run_id = 2 and source_file like ? order by source_file""", STEM + "%"))
                .containsExactly(STEM + ".csv|" + STEM + "_csv_指摘事項.xlsx",
                        STEM + ".xlsx|" + STEM + "_xlsx_指摘事項.xlsx",
                        STEM + "_csv.csv|" + STEM + "_csv (2)_指摘事項.xlsx");
    }

    @Test
    void shouldDropTheWorkbookOfAnEarlierNameWhenAFileIsRenamedByItsNeighbourLeaving() throws Exception {
        // given a run with a CSV and an .xlsx of one name
        Path input = sampleWithAnXlsxBesideTheCsv();
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        warehouse.ingest(input);

        // when the .xlsx leaves and the CSV is submitted again, changed
        Files.delete(input.resolve(STEM + ".xlsx"));
        appendLineFeed(input.resolve(STEM + ".csv"));
        warehouse.ingest(input);

        // then its workbook has its plain name again, and the one under the earlier name is gone
        assertThat(title(warehouse.feedbackDir().resolve(STEM + "_指摘事項.xlsx"))).contains(STEM + ".csv");
        assertThat(warehouse.feedbackDir().resolve(STEM + "_csv_指摘事項.xlsx")).doesNotExist();
        assertThat(warehouse.feedbackDir().resolve(STEM + "_xlsx_指摘事項.xlsx")).exists();
    }

    /** The sample, and beside its CSV an .xlsx of the same name (another department's sheet). */
    private Path sampleWithAnXlsxBesideTheCsv() throws Exception {
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Files.copy(input.resolve("R4_施策評価シート_財産管理課.xlsx"), input.resolve(STEM + ".xlsx"));
        return input;
    }

    /** Changes a CSV's content (and so its SHA-256) without changing what it says. */
    private static void appendLineFeed(Path csv) throws Exception {
        Files.write(csv, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String title(Path workbook) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
            return read.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
        }
    }
}
