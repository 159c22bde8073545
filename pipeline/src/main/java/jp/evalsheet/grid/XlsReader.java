package jp.evalsheet.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads legacy Excel 97-2003 (.xls) workbooks with {@link HSSFWorkbook}, opened read-only. Cells
 * show the same text as with {@link XlsxStreamingReader}: numbers formatted by a {@link DataFormatter}
 * pinned to {@link CellFormats#LOCALE}, and formulas by the result cached in the file (formulas are
 * never evaluated). Merged regions and hidden sheets are kept. A sheet with more non-empty cells than
 * allowed, or with a non-empty cell below the row limit, is refused.
 */
public final class XlsReader implements WorkbookReader {

    private final int maxCellsPerSheet;
    private final int maxRowsPerSheet;

    public XlsReader() {
        this(XlsxStreamingReader.DEFAULT_MAX_CELLS_PER_SHEET, XlsxStreamingReader.DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /** A reader that refuses sheets holding more than {@code maxCellsPerSheet} non-empty cells. */
    public XlsReader(int maxCellsPerSheet) {
        this(maxCellsPerSheet, XlsxStreamingReader.DEFAULT_MAX_ROWS_PER_SHEET);
    }

    /**
     * A reader that refuses sheets holding more than {@code maxCellsPerSheet} non-empty cells or a
     * non-empty cell in a row numbered above {@code maxRowsPerSheet} (rows counted from 1).
     */
    public XlsReader(int maxCellsPerSheet, int maxRowsPerSheet) {
        this.maxCellsPerSheet = XlsxStreamingReader.positive("maxCellsPerSheet", maxCellsPerSheet);
        this.maxRowsPerSheet = XlsxStreamingReader.positive("maxRowsPerSheet", maxRowsPerSheet);
    }

    public int maxCellsPerSheet() {
        return maxCellsPerSheet;
    }

    public int maxRowsPerSheet() {
        return maxRowsPerSheet;
    }

    @Override
    public void read(Path file, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        switch (FileSniffer.sniff(file)) {
            case EMPTY -> throw new WorkbookReadException(ReadMessages.EMPTY, file, null);
            case ZIP, OTHER -> throw new WorkbookReadException(ReadMessages.NOT_XLS, file, null);
            case OLE2 -> {
                // read below
            }
        }
        POIFSFileSystem fs = openFileSystem(file);
        try (fs) {
            HSSFWorkbook workbook = openWorkbook(file, fs);
            try (workbook) {
                readSheets(file, workbook, sheets);
            }
        } catch (IOException e) {
            throw new WorkbookReadException(ReadMessages.NOT_XLS, file, e);
        }
    }

    private static POIFSFileSystem openFileSystem(Path file) throws WorkbookReadException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new WorkbookReadException(ReadMessages.NOT_XLS, file, e);
        }
    }

    private static HSSFWorkbook openWorkbook(Path file, POIFSFileSystem fs) throws WorkbookReadException {
        if (fs.getRoot().hasEntryCaseInsensitive(FileSniffer.ENCRYPTION_INFO)) {
            throw new WorkbookReadException(ReadMessages.PASSWORD_PROTECTED, file, null);
        }
        try {
            return new HSSFWorkbook(fs.getRoot(), true);
        } catch (EncryptedDocumentException e) {
            throw new WorkbookReadException(ReadMessages.PASSWORD_PROTECTED, file, e);
        } catch (OldExcelFormatException e) {
            throw new WorkbookReadException(ReadMessages.OLD_XLS, file, e);
        } catch (IOException | RuntimeException e) {
            throw new WorkbookReadException(ReadMessages.NOT_XLS, file, e);
        }
    }

    private void readSheets(Path file, HSSFWorkbook workbook, Consumer<SheetGrid> sheets) throws WorkbookReadException {
        boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
        for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
            String sheetName = workbook.getSheetName(index);
            SheetGrid grid;
            try {
                boolean hidden = workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index);
                grid = readSheet(file, workbook.getSheetAt(index), sheetName, hidden, date1904);
            } catch (RuntimeException e) {
                throw new WorkbookReadException(ReadMessages.NOT_XLS + " (sheet '" + sheetName + "' cannot be read)",
                        file, sheetName, e);
            }
            sheets.accept(grid);
        }
    }

    private SheetGrid readSheet(Path file, HSSFSheet sheet, String sheetName, boolean hidden, boolean date1904)
            throws WorkbookReadException {
        SheetGrid.Builder builder = SheetGrid.builder(sheetName).hidden(hidden);
        DataFormatter formatter = CellFormats.newDataFormatter();
        int count = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                GridCell gridCell = toGridCell((HSSFCell) cell, formatter, date1904);
                if (gridCell == null) {
                    continue;
                }
                if (gridCell.row() >= maxRowsPerSheet) {
                    throw new WorkbookReadException(ReadMessages.tooManyRows(sheetName, maxRowsPerSheet),
                            file, sheetName, null);
                }
                if (++count > maxCellsPerSheet) {
                    throw new WorkbookReadException(ReadMessages.tooManyCells(sheetName, maxCellsPerSheet),
                            file, sheetName, null);
                }
                builder.cell(gridCell);
            }
        }
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            builder.merge(new CellRange(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(),
                    range.getLastColumn()));
        }
        return builder.build();
    }

    private static GridCell toGridCell(HSSFCell cell, DataFormatter formatter, boolean date1904) {
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = formulaText(cell);
            type = cell.getCachedFormulaResultType();
        }
        String text;
        Double number = null;
        switch (type) {
            case NUMERIC -> {
                number = cell.getNumericCellValue();
                CellStyle style = cell.getCellStyle();
                text = CellFormats.formatNumber(formatter, number, style.getDataFormat(), formatString(style), date1904);
            }
            case STRING -> text = cell.getStringCellValue();
            case BOOLEAN -> text = CellFormats.booleanText(cell.getBooleanCellValue());
            case ERROR -> text = errorText(cell.getErrorCellValue());
            default -> text = "";
        }
        if (text.isEmpty() && formula == null) {
            return null;
        }
        return new GridCell(cell.getRowIndex(), cell.getColumnIndex(), text, number, formula);
    }

    /** The formula text, or {@code ""} for the rare formula POI cannot render (its cached value is still read). */
    private static String formulaText(HSSFCell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String formatString(CellStyle style) {
        String format = style.getDataFormatString();
        return format == null ? "General" : format;
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }
}
