package jp.evalsheet.template;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One printed form being drawn: labels and fixed values locked, the cells a department fills in
 * unlocked and shaded, each input cell checked by a data validation that says in Japanese what it
 * expects. {@link #protect()} turns the protection on (without a password: it keeps a form's labels
 * from being typed over by mistake, it is not a security measure).
 */
final class FormSheet {

    /** The styles of a template workbook, made once per workbook. */
    static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle label;
        final XSSFCellStyle fixed;
        final XSSFCellStyle input;
        final XSSFCellStyle inputText;
        final XSSFCellStyle note;

        Styles(XSSFWorkbook workbook) {
            XSSFFont bold = font(workbook, true, 11);
            XSSFFont plain = font(workbook, false, 11);
            title = workbook.createCellStyle();
            title.setFont(font(workbook, true, 14));
            label = bordered(workbook, bold, true);
            label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fixed = bordered(workbook, plain, true);
            input = bordered(workbook, plain, false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            inputText = bordered(workbook, plain, false);
            inputText.cloneStyleFrom(input);
            inputText.setWrapText(true);
            inputText.setVerticalAlignment(VerticalAlignment.TOP);
            note = workbook.createCellStyle();
            note.setFont(plain);
            note.setWrapText(false);
        }

        private static XSSFFont font(XSSFWorkbook workbook, boolean bold, int points) {
            XSSFFont font = workbook.createFont();
            font.setFontName("游ゴシック");
            font.setBold(bold);
            font.setFontHeightInPoints((short) points);
            return font;
        }

        private static XSSFCellStyle bordered(XSSFWorkbook workbook, XSSFFont font, boolean locked) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(true);
            style.setLocked(locked);
            return style;
        }
    }

    /** What an input cell takes, for its data validation and its prompt. */
    enum Input {
        /** Free text (a name, a narrative). */
        TEXT,
        /** A number of the indicator's unit (a decimal, possibly negative). */
        NUMBER,
        /** A cost in thousand yen, zero or more. */
        THOUSAND_YEN,
        /** A value of a welfare indicator: a number with its unit (80件) or a milestone (調査・研究). */
        VALUE_OR_MILESTONE
    }

    private final XSSFSheet sheet;
    private final Styles styles;
    private final XSSFDataValidationHelper validations;

    FormSheet(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
        this.validations = new XSSFDataValidationHelper(sheet);
        // printed on A4, the whole width of the form on one page, as many pages down as it takes
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** Prints the form across the page (a wide table of years). */
    void landscape() {
        sheet.getPrintSetup().setLandscape(true);
    }

    XSSFSheet sheet() {
        return sheet;
    }

    /** Sets the widths of the columns, in characters. */
    void widths(int... characters) {
        for (int column = 0; column < characters.length; column++) {
            sheet.setColumnWidth(column, Math.min(255, characters[column]) * 256);
        }
    }

    void title(int row, int column, String text) {
        cell(row, column, styles.title).setCellValue(text);
    }

    /** A note under or beside a table (a legend, a hint), unboxed and locked. */
    void note(int row, int column, String text) {
        cell(row, column, styles.note).setCellValue(text);
    }

    /** A printed label, locked, over {@code span} columns. */
    void label(int row, int column, int span, String text) {
        write(row, column, span, styles.label, text);
    }

    /** A printed label over {@code rows} rows and {@code columns} columns, locked. */
    void block(int row, int column, int rows, int columns, String text) {
        for (int r = row; r < row + rows; r++) {
            for (int c = column; c < column + columns; c++) {
                cell(r, c, styles.label);
            }
        }
        sheet.getRow(row).getCell(column).setCellValue(text);
        sheet.addMergedRegion(new CellRangeAddress(row, row + rows - 1, column, column + columns - 1));
    }

    /** A value the department does not change (a code, the plan's wording), locked. */
    void fixed(int row, int column, int span, Object value) {
        write(row, column, span, styles.fixed, value);
    }

    /**
     * A cell the department fills in, unlocked, over {@code span} columns, holding {@code value} when
     * pre-filled (null leaves it blank), checked as {@code kind} says.
     */
    void input(int row, int column, int span, Input kind, Object value) {
        write(row, column, span, kind == Input.TEXT ? styles.inputText : styles.input, value);
        CellRangeAddressList where = new CellRangeAddressList(row, row, column, column);
        switch (kind) {
            case NUMBER -> validate(where, validations.createDecimalConstraint(OperatorType.BETWEEN,
                    "-1E+15", "1E+15"), "数値", "数値を入力してください（単位は指標の単位、値がない年は「-」）。");
            case THOUSAND_YEN -> validate(where, validations.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL,
                    "0", null), "千円", "総コストを千円単位の数値（0以上）で入力してください。");
            case VALUE_OR_MILESTONE -> prompt(where, "値", "数値（単位つき可：80件）または「調査・研究」などの段階を入力してください。");
            case TEXT -> {
            }
        }
    }

    /** A text input cell with a prompt that says what to type ({@code title}: what the field is, {@code hint}: how). */
    void named(int row, int column, int span, String title, String hint, Object value) {
        write(row, column, span, styles.inputText, value);
        prompt(new CellRangeAddressList(row, row, column, column), title, hint);
    }

    /** An input cell that takes one of {@code choices}, from a drop-down list. */
    void choice(int row, int column, int span, String what, List<String> choices, String value) {
        write(row, column, span, styles.input, value);
        validate(new CellRangeAddressList(row, row, column, column),
                validations.createExplicitListConstraint(choices.toArray(String[]::new)), what,
                "一覧から選んでください：" + String.join(" / ", choices));
    }

    /** A figure the workbook computes ({@code SUM(C41:C47)}), locked. */
    void formula(int row, int column, String formula) {
        cell(row, column, styles.fixed).setCellFormula(formula);
    }

    /** Turns the protection on: only the unlocked input cells take typing; rows and columns may be resized. */
    void protect() {
        sheet.enableLocking();
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private void validate(CellRangeAddressList where, DataValidationConstraint constraint, String title, String text) {
        DataValidation validation = validations.createValidation(constraint, where);
        validation.setShowErrorBox(true);
        if (title.equals("数値")) {
            // an indicator without a figure for a year prints -: warn, and let the department keep it
            validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
        }
        validation.createErrorBox(title, text);
        validation.setShowPromptBox(true);
        validation.createPromptBox(title, text);
        validation.setEmptyCellAllowed(true);
        if (constraint.getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        }
        sheet.addValidationData(validation);
    }

    private void prompt(CellRangeAddressList where, String title, String text) {
        DataValidation validation = validations.createValidation(validations.createCustomConstraint("TRUE"), where);
        validation.setShowErrorBox(false);
        validation.setShowPromptBox(true);
        validation.createPromptBox(title, text);
        sheet.addValidationData(validation);
    }

    private void write(int row, int column, int span, XSSFCellStyle style, Object value) {
        Cell cell = cell(row, column, style);
        if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
        for (int extra = 1; extra < span; extra++) {
            cell(row, column + extra, style);
        }
        if (span > 1) {
            CellRangeAddress range = new CellRangeAddress(row, row, column, column + span - 1);
            sheet.addMergedRegion(range);
        }
    }

    private Cell cell(int row, int column, XSSFCellStyle style) {
        Row line = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = line.getCell(column) == null ? line.createCell(column) : line.getCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
