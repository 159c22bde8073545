package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellReference;

/**
 * Writes the feedback workbook of an .xls submission at the zip level: the copy, laid out as
 * {@link XlsWorkbookCopy} lays it out for the POI path, is written in memory as a minimal .xlsx
 * package ({@link NewXlsxPackage}: content types, relationships, the workbook, styles with the copy's
 * number formats and alignments, and a worksheet per sheet with inline strings), which
 * {@link XlsxPackageFeedback} then edits as it edits a submitted .xlsx. The result reads back through
 * POI as the POI path's conversion of the same .xls; what that conversion would refuse, this class
 * refuses with a {@link PackageFallback}, so that the POI path says why.
 */
final class XlsPackage {

    /** The first id of a custom number format, as POI numbers them. */
    private static final int FIRST_CUSTOM_FORMAT = 164;
    /** The custom number formats POI's styles table takes; the POI path fails on one more. */
    private static final int MAX_CUSTOM_FORMATS = 250;
    /** The widest column POI sets (255 characters); the POI path fails on a wider one. */
    private static final int MAX_COLUMN_WIDTH = 255 * 256;

    private XlsPackage() {
    }

    /**
     * Writes the feedback workbook of the .xls {@code submission} to {@code target}, replacing it, its
     * comments by {@code author}.
     *
     * @throws PackageFallback when the copy is not one the package writes as the POI path does; nothing
     *     has been written then
     */
    static void write(Path submission, String title, List<FeedbackItem> items, String author, Path target)
            throws IOException, PackageFallback {
        XlsWorkbookCopy copy = XlsWorkbookCopy.read(submission);
        if (copy.sheets().isEmpty()) {
            throw new PackageFallback("the .xls has no sheet");
        }
        XlsxPackageFeedback.writeNew(parts(copy), copy.sheetNames(), title, items, author, target);
    }

    /** The parts of the package of {@code copy}. */
    static Map<String, byte[]> parts(XlsWorkbookCopy copy) throws PackageFallback {
        List<String> names = new ArrayList<>(copy.sheets().size());
        BitSet hidden = new BitSet();
        List<byte[]> sheetParts = new ArrayList<>(copy.sheets().size());
        for (XlsWorkbookCopy.Sheet sheet : copy.sheets()) {
            if (sheet.hidden()) {
                hidden.set(names.size());
            }
            names.add(sheet.name());
            sheetParts.add(worksheet(sheet));
        }
        return NewXlsxPackage.parts(NewXlsxPackage.workbook(names, hidden),
                styles(copy.styles()).getBytes(StandardCharsets.UTF_8), sheetParts);
    }

