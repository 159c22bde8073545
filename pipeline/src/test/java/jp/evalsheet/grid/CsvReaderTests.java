package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.fixture;
import static jp.evalsheet.grid.GridFixtures.readAll;
import static jp.evalsheet.grid.GridFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV fixtures are LibreOffice exports of {@code evaluation-sheet.xlsx} ("save cell contents as shown"). */
class CsvReaderTests {

    private final CsvReader reader = new CsvReader();

    @TempDir
    Path temp;

    @Test
    void shouldReadOneSheetNamedAfterTheFile() throws Exception {
        List<SheetGrid> sheets = readAll(reader, fixture("evaluation-sheet-utf8.csv"));

        assertThat(sheets).hasSize(1);
        assertThat(sheets.get(0).sheetName()).isEqualTo("evaluation-sheet-utf8");
        assertThat(sheets.get(0).hidden()).isFalse();
        assertThat(sheets.get(0).merges()).isEmpty();
    }

    @Test
    void shouldDecodeCp932AndUtf8WithBomToTheSameCells() throws Exception {
        SheetGrid utf8 = readAll(reader, fixture("evaluation-sheet-utf8.csv")).get(0);
        SheetGrid bom = readAll(reader, fixture("evaluation-sheet-utf8-bom.csv")).get(0);
        SheetGrid cp932 = readAll(reader, fixture("evaluation-sheet-cp932.csv")).get(0);

        assertThat(CsvReader.detectCharset(fixture("evaluation-sheet-cp932.csv")).name()).isEqualTo("windows-31j");
        assertThat(CsvReader.detectCharset(fixture("evaluation-sheet-utf8-bom.csv"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(texts(cp932)).isEqualTo(texts(bom)).isEqualTo(texts(utf8));
        assertThat(bom.text(0, 0)).isEqualTo("事務事業評価シート");
        assertThat(cp932.text(0, 0)).isEqualTo("事務事業評価シート");
        assertThat(cp932.text(9, 2)).isEqualTo("R２");
    }

    @Test
    void shouldKeepDisplayedTextAndSetNumberOnlyForPlainNumbers() throws Exception {
        SheetGrid sheet = readAll(reader, fixture("evaluation-sheet-utf8.csv")).get(0);
        SheetGrid indicators = readAll(reader, fixture("indicators-utf8.csv")).get(0);

        assertThat(sheet.cell(4, 2)).isEqualTo(new GridCell(4, 2, "40,923", null, null));
        assertThat(sheet.cell(7, 2)).isEqualTo(new GridCell(7, 2, "7.2%", null, null));
        assertThat(sheet.cell(8, 2)).isEqualTo(new GridCell(8, 2, "80件", null, null));
        assertThat(indicators.cell(1, 1)).isEqualTo(new GridCell(1, 1, "-84", -84.0, null));
        assertThat(indicators.cell(2, 1)).isEqualTo(new GridCell(2, 1, "77.5", 77.5, null));
        assertThat(indicators.cell(1, 0).number()).isNull();
    }

    @Test
    void shouldReadQuotedFieldsWithLineBreaksAndCommas() throws Exception {
        SheetGrid indicators = readAll(reader, fixture("indicators-utf8.csv")).get(0);

        assertThat(indicators.text(1, 2)).isEqualTo("一行目\n二行目");
        assertThat(indicators.text(2, 2)).isEqualTo("国,県,市");
        assertThat(indicators.text(2, 0)).isEqualTo("R3");
        assertThat(indicators.text(3, 1)).isEqualTo("TRUE");
    }

    @Test
    void shouldKeepRowPositionsAcrossEmptyLinesAndDoubledQuotes() throws Exception {
        Path file = temp.resolve("rows.csv");
        Files.writeString(file, "年度,値\r\n\r\n\"R\"\"2\"\"\",10059\r\n", StandardCharsets.UTF_8);

        SheetGrid sheet = readAll(reader, file).get(0);

        assertThat(sheet.rowIndexes()).containsExactly(0, 2);
        assertThat(sheet.cell(2, 0).text()).isEqualTo("R\"2\"");
        assertThat(sheet.cell(2, 1)).isEqualTo(new GridCell(2, 1, "10059", 10059.0, null));
    }

    @Test
    void shouldRecognisePlainNumbersOnly() {
        assertThat(CsvReader.plainNumber("10059")).isEqualTo(10059.0);
        assertThat(CsvReader.plainNumber("-84")).isEqualTo(-84.0);
        assertThat(CsvReader.plainNumber("77.5")).isEqualTo(77.5);
        assertThat(CsvReader.plainNumber("1.5E+3")).isEqualTo(1500.0);
        assertThat(CsvReader.plainNumber("40,923")).isNull();
        assertThat(CsvReader.plainNumber("7.2%")).isNull();
        assertThat(CsvReader.plainNumber("１２")).isNull();
        assertThat(CsvReader.plainNumber(" 12")).isNull();
        assertThat(CsvReader.plainNumber("NaN")).isNull();
    }

    @Test
    void shouldRefuseUtf16Text() {
        assertThatThrownBy(() -> readAll(reader, fixture("evaluation-sheet-utf16le.csv")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the CSV file is neither UTF-8 nor Shift_JIS/CP932 text; "
                        + "save it as CSV (UTF-8) or CSV (Shift_JIS) and submit it again");
    }

    @Test
    void shouldRefuseUtf16TextWithoutByteOrderMark() throws IOException {
        Path file = temp.resolve("utf16.csv");
        Files.writeString(file, "年度,値\r\nR3,77.5\r\n", StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> readAll(reader, file))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith("the CSV file is neither UTF-8 nor Shift_JIS/CP932 text");
    }

    @Test
    void shouldRefuseBytesThatAreNeitherUtf8NorCp932() throws IOException {
        Path file = temp.resolve("binary.csv");
        Files.write(file, new byte[] {'a', ',', (byte) 0x81, (byte) 0x20, (byte) 0xFF, '\n'});

        assertThatThrownBy(() -> readAll(reader, file))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageStartingWith("the CSV file is neither UTF-8 nor Shift_JIS/CP932 text");
    }

    @Test
    void shouldReadUnclosedQuoteToTheEndOfFileAsExcelDoes() throws Exception {
        Path file = temp.resolve("open-quote.csv");
        Files.writeString(file, "a,\"never closed\nb,c\n", StandardCharsets.UTF_8);

        SheetGrid sheet = readAll(reader, file).get(0);

        assertThat(sheet.text(0, 0)).isEqualTo("a");
        assertThat(sheet.cell(0, 1).text()).isEqualTo("never closed\nb,c\n");
        assertThat(sheet.rowIndexes()).containsExactly(0);
    }

    @Test
    void shouldRefuseEmptyFile() throws IOException {
        Path file = Files.createFile(temp.resolve("empty.csv"));

        assertThatThrownBy(() -> readAll(reader, file))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessage("the file is empty");
    }

    @Test
    void shouldRefuseLinesBelowTheRowLimitButNotEmptyLines() throws Exception {
        Path file = temp.resolve("予算明細.csv");
        Files.writeString(file, "款,項\n" + ",\n".repeat(8) + "1,2\n" + ",\n".repeat(20), StandardCharsets.UTF_8);

        assertThat(readAll(new CsvReader(100, 10), file).get(0).lastRowIndex()).isEqualTo(9);
        assertThatThrownBy(() -> readAll(new CsvReader(100, 9), file))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.sheetName()).isEqualTo("予算明細");
                    assertThat(e.getMessage()).startsWith("sheet '予算明細' has cells beyond row 9, "
                            + "but an evaluation sheet has a few hundred rows");
                });
    }

    @Test
    void shouldRefuseFileWithMoreCellsThanAllowed() {
        assertThatThrownBy(() -> readAll(new CsvReader(4), fixture("evaluation-sheet-utf8.csv")))
                .isInstanceOf(WorkbookReadException.class)
                .hasMessageContaining("more than 4 cells");
    }
}
