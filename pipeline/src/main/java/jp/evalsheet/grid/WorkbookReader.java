package jp.evalsheet.grid;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads every sheet of one submitted file into {@link SheetGrid}s, one at a time, so that only one
 * sheet is held in memory. Implementations exist for .xlsx (streaming), .xls and CSV.
 */
public interface WorkbookReader {

    /**
     * Streams the sheets of {@code file}, in workbook order, to {@code sheets}.
     *
     * @throws WorkbookReadException when the file cannot be read at all (corrupt, encrypted,
     *     unknown encoding, too large); the message says what was expected
     */
    void read(Path file, Consumer<SheetGrid> sheets) throws WorkbookReadException;
}
