package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.XLSBUnsupportedException;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

import jp.evalsheet.grid.CsvReader;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReadException;
import jp.evalsheet.grid.WorkbookReader;
import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.grid.XlsReader;
import jp.evalsheet.grid.XlsxStreamingReader;

/**
 * A submission opened as an {@link XSSFWorkbook} that the findings can be written into: an .xlsx
 * as it is (read into memory, so the file itself is never touched), an .xls or a CSV converted.
 *
 * @param workbook the copy, or {@code null} when the submission cannot be opened
 * @param sheetNames the submission's sheet names, in tab order, each to the name of its copy
 * @param failure why there is no copy, in English, or {@code null}
 */
record SubmissionCopy(XSSFWorkbook workbook, Map<String, String> sheetNames, String failure) {

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();

    static SubmissionCopy open(Path submission) {
        WorkbookReader reader;
        try {
            reader = WorkbookReaders.forFile(submission);
        } catch (WorkbookReadException e) {
            return failed(e.getMessage());
        }
        try {
            if (reader instanceof XlsxStreamingReader) {
                return openXlsx(submission);
            }
            if (reader instanceof XlsReader) {
                return convertXls(submission);
            }
            if (reader instanceof CsvReader) {
                return convertGrids(submission, reader);
            }
            // any other reader refuses the file (a password-protected workbook): say why
            reader.read(submission, grid -> { });
            return failed("the file cannot be opened as a workbook");
        } catch (WorkbookReadException e) {
            return failed(e.getMessage());
        } catch (XLSBUnsupportedException e) {
            return failed("the file is an Excel binary workbook (.xlsb), which cannot be read");
        } catch (IOException | RuntimeException e) {
            return failed("the file cannot be opened as a workbook (damaged, truncated or of an unknown format)");
        }
    }

    private static SubmissionCopy failed(String reason) {
        return new SubmissionCopy(null, Map.of(), reason);
    }

    /** The name of the copy of a sheet the submission calls {@code sheetName}, or {@code null}. */
    String copiedSheetName(String sheetName) {
        if (sheetName == null) {
            return null;
        }
        String exact = sheetNames.get(sheetName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : sheetNames.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(sheetName)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The position of a sheet in the submission's tab order, or -1. */
    int tabIndex(String sheetName) {
        String copied = copiedSheetName(sheetName);
        if (copied == null) {
            return -1;
        }
        int index = 0;
        for (String name : sheetNames.values()) {
            if (name.equals(copied)) {
                return index;
            }
            index++;
        }
        return -1;
    }

    private static SubmissionCopy openXlsx(Path submission) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(submission)) {
            workbook = new XSSFWorkbook(in);
        }
        if (workbook.getWorkbookType() == XSSFWorkbookType.XLSM) {
            // the copy is saved as .xlsx, whose content type must say so or Excel refuses to open it
            workbook.setWorkbookType(XSSFWorkbookType.XLSX);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            String name = workbook.getSheetName(i);
            names.put(name, name);
        }
        return new SubmissionCopy(workbook, names, null);
    }

