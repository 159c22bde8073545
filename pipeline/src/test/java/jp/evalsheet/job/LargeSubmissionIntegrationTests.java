package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.samples.LargeWorkbooks;
import jp.evalsheet.support.Warehouse;

/**
 * Memory stays bounded whatever one file holds: the job, in a process of its own with a heap of
 * 256 MB (a quarter of the JVM's default on a 4 GB server), reads input/ beside a sheet of 1,048,576
 * rows, a sheet of 2.1 million cells within the row limit, a full .xls of 65,536 rows and a CSV of a
 * million lines, each of them rejected with its feedback workbook, and two submissions just within
 * what a marked copy is made of, each copied into its feedback workbook.
 */
class LargeSubmissionIntegrationTests {

    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path temp;

    @Test
    void shouldRejectHugeFilesAndPublishTheOthersWithinASmallHeap() throws Exception {
        // given input/ and the large files
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        LargeWorkbooks.xlsx(input.resolve("百万行.xlsx"), "貼り付け", 1_048_576, 1);
        LargeWorkbooks.xlsx(input.resolve("二百万セル.xlsx"), "貼り付け", 99_000, 22);
        LargeWorkbooks.xls(input.resolve("全行.xls"), "貼り付け", 65_536, 8);
        LargeWorkbooks.csv(input.resolve("百万行のCSV.csv"), 1_000_000, 3);
        // within the copy's budget (about 7 MB of sheet XML, 130,000 cells): read, and copied
        LargeWorkbooks.xlsx(input.resolve("大きめ1.xlsx"), "貼り付け", 65_000, 2);
        LargeWorkbooks.xlsx(input.resolve("大きめ2.xlsx"), "貼り付け", 65_000, 2);
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when the job runs with a small heap
        Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                EvalSheetWarehouseApplication.class.getName(), "--input=" + input, Warehouse.ASAKA,
                "--warehouse=" + warehouse.file(), "--feedback=" + warehouse.feedbackDir())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("job.log").toFile())
                .start();
        assertThat(job.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(temp.resolve("job.log"), StandardCharsets.UTF_8);

        // then the run completes: input/ is published, every large file rejected with its reason
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(job.exitValue()).as(output).isEqualTo(2);
        assertThat(warehouse.lines("select count(*) from etl_file_loads where outcome = 'loaded'")).containsExactly("16");
        assertThat(warehouse.lines("""
                select source_file, rule, message from etl_messages
                where severity = 'error'"""))
                .containsExactlyInAnyOrder(
                        "全行.xls|unreadable_file|sheet '貼り付け' has more than 200,000 cells, but an evaluation sheet has a few "
                                + "thousand; remove unused cells or move the data to another file and submit it again",
                        "大きめ1.xlsx|unknown_sheet_family|" + noKnownFamily(),
                        "大きめ2.xlsx|unknown_sheet_family|" + noKnownFamily(),
                        "二百万セル.xlsx|unreadable_file|sheet '貼り付け' has more than 200,000 cells, but an evaluation sheet "
                                + "has a few thousand; remove unused cells or move the data to another file and submit it again",
                        "百万行のCSV.csv|unreadable_file|sheet '百万行のCSV' has more than 200,000 cells, but an evaluation sheet has a few "
                                + "thousand; remove unused cells or move the data to another file and submit it again",
                        "百万行.xlsx|unreadable_file|sheet '貼り付け' has cells beyond row 100,000, but an evaluation sheet has "
                                + "a few hundred rows; delete the rows below the sheet's content (or move the data to another "
                                + "file) and submit it again");

        // and each gets its feedback workbook: the list alone where the file is too large to copy
        for (String file : List.of("百万行", "二百万セル", "全行", "百万行のCSV")) {
            assertThat(sheetsAndNote(warehouse.feedbackDir().resolve(file + "_指摘事項.xlsx")))
                    .as(file).startsWith("指摘事項 (Findings)|提出ファイルが大きすぎるため、写しは付いていません "
                            + "(your file is too large for a marked copy, so none is attached: it holds ");
        }
        for (String file : List.of("大きめ1", "大きめ2")) {
            assertThat(sheetsAndNote(warehouse.feedbackDir().resolve(file + "_指摘事項.xlsx")))
                    .as(file).startsWith("指摘事項 (Findings)|貼り付け|提出ファイルの写しを後ろのシートに付け");
        }
    }

    private static String noKnownFamily() {
        return "no sheet of a known family: expected a 施策評価シート (labels 担当課 and 施策を構成する事務事業名), a 総合戦略 "
                + "効果検証 sheet (基本目標, 数値目標, KPI) or a 地域福祉計画 進行管理・評価シート (課名, 事業名, 目標値, 実績値)";
    }

    /** The names of a workbook's sheets and the note of its findings sheet, joined by {@code |}. */
    private static String sheetsAndNote(Path workbookFile) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(workbookFile.toFile())) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                parts.add(workbook.getSheetName(i));
            }
            parts.add(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
            return String.join("|", parts);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
