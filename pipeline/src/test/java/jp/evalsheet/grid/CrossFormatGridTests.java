package jp.evalsheet.grid;

import static jp.evalsheet.grid.GridFixtures.fixture;
import static jp.evalsheet.grid.GridFixtures.readAll;
import static jp.evalsheet.grid.GridFixtures.sheet;
import static jp.evalsheet.grid.GridFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The same sheet comes out the same whatever the format: {@code evaluation-sheet.xlsx} (written by
 * POI), and its LibreOffice conversions to .xlsx, .xls and CSV.
 */
class CrossFormatGridTests {

    private static final Map<String, String> EVALUATION_SHEET = Map.ofEntries(
            entry("A1", "事務事業評価シート"),
            entry("A3", "事業名"), entry("B3", "地域子育て支援事業"),
            entry("A5", "対象者数"), entry("C5", "40,923"),
            entry("A6", "利用者数"), entry("C6", "10,059"),
            entry("A7", "合計"), entry("C7", "50,982"),
            entry("A8", "達成率"), entry("C8", "7.2%"),
            entry("A9", "相談件数"), entry("C9", "80件"),
            entry("A10", "年度"), entry("C10", "R２"));

    @Test
    void shouldShowTheSameTextsInXlsxXlsAndCsv() throws Exception {
        SheetGrid xlsx = readAll(new XlsxStreamingReader(), fixture("evaluation-sheet.xlsx")).get(0);
        SheetGrid libreOfficeXlsx = readAll(new XlsxStreamingReader(), fixture("evaluation-sheet-libreoffice.xlsx")).get(0);
        SheetGrid xls = readAll(new XlsReader(), fixture("evaluation-sheet.xls")).get(0);
        SheetGrid csv = readAll(new CsvReader(), fixture("evaluation-sheet-utf8.csv")).get(0);

        assertThat(texts(xlsx)).containsExactlyInAnyOrderEntriesOf(EVALUATION_SHEET);
        assertThat(texts(libreOfficeXlsx)).containsExactlyInAnyOrderEntriesOf(EVALUATION_SHEET);
        assertThat(texts(xls)).containsExactlyInAnyOrderEntriesOf(EVALUATION_SHEET);
        assertThat(texts(csv)).containsExactlyInAnyOrderEntriesOf(EVALUATION_SHEET);
    }

    @Test
    void shouldShowTheSameMergesInXlsxAndXls() throws Exception {
        SheetGrid xlsx = readAll(new XlsxStreamingReader(), fixture("evaluation-sheet.xlsx")).get(0);
        SheetGrid xls = readAll(new XlsReader(), fixture("evaluation-sheet.xls")).get(0);

        assertThat(xls.merges()).isEqualTo(xlsx.merges()).containsExactly(new CellRange(2, 2, 1, 3));
    }

    @Test
    void shouldShowTheSameSecondSheetInEveryFormat() throws Exception {
        List<SheetGrid> xlsx = readAll(new XlsxStreamingReader(), fixture("evaluation-sheet.xlsx"));
        List<SheetGrid> xls = readAll(new XlsReader(), fixture("evaluation-sheet.xls"));
        SheetGrid csv = readAll(new CsvReader(), fixture("indicators-utf8.csv")).get(0);

        Map<String, String> expected = texts(sheet(xlsx, "指標"));
        assertThat(expected).containsEntry("B2", "-84").containsEntry("C2", "一行目\n二行目").containsEntry("B4", "TRUE");
        assertThat(texts(sheet(xls, "指標"))).isEqualTo(expected);
        assertThat(texts(csv)).isEqualTo(expected);
    }

    @Test
    void shouldKeepStoredNumbersInXlsxAndXls() throws Exception {
        SheetGrid xlsx = readAll(new XlsxStreamingReader(), fixture("evaluation-sheet.xlsx")).get(0);
        SheetGrid xls = readAll(new XlsReader(), fixture("evaluation-sheet.xls")).get(0);

        for (SheetGrid sheet : List.of(xlsx, xls)) {
            assertThat(sheet.cell(4, 2).number()).isEqualTo(40923.0);
            assertThat(sheet.cell(6, 2).number()).isEqualTo(50982.0);
            assertThat(sheet.cell(7, 2).number()).isEqualTo(0.072);
            assertThat(sheet.cell(8, 2).number()).isEqualTo(80.0);
            assertThat(sheet.cell(9, 2).number()).isNull();
        }
    }
}
