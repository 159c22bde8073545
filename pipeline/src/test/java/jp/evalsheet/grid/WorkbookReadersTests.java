package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.fixture;
import static jp.evalsheet.grid.GridFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReadersTests {

    @TempDir
    Path temp;

    @Test
    void shouldChooseReaderByContent() throws Exception {
        assertThat(WorkbookReaders.forFile(fixture("evaluation-sheet.xlsx"))).isInstanceOf(XlsxStreamingReader.class);
        assertThat(WorkbookReaders.forFile(fixture("evaluation-sheet.xls"))).isInstanceOf(XlsReader.class);
        assertThat(WorkbookReaders.forFile(fixture("evaluation-sheet-utf8.csv"))).isInstanceOf(CsvReader.class);
    }

    @Test
    void shouldReadXlsxWhenItIsNamedXls() throws Exception {
        Path misnamed = temp.resolve("評価シート.xls");
        Files.copy(fixture("evaluation-sheet.xlsx"), misnamed);

        WorkbookReader reader = WorkbookReaders.forFile(misnamed);

        assertThat(reader).isInstanceOf(XlsxStreamingReader.class);
        assertThat(readAll(reader, misnamed)).hasSize(3);
    }

    @Test
    void shouldReadCsvWhenItIsNamedTxt() throws Exception {
        Path text = temp.resolve("指標.txt");
        Files.copy(fixture("indicators-utf8.csv"), text);

        assertThat(readAll(WorkbookReaders.forFile(text), text).get(0).sheetName()).isEqualTo("指標");
    }

    @Test
    void shouldRefusePasswordProtectedXlsxWhenTheReaderReads() throws Exception {
        Path file = fixture("password-protected.xlsx");
        WorkbookReader reader = WorkbookReaders.forFile(file);

        assertThatThrownBy(() -> readAll(reader, file))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the workbook is password-protected; save it without a password and submit it again");
    }

    @Test
    void shouldRefusePasswordProtectedXlsWhenTheReaderReads() throws Exception {
        Path file = fixture("password-protected.xls");
        WorkbookReader reader = WorkbookReaders.forFile(file);

        assertThat(reader).isInstanceOf(XlsReader.class);
        assertThatThrownBy(() -> readAll(reader, file))
                .hasMessage("the workbook is password-protected; save it without a password and submit it again");
    }

    @Test
    void shouldRefuseEmptyFile() {
        assertThatThrownBy(() -> WorkbookReaders.forFile(fixture("empty.xlsx")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the file is empty");
    }

    @Test
    void shouldRefuseUnknownContentWhenTheNameIsNotCsv() throws IOException {
        Path pdf = temp.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.7 ...", StandardCharsets.US_ASCII);
        Path htmlAsXls = temp.resolve("old-export.xls");
        Files.writeString(htmlAsXls, "<html><table><tr><td>1</td></tr></table></html>", StandardCharsets.US_ASCII);

        for (Path file : new Path[] {pdf, htmlAsXls}) {
            assertThatThrownBy(() -> WorkbookReaders.forFile(file))
                    .isInstanceOf(WorkbookReadException.class)
                    .hasMessageStartingWith("not a workbook: the file is named ." + FileSniffer.extension(file)
                            + " but holds neither an Excel workbook nor CSV text");
        }
    }

    @Test
    void shouldAcceptWorkbookAndCsvNamesOnly() {
        assertThat(WorkbookReaders.isCandidate(Path.of("in/評価シート.xlsx"))).isTrue();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/EVAL.XLSM"))).isTrue();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/old.Xls"))).isTrue();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/指標.CSV"))).isTrue();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/~$評価シート.xlsx"))).isFalse();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/.hidden.xlsx"))).isFalse();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/notes.txt"))).isFalse();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/book.xlsb"))).isFalse();
        assertThat(WorkbookReaders.isCandidate(Path.of("in/xlsx"))).isFalse();
    }
}
