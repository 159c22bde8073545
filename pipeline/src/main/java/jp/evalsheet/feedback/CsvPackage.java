package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReader;

/**
 * Writes the feedback workbook of a CSV submission at the zip level: the CSV's sheet, laid out as
 * {@link GridSheetCopy} lays it out for the POI path, is written in memory as a minimal .xlsx
 * package ({@link NewXlsxPackage}: content types, relationships, workbook, styles and one worksheet
 * with inline strings), which {@link XlsxPackageFeedback} then edits as it edits a submitted .xlsx.
 * The result reads back through POI as the POI path's conversion of the same CSV.
 */
final class CsvPackage {

    private CsvPackage() {
    }

    /**
     * Writes the feedback workbook of the CSV {@code submission}, read by {@code reader}, to
     * {@code target}, replacing it, its comments by {@code author}.
     *
     * @throws PackageFallback when the CSV cannot be read (the POI path then says why) or the
     *     package is refused; nothing has been written then
     */
    static void write(Path submission, WorkbookReader reader, String title, List<FeedbackItem> items, String author,
            Path target) throws IOException, PackageFallback {
        List<GridSheetCopy> sheets;
        try {
            sheets = GridSheetCopy.of(SubmissionCopy.readGrids(submission, reader));
        } catch (WorkbookReadException e) {
            throw new PackageFallback("the CSV cannot be read (" + e.getMessage() + ")");
        }
        if (sheets.isEmpty()) {
            throw new PackageFallback("the CSV has no sheet");
        }
        XlsxPackageFeedback.writeNew(parts(sheets), GridSheetCopy.names(sheets), title, items, author, target);
    }

    /** The parts of the package of {@code sheets}. */
    static Map<String, byte[]> parts(List<GridSheetCopy> sheets) {
        List<String> names = new ArrayList<>(sheets.size());
        List<byte[]> sheetParts = new ArrayList<>(sheets.size());
        for (GridSheetCopy sheet : sheets) {
            names.add(sheet.name());
            sheetParts.add(worksheet(sheet));
        }
        return NewXlsxPackage.parts(NewXlsxPackage.workbook(names, new BitSet()),
                NewXlsxPackage.styles(true).getBytes(StandardCharsets.UTF_8), sheetParts);
    }

    /** The worksheet part of a sheet: as POI writes a new sheet, with the copy's cells, widths and merges. */
    static byte[] worksheet(GridSheetCopy sheet) {
        List<GridSheetCopy.Cell> cells = sheet.cells();
        StringBuilder xml = NewXlsxPackage.startWorksheet(dimension(cells), 256 + cells.size() * 48)
                .append("<sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!sheet.widths().isEmpty()) {
            // CT_Cols holds one col at least
            xml.append("<cols>");
            for (GridSheetCopy.Width width : sheet.widths()) {
                xml.append("<col min=\"").append(width.column() + 1).append("\" max=\"").append(width.column() + 1)
                        .append("\" width=\"").append(width.characters()).append("\" customWidth=\"1\"/>");
            }
            xml.append("</cols>");
        }
        xml.append("<sheetData>");
        int row = -1;
        for (GridSheetCopy.Cell cell : cells) {
            if (cell.row() != row) {
                if (row >= 0) {
                    xml.append("</row>");
                }
                row = cell.row();
                xml.append("<row r=\"").append(row + 1).append("\">");
            }
            xml.append("<c r=\"").append(new CellReference(cell.row(), cell.column()).formatAsString(false)).append('"');
            if (cell.number() != null) {
                // as POI's setCellValue(double) writes it
                xml.append("><v>").append(String.valueOf(cell.number().doubleValue())).append("</v></c>");
            } else {
                if (cell.wrap()) {
                    xml.append(" s=\"").append(NewXlsxPackage.WRAP_TOP_FORMAT).append('"');
                }
                xml.append(" t=\"inlineStr\"><is>");
                PackageXml.textElement(cell.text(), xml);
                xml.append("</is></c>");
            }
        }
        if (row >= 0) {
            xml.append("</row>");
        }
        return NewXlsxPackage.endWorksheet(sheet.merges(), xml);
    }

    /** The range from the first row and column that hold a cell to the last ones, {@code A1} for an empty sheet. */
    private static String dimension(List<GridSheetCopy.Cell> cells) {
        if (cells.isEmpty()) {
            return "A1";
        }
        int firstColumn = Integer.MAX_VALUE;
        int lastColumn = 0;
        for (GridSheetCopy.Cell cell : cells) {
            firstColumn = Math.min(firstColumn, cell.column());
            lastColumn = Math.max(lastColumn, cell.column());
        }
        String first = new CellReference(cells.get(0).row(), firstColumn).formatAsString(false);
        String last = new CellReference(cells.get(cells.size() - 1).row(), lastColumn).formatAsString(false);
        return first.equals(last) ? first : first + ":" + last;
    }
}
