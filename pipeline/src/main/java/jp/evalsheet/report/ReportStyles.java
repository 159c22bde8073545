package jp.evalsheet.report;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of the annual report, made once per workbook: figures are formatted as the city
 * prints them (shares with one decimal and %, costs in 千円 with thousands separators).
 */
final class ReportStyles {

    /** The font of every cell: the one Japanese offices' Excel uses by default. */
    static final String FONT = "游ゴシック";

    /** How a table's column shows its values. */
    enum Format {
        /** Text, left-aligned, wrapped when long. */
        TEXT(null, HorizontalAlignment.LEFT),
        /** A short code or grade, centred ({@code A}, {@code R5年度}). */
        CODE(null, HorizontalAlignment.CENTER),
        /** A count of items: {@code 27}. */
        COUNT("#,##0", HorizontalAlignment.RIGHT),
        /**
         * A share the views give in percent, printed with one decimal: 40.8 is stored as 0.408, a
         * percentage cell, and shows as {@code 40.8%}.
         */
        SHARE("0.0%", HorizontalAlignment.RIGHT),
        /** Thousand yen: {@code 2,114,381}. */
        COST("#,##0", HorizontalAlignment.RIGHT),
        /** A change in thousand yen, with its sign: {@code +1,604}, {@code -4,946}. */
        SIGNED_COST("+#,##0;-#,##0;0", HorizontalAlignment.RIGHT),
        /** A ratio as a percentage: 0.584 as {@code 58.4%}. */
        RATIO("0.0%", HorizontalAlignment.RIGHT),
        /** A change as a signed percentage: {@code +31.4%}. */
        SIGNED_RATIO("+0.0%;-0.0%;0.0%", HorizontalAlignment.RIGHT),
        /** A whole measured value: {@code 374,299}. */
        WHOLE("#,##0", HorizontalAlignment.RIGHT),
        /** A measured value with decimals: {@code 18.13}. */
        DECIMAL("#,##0.0#", HorizontalAlignment.RIGHT);

        final String dataFormat;
        final HorizontalAlignment alignment;

        Format(String dataFormat, HorizontalAlignment alignment) {
            this.dataFormat = dataFormat;
            this.alignment = alignment;
        }
    }

    final XSSFCellStyle title;
    final XSSFCellStyle heading;
    final XSSFCellStyle source;
    final XSSFCellStyle note;
    final XSSFCellStyle header;
    final XSSFCellStyle link;
    private final Map<Format, XSSFCellStyle> cells = new EnumMap<>(Format.class);
    private final Map<Format, XSSFCellStyle> totals = new EnumMap<>(Format.class);

    ReportStyles(XSSFWorkbook workbook) {
        workbook.getFontAt(0).setFontName(FONT);
        XSSFFont plain = font(workbook, 10, false, false, IndexedColors.BLACK);
        XSSFFont bold = font(workbook, 10, true, false, IndexedColors.BLACK);
        title = textStyle(workbook, font(workbook, 16, true, false, IndexedColors.BLACK));
        heading = textStyle(workbook, font(workbook, 12, true, false, IndexedColors.BLACK));
        source = textStyle(workbook, font(workbook, 9, false, true, IndexedColors.GREY_50_PERCENT));
        note = textStyle(workbook, font(workbook, 9, false, false, IndexedColors.BLACK));
        note.setWrapText(false);
        link = textStyle(workbook, font(workbook, 10, false, false, IndexedColors.BLUE));
        header = boxed(workbook, bold, HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        for (Format format : Format.values()) {
            cells.put(format, formatted(workbook, plain, format));
            XSSFCellStyle total = formatted(workbook, bold, format);
            total.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
            total.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            totals.put(format, total);
        }
    }

    /** The style of a table cell in the format. */
    XSSFCellStyle cell(Format format) {
        return cells.get(format);
    }

    /** The style of a total row's cell (合計, A+B) in the format. */
    XSSFCellStyle total(Format format) {
        return totals.get(format);
    }

    private static XSSFCellStyle formatted(XSSFWorkbook workbook, XSSFFont font, Format format) {
        XSSFCellStyle style = boxed(workbook, font, format.alignment);
        if (format.dataFormat != null) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format.dataFormat));
        }
        style.setWrapText(format == Format.TEXT);
        return style;
    }

    private static XSSFCellStyle boxed(XSSFWorkbook workbook, XSSFFont font, HorizontalAlignment alignment) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static XSSFCellStyle textStyle(XSSFWorkbook workbook, XSSFFont font) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static XSSFFont font(XSSFWorkbook workbook, int points, boolean bold, boolean italic, IndexedColors colour) {
        XSSFFont font = workbook.createFont();
        font.setFontName(FONT);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        font.setColor(colour.getIndex());
        return font;
    }
}
