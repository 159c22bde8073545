package jp.evalsheet.report;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.report.ReportStyles.Format;

/**
 * One sheet of the annual report, written top to bottom: a title, headings, the source line of each
 * table ({@code 出典: v_status_summary}), notes and tables. Each sheet prints on A4 landscape, one
 * page wide, with the sheet's name and the page number in the footer. Column widths follow the
 * widest value of each column (a full-width character counts two), within a limit, past which text
 * wraps.
 */
final class ReportSheet {

    /** A table column: its heading and how its values are shown. */
    record Column(String header, Format format) {
    }

    /** Where a table was written: its header row and its first and last data rows (0-based). */
    record Table(int headerRow, int firstRow, int lastRow) {
    }

    /** The widest a column grows, in characters; longer text wraps. */
    private static final int MAX_WIDTH = 60;
    private static final int MAX_COLUMNS = 32;

    private final XSSFSheet sheet;
    private final ReportStyles styles;
    private final int[] widths = new int[MAX_COLUMNS];
    /** The wrapped texts written, as {row, column}: their rows are made tall enough once the widths are known. */
    private final List<int[]> wrapped = new java.util.ArrayList<>();
    private int row;

    ReportSheet(XSSFWorkbook workbook, String name, ReportStyles styles) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        // the sheet's name, the page and the pages (SpreadsheetML header and footer codes)
        sheet.getFooter().setCenter("&A  &P / &N");
    }

    XSSFSheet sheet() {
        return sheet;
    }

    /** The row the next line goes to (0-based). */
    int nextRow() {
        return row;
    }

    void title(String text) {
        line(text, styles.title);
        row++;
    }

    void heading(String text) {
        line(text, styles.heading);
    }

    /** The view (or views) a table comes from: {@code 出典: v_status_summary}. */
    void source(String views) {
        line("出典: " + views, styles.source);
    }

    void note(String text) {
        line(text, styles.note);
    }

    void blank() {
        row++;
    }

    /** A line whose first cell links to a place in the workbook ({@code '施策611'!A1}). */
    void link(String text, String description, String target) {
        XSSFRow line = sheet.createRow(row++);
        XSSFCell cell = line.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.link);
        XSSFHyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        hyperlink.setAddress(target);
        cell.setHyperlink(hyperlink);
        XSSFCell about = line.createCell(1);
        about.setCellValue(description);
        about.setCellStyle(styles.note);
        measure(0, text);
    }

    /** Makes a written cell a link to a place in the workbook, keeping its style's borders. */
    void linkCell(int rowIndex, int column, String target) {
        XSSFCell cell = sheet.getRow(rowIndex).getCell(column);
        XSSFHyperlink hyperlink = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        hyperlink.setAddress(target);
        cell.setHyperlink(hyperlink);
    }

    /**
     * A table: the header row, then one row per value array (null: an empty cell), then the total
     * rows in the total style; a blank line after it.
     */
    Table table(List<Column> columns, List<Object[]> rows, List<Object[]> totals) {
        int headerRow = row;
        XSSFRow header = sheet.createRow(row++);
        for (int c = 0; c < columns.size(); c++) {
            XSSFCell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
            measure(c, columns.get(c).header());
            wrapped.add(new int[] {header.getRowNum(), c});
        }
        int firstRow = row;
        for (Object[] values : rows) {
            write(columns, values, false);
        }
        int lastRow = row - 1;
        for (Object[] values : totals) {
            write(columns, values, true);
        }
        row++;
        return new Table(headerRow, firstRow, lastRow);
    }

    /**
     * Sets the column widths, and the height of each row with wrapped text (LibreOffice and Excel keep
     * a row's stored height when they open a workbook); call once the sheet is written.
     */
    void finish() {
        for (int c = 0; c < MAX_COLUMNS; c++) {
            if (widths[c] > 0) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
            }
        }
        java.util.Map<Integer, Integer> lines = new java.util.HashMap<>();
        for (int[] at : wrapped) {
            XSSFCell cell = sheet.getRow(at[0]).getCell(at[1]);
            int columnWidth = Math.max(1, Math.min(widths[at[1]], MAX_WIDTH));
            int needed = 0;
            for (String line : cell.getStringCellValue().split("\n", -1)) {
                needed += Math.max(1, (width(line) + columnWidth - 1) / columnWidth);
            }
            lines.merge(at[0], needed, Math::max);
        }
        lines.forEach((rowIndex, count) -> {
            if (count > 1) {
                sheet.getRow(rowIndex).setHeightInPoints(count * LINE_POINTS + 2);
            }
        });
    }

    /** The height of a line of 10-point text. */
    private static final float LINE_POINTS = 13.5f;

    private void write(List<Column> columns, Object[] values, boolean total) {
        XSSFRow line = sheet.createRow(row++);
        for (int c = 0; c < columns.size(); c++) {
            Format format = columns.get(c).format();
            Object value = c < values.length ? values[c] : null;
            if (value instanceof Number number && format == Format.DECIMAL && isWhole(number)) {
                format = Format.WHOLE;
            }
            XSSFCell cell = line.createCell(c);
            cell.setCellStyle(total ? styles.total(format) : styles.cell(format));
            if (value instanceof Number number) {
                cell.setCellValue(format == Format.SHARE
                        ? new BigDecimal(number.toString()).movePointLeft(2).doubleValue() : number.doubleValue());
                measure(c, shown(number, format));
            } else if (value instanceof Boolean flag) {
                cell.setCellValue(flag);
            } else if (value != null) {
                cell.setCellValue(value.toString());
                measure(c, value.toString());
                if (format == Format.TEXT) {
                    wrapped.add(new int[] {line.getRowNum(), c});
                }
            }
        }
    }

    private void line(String text, XSSFCellStyle style) {
        XSSFCell cell = sheet.createRow(row++).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private void measure(int column, String text) {
        if (column < MAX_COLUMNS) {
            for (String line : text.split("\n")) {
                widths[column] = Math.max(widths[column], width(line));
            }
        }
    }

    /** How many Latin characters wide a line is: a Japanese (full-width) character takes about two. */
    private static int width(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            width += line.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return width;
    }

    /** About as wide as the number is shown, for the column width. */
    private static String shown(Number number, Format format) {
        String digits = BigDecimal.valueOf(number.doubleValue()).setScale(format == Format.DECIMAL ? 2 : 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
        int separators = Math.max(0, (digits.indexOf('.') - 1) / 3);
        return digits + ",".repeat(separators) + "%+";
    }

    private static boolean isWhole(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0;
        }
        return number.doubleValue() == Math.rint(number.doubleValue());
    }
}