    /**
     * The styles part: after the default format, one per format of the copy, in order, as POI's
     * {@code createCellStyle} makes them: a built-in number format by its id, any other as a custom
     * one numbered from {@value #FIRST_CUSTOM_FORMAT} in the order of first use, and the alignment.
     */
    static String styles(List<XlsWorkbookCopy.Style> styles) throws PackageFallback {
        Map<String, Integer> custom = new LinkedHashMap<>();
        List<String> cellXfs = new ArrayList<>(styles.size());
        for (XlsWorkbookCopy.Style style : styles) {
            String format = Objects.requireNonNullElse(style.format(), "General");
            int id = BuiltinFormats.getBuiltinFormat(format);
            if (id < 0) {
                if (!PackageXml.isXmlText(format)) {
                    throw new PackageFallback("a number format holds a character XML cannot hold");
                }
                id = custom.computeIfAbsent(format, k -> FIRST_CUSTOM_FORMAT + custom.size());
                if (custom.size() > MAX_CUSTOM_FORMATS) {
                    throw new PackageFallback("the .xls has more than " + MAX_CUSTOM_FORMATS + " custom number formats");
                }
            }
            cellXfs.add("<xf numFmtId=\"" + id + "\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                    + " applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"" + horizontal(style.horizontal())
                    + "\" vertical=\"" + style.vertical().name().toLowerCase(Locale.ROOT) + "\" wrapText=\""
                    + (style.wrap() ? 1 : 0) + "\"/></xf>");
        }
        StringBuilder numFmts = new StringBuilder();
        if (!custom.isEmpty()) {
            numFmts.append("<numFmts count=\"").append(custom.size()).append("\">");
            custom.forEach((format, id) -> {
                numFmts.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"");
                PackageXml.escape(format, true, numFmts);
                numFmts.append("\"/>");
            });
            numFmts.append("</numFmts>");
        }
        return NewXlsxPackage.styles(numFmts.toString(), cellXfs);
    }

    /** SpreadsheetML's name of a horizontal alignment: POI's in lower case, but for centring across a selection. */
    private static String horizontal(HorizontalAlignment alignment) {
        return alignment == HorizontalAlignment.CENTER_SELECTION ? "centerContinuous"
                : alignment.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The worksheet part of a sheet, in the schema's order: its default sizes, the width and visibility
     * of each column, its rows with their heights and cells (each with its format), its merges.
     */
    static byte[] worksheet(XlsWorkbookCopy.Sheet sheet) throws PackageFallback {
        int cellCount = 0;
        int firstRow = -1;
        int lastRow = -1;
        int firstColumn = Integer.MAX_VALUE;
        int lastColumn = -1;
        for (XlsWorkbookCopy.Row row : sheet.rows()) {
            List<XlsWorkbookCopy.Cell> cells = row.cells();
            if (!cells.isEmpty()) {
                cellCount += cells.size();
                firstRow = firstRow < 0 ? row.index() : firstRow;
                lastRow = row.index();
                firstColumn = Math.min(firstColumn, cells.get(0).column());
                lastColumn = Math.max(lastColumn, cells.get(cells.size() - 1).column());
            }
        }
        String dimension = "A1";
        if (cellCount > 0) {
            String first = new CellReference(firstRow, firstColumn).formatAsString(false);
            String last = new CellReference(lastRow, lastColumn).formatAsString(false);
            dimension = first.equals(last) ? first : first + ":" + last;
        }
        // the default sizes as POI's setDefaultColumnWidth and setDefaultRowHeight (through a float) set them
        StringBuilder xml = NewXlsxPackage.startWorksheet(dimension, 512 + sheet.columns().size() * 80
                + sheet.rows().size() * 32 + cellCount * 64)
                .append("<sheetFormatPr baseColWidth=\"").append(sheet.defaultColumnWidth())
                .append("\" defaultRowHeight=\"").append(Double.toString((float) sheet.defaultRowHeight() / 20))
                .append("\" customHeight=\"1\"/>");
        if (!sheet.columns().isEmpty()) {
            // CT_Cols holds one col at least
            xml.append("<cols>");
            for (XlsWorkbookCopy.Column column : sheet.columns()) {
                if (column.width() > MAX_COLUMN_WIDTH) {
                    throw new PackageFallback("a column of " + sheet.name() + " is wider than 255 characters");
                }
                xml.append("<col min=\"").append(column.index() + 1).append("\" max=\"").append(column.index() + 1)
                        .append("\" width=\"").append(Double.toString((double) column.width() / 256))
                        .append("\" customWidth=\"1\"").append(column.hidden() ? " hidden=\"1\"/>" : "/>");
            }
            xml.append("</cols>");
        }
        xml.append("<sheetData>");
        for (XlsWorkbookCopy.Row row : sheet.rows()) {
            String rowNumber = Integer.toString(row.index() + 1);
            xml.append("<row r=\"").append(rowNumber).append('"');
            if (row.height() != -1) {
                xml.append(" ht=\"").append(Double.toString((double) row.height() / 20)).append("\" customHeight=\"1\"");
            }
            if (row.cells().isEmpty()) {
                xml.append("/>");
                continue;
            }
            xml.append('>');
            for (XlsWorkbookCopy.Cell cell : row.cells()) {
                xml.append("<c r=\"").append(CellReference.convertNumToColString(cell.column())).append(rowNumber)
                        .append("\" s=\"").append(cell.style() + 1).append('"');
                value(cell.value(), xml);
                xml.append("</c>");
            }
            xml.append("</row>");
        }
        return NewXlsxPackage.endWorksheet(sheet.merges(), xml);
    }

    /** Appends a cell's type and value, as POI's {@code setCellValue} writes them. */
    private static void value(Object value, StringBuilder xml) {
        if (value instanceof Double number) {
            if (number.isInfinite() || number.isNaN()) {
                // POI writes an infinity as #DIV/0!, and NaN as #NUM!
                xml.append(" t=\"e\"><v>").append((number.isNaN() ? FormulaError.NUM : FormulaError.DIV0).getString())
                        .append("</v>");
            } else {
                xml.append("><v>").append(String.valueOf(number.doubleValue())).append("</v>");
            }
        } else if (value instanceof Boolean bool) {
            xml.append(" t=\"b\"><v>").append(bool ? '1' : '0').append("</v>");
        } else {
            xml.append(" t=\"inlineStr\"><is>");
            PackageXml.textElement((String) value, xml);
            xml.append("</is>");
        }
    }
}
