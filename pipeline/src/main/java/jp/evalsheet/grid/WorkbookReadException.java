package jp.evalsheet.grid;

import java.nio.file.Path;

/** A submitted file that cannot be read as a workbook at all; names the file and, if known, the sheet. */
public class WorkbookReadException extends Exception {

    private final transient Path file;
    private final String sheetName;

    public WorkbookReadException(String message, Path file, String sheetName, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.sheetName = sheetName;
    }

    public WorkbookReadException(String message, Path file, Throwable cause) {
        this(message, file, null, cause);
    }

    public Path file() {
        return file;
    }

    /** The sheet being read when it failed, or {@code null} when the failure concerns the whole file. */
    public String sheetName() {
        return sheetName;
    }
}
