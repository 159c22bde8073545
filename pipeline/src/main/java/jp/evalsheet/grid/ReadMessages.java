package jp.evalsheet.grid;

/** The messages of {@link WorkbookReadException}s, phrased for the person who submitted the file. */
final class ReadMessages {

    static final String EMPTY = "the file is empty";
    static String notAWorkbook(String extension) {
        return "not a workbook: the file is named ." + extension + " but holds neither an Excel workbook nor CSV text "
                + "(perhaps a web page, a PDF or a damaged file); open it in Excel, save it as .xlsx and submit it again";
    }
    static final String PASSWORD_PROTECTED =
            "the workbook is password-protected; save it without a password and submit it again";
    static final String NOT_XLSX =
            "the file is not a readable .xlsx workbook (damaged or truncated); "
                    + "open it in Excel, save it as .xlsx and submit it again";
    static final String NOT_XLS =
            "the file is not a readable .xls workbook (damaged or not an Excel 97-2003 file); "
                    + "open it in Excel, save it as .xlsx and submit it again";
    static final String OLD_XLS =
            "the file is an Excel 5.0/95 workbook, which cannot be read; save it as .xlsx and submit it again";
    static final String XLSB =
            "the file is an Excel binary workbook (.xlsb), which cannot be read; save it as .xlsx and submit it again";
    static final String ZIP_BOMB =
            "the workbook expands to far more data than its file size suggests (a possible zip bomb), "
                    + "so it was not read; save it again in Excel as .xlsx and submit it again";
    static final String CSV_ENCODING =
            "the CSV file is neither UTF-8 nor Shift_JIS/CP932 text; "
                    + "save it as CSV (UTF-8) or CSV (Shift_JIS) and submit it again";

    private ReadMessages() {
    }

    static String tooManyCells(String sheetName, int maxCells) {
        return String.format("sheet '%s' has more than %,d cells, but an evaluation sheet has a few thousand; "
                + "remove unused cells or move the data to another file and submit it again",
                sheetName, maxCells);
    }

    /**
     * The message for a sheet with content below the row limit: evaluation sheets have a few hundred
     * rows, so such a sheet is pasted data or a runaway fill, and reading it would only exhaust memory.
     */
    static String tooManyRows(String sheetName, int maxRows) {
        return String.format("sheet '%s' has cells beyond row %,d, but an evaluation sheet has a few hundred rows; "
                + "delete the rows below the sheet's content (or move the data to another file) and submit it again",
                sheetName, maxRows);
    }
}
