package jp.evalsheet.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * POI's user model is the executable reference of the job's own .xlsx reader ({@link XlsxStreamingReader},
 * a SAX handler over the package, which keeps the merges POI's event API drops): for every .xlsx of
 * the test fixtures and of {@code input/}, both give the same sheets in the same order, the same
 * hidden flags, the same non-empty cells showing the same text (POI's {@link DataFormatter} in the
 * Japanese locale, formulas by their cached values) and the same merged regions.
 *
 * <p>Two differences are the reader's on purpose and are left out, cell by cell: a number in the
 * Japanese name of General ({@code G/標準}) or in General with literal text ({@code General"件"}),
 * which POI shows as {@code 80.0} and Excel (and the reader, {@link CellFormats}) as {@code 80件};
 * and a formula saved without a cached value, which POI shows as its formula and the reader as
 * nothing (no value was ever computed).
 */
class XlsxReaderAgainstPoiTests {

    @TestFactory
    Stream<DynamicTest> shouldReadEveryFixtureAsPoiDoes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("pipeline/src/test/resources"), Path.of("input"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> path.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> compare(file)));
    }

    private static void compare(Path file) throws Exception {
        List<SheetGrid> own = new ArrayList<>();
        try {
            new XlsxStreamingReader().read(file, own::add);
        } catch (WorkbookReadException e) {
            // a fixture made unreadable on purpose (encrypted, truncated, a zip bomb): POI must refuse it too
            assertThat(poiRefuses(file)).as(file + ": the reader refused it (" + e.getMessage() + ") but POI opens it").isTrue();
            return;
        }
        DataFormatter shown = new DataFormatter(Locale.JAPAN);
        shown.setUseCachedValuesForFormulaCells(true);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(own.stream().map(SheetGrid::sheetName).toList()).as(file + ": sheets")
                    .isEqualTo(java.util.stream.IntStream.range(0, workbook.getNumberOfSheets())
                            .mapToObj(workbook::getSheetName).toList());
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                SheetGrid grid = own.get(s);
                String where = file + " / " + sheet.getSheetName();
                assertThat(grid.hidden()).as(where + ": hidden").isEqualTo(workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s));
                Map<String, String> expected = new TreeMap<>();
                List<String> skipped = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String address = cell.getAddress().formatAsString();
                        if (isReadersOwn(cell)) {
                            skipped.add(address);
                            continue;
                        }
                        String text = shown.formatCellValue(cell);
                        if (!text.isEmpty()) {
                            expected.put(address, text);
                        }
                    }
                }
                Map<String, String> actual = new TreeMap<>();
                for (int row : grid.rowIndexes()) {
                    for (GridCell cell : grid.row(row)) {
                        if (!cell.text().isEmpty() && !skipped.contains(cell.address())) {
                            actual.put(cell.address(), cell.text());
                        }
                    }
                }
                assertThat(actual).as(where + ": cells as shown").isEqualTo(expected);
                assertThat(grid.merges().stream().map(CellRange::a1).sorted().toList()).as(where + ": merges")
                        .isEqualTo(sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).sorted().toList());
            }
        }
    }

    /** A cell the reader shows its own way on purpose (see the class comment). */
    private static boolean isReadersOwn(Cell cell) {
        if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.ERROR) {
            return false;
        }
        if (cell.getCellType() == CellType.FORMULA && ((org.apache.poi.xssf.usermodel.XSSFCell) cell).getCTCell().getV() == null) {
            return true;
        }
        boolean numeric = cell.getCellType() == CellType.NUMERIC
                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC;
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        return numeric && format != null && (format.contains("G/標準") || format.contains("General") && format.contains("\""));
    }

    private static boolean poiRefuses(Path file) {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            return workbook.getNumberOfSheets() == 0;
        } catch (Exception | OutOfMemoryError e) {
            return true;
        }
    }
}
