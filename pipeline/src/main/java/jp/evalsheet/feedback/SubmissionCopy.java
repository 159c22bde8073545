package jp.evalsheet.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param absence what kind of reason {@code failure} is, {@code null} with it
 */
record SubmissionCopy(XSSFWorkbook workbook, Map<String, String> sheetNames, String failure, Absence absence) {

    /** Why a feedback workbook comes without a copy of the submission. */
    enum Absence {
        /** The file could not be opened: damaged, encrypted, of an unknown format. */
        UNREADABLE,
        /**
         * The file was read, but the copy of it could not be made (such as an .xls with more number
         * formats than an .xlsx can hold): the failure is ours, not the department's file's.
         */
        COPY_FAILED,
        /** The file holds more than {@link CopyBudget#MAX_BYTES} of content. */
        TOO_LARGE
    }

    SubmissionCopy(XSSFWorkbook workbook, Map<String, String> sheetNames, String failure) {
        this(workbook, sheetNames, failure, failure == null ? null : Absence.UNREADABLE);
    }

    /** No copy, because making one failed after the file was read. */
    static SubmissionCopy copyFailed(RuntimeException cause) {
        return new SubmissionCopy(null, Map.of(), reason(cause), Absence.COPY_FAILED);
    }

    /** No copy, because the file holds more than a copy is made of ({@link CopyBudget#exceeded}). */
    static SubmissionCopy tooLarge(String why) {
        return new SubmissionCopy(null, Map.of(), why, Absence.TOO_LARGE);
    }

    /**
     * What went wrong, for the department: the message of a limit POI states (an illegal state or
     * argument, such as too many number formats for an .xlsx), else only the kind of failure, since
     * other messages speak of our code, not of their file.
     */
    static String reason(RuntimeException cause) {
        boolean stated = cause instanceof IllegalStateException || cause instanceof IllegalArgumentException;
        return stated && cause.getMessage() != null && !cause.getMessage().isBlank() ? cause.getMessage().strip()
                : cause.getClass().getSimpleName();
    }


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
        XlsWorkbookCopy layout = XlsWorkbookCopy.read(submission);
        XSSFWorkbook copy = new XSSFWorkbook();
        try {
            List<XSSFCellStyle> styles = new ArrayList<>(layout.styles().size());
            for (XlsWorkbookCopy.Style style : layout.styles()) {
                XSSFCellStyle created = copy.createCellStyle();
                String format = Objects.requireNonNullElse(style.format(), "General");
                created.setDataFormat(copy.createDataFormat().getFormat(format));
                created.setWrapText(style.wrap());
                created.setAlignment(style.horizontal());
                created.setVerticalAlignment(style.vertical());
                styles.add(created);
            }
            for (int i = 0; i < layout.sheets().size(); i++) {
                XlsWorkbookCopy.Sheet sheet = layout.sheets().get(i);
                copyXlsSheet(sheet, copy.createSheet(sheet.name()), styles);
                if (sheet.hidden()) {
                    copy.setSheetHidden(i, true);
                }
            }
            return new SubmissionCopy(copy, layout.sheetNames(), null);
        } catch (RuntimeException e) {
            copy.close();
            return copyFailed(e);
        }
    }

    private static void copyXlsSheet(XlsWorkbookCopy.Sheet sheet, XSSFSheet target, List<XSSFCellStyle> styles) {
        target.setDefaultColumnWidth(sheet.defaultColumnWidth());
        target.setDefaultRowHeight(sheet.defaultRowHeight());
        for (XlsWorkbookCopy.Row row : sheet.rows()) {
            XSSFRow targetRow = target.createRow(row.index());
            if (row.height() != -1) {
                targetRow.setHeight(row.height());
            }
            for (XlsWorkbookCopy.Cell cell : row.cells()) {
                XSSFCell targetCell = targetRow.createCell(cell.column());
                if (cell.value() instanceof Double number) {
                    targetCell.setCellValue(number);
                } else if (cell.value() instanceof Boolean bool) {
                    targetCell.setCellValue(bool);
                } else {
                    targetCell.setCellValue((String) cell.value());
                }
                targetCell.setCellStyle(styles.get(cell.style()));
            }
        }
        for (XlsWorkbookCopy.Column column : sheet.columns()) {
            target.setColumnWidth(column.index(), column.width());
            target.setColumnHidden(column.index(), column.hidden());
        }
        addMerges(target, sheet.merges());
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
            return copyFailed(e);
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
     * formula a merge could cut). {@code merges} are already those of {@link #keptMerges}, checked
     * there rather than by {@code addMergedRegion}, which reads the sheet's merges back from its XML
     * on every call.
     */
    private static void addMerges(XSSFSheet target, List<CellRangeAddress> merges) {
        for (CellRangeAddress merge : merges) {
            target.addMergedRegionUnsafe(merge.copy());
        }
    }

    /**
     * The merges of a source sheet the copy keeps, as copies: those of two cells or more, inside the
     * sheet's limits. A region that overlaps one kept before it, which the source tolerated, is
     * dropped: its cells are copied, only the merge is not.
     */
    static List<CellRangeAddress> keptMerges(List<CellRangeAddress> merges) {
        List<CellRangeAddress> kept = new ArrayList<>(merges.size());
        for (CellRangeAddress merge : merges) {
            if (merge.getNumberOfCells() < 2 || merge.getLastRow() >= FindingsLayout.MAX_ROWS
                    || merge.getLastColumn() >= FindingsLayout.MAX_COLUMNS
                    || kept.stream().anyMatch(merge::intersects)) {
                continue;
            }
            kept.add(merge.copy());
        }
        return List.copyOf(kept);
    }

    @Override
    public String toString() {
        return "SubmissionCopy[" + (workbook == null ? "failed: " + failure : sheetNames.keySet()) + "]";
    }
}
