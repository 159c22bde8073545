package jp.evalsheet.grid;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/** Chooses the {@link WorkbookReader} for a submitted file. */
public final class WorkbookReaders {

    private static final Set<String> CANDIDATE_EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "csv");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "txt");

    private WorkbookReaders() {
    }

    /**
     * The reader for a file, chosen by its content first and its extension second: a zip archive is
     * read as .xlsx, an OLE2 file as .xls (or refused as a password-protected workbook when it holds an
     * encrypted OOXML package), and only then a {@code .csv}/{@code .txt} name means CSV. Whatever the
     * file is called, an .xlsx saved as {@code .xls} is read as .xlsx.
     *
     * @throws WorkbookReadException when the file is empty or is none of these
     */
    public static WorkbookReader forFile(Path file) throws WorkbookReadException {
        return switch (FileSniffer.sniff(file)) {
            case EMPTY -> throw new WorkbookReadException(ReadMessages.EMPTY, file, null);
            case ZIP -> new XlsxStreamingReader();
            case OLE2 -> FileSniffer.isEncryptedOoxml(file) ? WorkbookReaders::refusePasswordProtected : new XlsReader();
            case OTHER -> {
                if (TEXT_EXTENSIONS.contains(FileSniffer.extension(file))) {
                    yield new CsvReader();
                }
                throw new WorkbookReadException(ReadMessages.notAWorkbook(FileSniffer.extension(file)), file, null);
            }
        };
    }

    /**
     * Whether a file found in a submission folder should be read: an {@code .xlsx}, {@code .xlsm},
     * {@code .xls} or {@code .csv} name (any case), but not an Excel lock file ({@code ~$...}) nor a
     * hidden dot-file. Looks at the name only.
     */
    public static boolean isCandidate(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String fileName = name.toString();
        if (fileName.startsWith("~$") || fileName.startsWith(".")) {
            return false;
        }
        return CANDIDATE_EXTENSIONS.contains(FileSniffer.extension(file));
    }

    private static void refusePasswordProtected(Path file, Consumer<SheetGrid> sheets)
            throws WorkbookReadException {
        throw new WorkbookReadException(ReadMessages.PASSWORD_PROTECTED, file, null);
    }
}