    private static SubmissionCopy convertXls(Path submission) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(submission.toFile(), true);
                HSSFWorkbook source = new HSSFWorkbook(fs.getRoot(), true)) {
            XSSFWorkbook copy = new XSSFWorkbook();
            try {
                Map<String, String> names = new LinkedHashMap<>();
                Map<StyleKey, XSSFCellStyle> styles = new HashMap<>();
                for (int i = 0; i < source.getNumberOfSheets(); i++) {
                    Sheet sheet = source.getSheetAt(i);
                    String name = SheetNames.unique(sheet.getSheetName(), names.values());
                    names.put(sheet.getSheetName(), name);
                    XSSFSheet target = copy.createSheet(name);
                    copySheet(sheet, target, copy, styles);
                    if (source.isSheetHidden(i) || source.isSheetVeryHidden(i)) {
                        copy.setSheetHidden(i, true);
                    }
                }
                return new SubmissionCopy(copy, names, null);
            } catch (RuntimeException e) {
                copy.close();
                throw e;
            }
        }
    }

    private record StyleKey(String format, boolean wrap, HorizontalAlignment horizontal, VerticalAlignment vertical) {
    }

    private static void copySheet(Sheet source, XSSFSheet target, XSSFWorkbook copy, Map<StyleKey, XSSFCellStyle> styles) {
        target.setDefaultColumnWidth(source.getDefaultColumnWidth());
        target.setDefaultRowHeight(source.getDefaultRowHeight());
        int lastColumn = -1;
        for (Row row : source) {
            XSSFRow targetRow = target.createRow(row.getRowNum());
            if (row.getHeight() != source.getDefaultRowHeight()) {
                targetRow.setHeight(row.getHeight());
            }
            for (Cell cell : row) {
                lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                copyCell(cell, targetRow, copy, styles);
            }
        }
        for (int column = 0; column <= lastColumn; column++) {
            target.setColumnWidth(column, source.getColumnWidth(column));
            target.setColumnHidden(column, source.isColumnHidden(column));
        }
        addMerges(target, source.getMergedRegions());
    }

    private static void copyCell(Cell cell, XSSFRow targetRow, XSSFWorkbook copy, Map<StyleKey, XSSFCellStyle> styles) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        CellStyle style = cell.getCellStyle();
        XSSFCell target;
        switch (type) {
            case NUMERIC -> {
                target = targetRow.createCell(cell.getColumnIndex());
                target.setCellValue(cell.getNumericCellValue());
            }
            case STRING -> {
                target = targetRow.createCell(cell.getColumnIndex());
                target.setCellValue(FeedbackWorkbookWriter.limit(cell.getRichStringCellValue().getString()));
            }
            case BOOLEAN -> {
                target = targetRow.createCell(cell.getColumnIndex());
                target.setCellValue(cell.getBooleanCellValue());
            }
            case ERROR -> {
                target = targetRow.createCell(cell.getColumnIndex());
                target.setCellValue(errorText(cell.getErrorCellValue()));
            }
            default -> {
                return;
            }
        }
        StyleKey key = new StyleKey(style.getDataFormatString(), style.getWrapText(), style.getAlignment(),
                style.getVerticalAlignment());
        target.setCellStyle(styles.computeIfAbsent(key, k -> {
            XSSFCellStyle created = copy.createCellStyle();
            String format = Objects.requireNonNullElse(k.format(), "General");
            created.setDataFormat(copy.createDataFormat().getFormat(format));
            created.setWrapText(k.wrap());
            created.setAlignment(k.horizontal());
            created.setVerticalAlignment(k.vertical());
            return created;
        }));
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }

    private static SubmissionCopy convertGrids(Path submission, WorkbookReader reader)
            throws WorkbookReadException, IOException {
        List<GridSheetCopy> sheets = GridSheetCopy.of(readGrids(submission, reader));
        XSSFWorkbook copy = new XSSFWorkbook();
        try {
            XSSFCellStyle wrap = copy.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            for (GridSheetCopy sheet : sheets) {
                copyGrid(sheet, copy.createSheet(sheet.name()), wrap);
            }
            return new SubmissionCopy(copy, GridSheetCopy.names(sheets), null);
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The sheets of a submission that {@code reader} reads as grids (a CSV). */
    static List<SheetGrid> readGrids(Path submission, WorkbookReader reader) throws WorkbookReadException {
        List<SheetGrid> grids = new ArrayList<>();
        reader.read(submission, grids::add);
        return grids;
    }

    private static void copyGrid(GridSheetCopy sheet, XSSFSheet target, XSSFCellStyle wrap) {
        XSSFRow row = null;
        for (GridSheetCopy.Cell gridCell : sheet.cells()) {
            if (row == null || row.getRowNum() != gridCell.row()) {
                row = target.createRow(gridCell.row());
            }
            XSSFCell cell = row.createCell(gridCell.column());
            if (gridCell.number() != null) {
                cell.setCellValue(gridCell.number());
            } else {
                cell.setCellValue(gridCell.text());
                if (gridCell.wrap()) {
                    cell.setCellStyle(wrap);
                }
            }
        }
        for (GridSheetCopy.Width width : sheet.widths()) {
            target.setColumnWidth(width.column(), width.characters() * 256);
        }
        addMerges(target, sheet.merges());
    }

    /**
     * Merges the regions of a sheet the copy has just created, which holds values only (no array
     * formula a merge could cut). A region that overlaps one merged before it, which the source
     * tolerated, is dropped: its cells are copied, only the merge is not. Checked here rather than by
     * {@code addMergedRegion}, which reads the sheet's merges back from its XML on every call.
     */
    private static void addMerges(XSSFSheet target, List<CellRangeAddress> merges) {
        List<CellRangeAddress> merged = new ArrayList<>(merges.size());
        for (CellRangeAddress merge : merges) {
            if (merge.getNumberOfCells() < 2 || merge.getLastRow() >= MAX_ROWS || merge.getLastColumn() >= MAX_COLUMNS
                    || merged.stream().anyMatch(merge::intersects)) {
                continue;
            }
            CellRangeAddress copy = merge.copy();
            target.addMergedRegionUnsafe(copy);
            merged.add(copy);
        }
    }

    @Override
    public String toString() {
        return "SubmissionCopy[" + (workbook == null ? "failed: " + failure : sheetNames.keySet()) + "]";
    }
}
