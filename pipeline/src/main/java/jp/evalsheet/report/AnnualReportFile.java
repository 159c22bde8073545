package jp.evalsheet.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.job.IngestionCommand;

/**
 * Writes the annual report of one municipality, read from a published warehouse through the
 * read-only JDBC URL analysts use ({@link IngestionCommand#readOnlyUrl}), so that it never changes
 * the warehouse and works while BI tools hold it open; written through a temporary file beside
 * the target that is renamed over it, so that nobody opens half a report. The file is readable by
 * the group (0644), like the feedback workbooks.
 */
public final class AnnualReportFile {

    /** The mode of the report: readable by the group and the others, like a file the office saves. */
    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private AnnualReportFile() {
    }

    /** What was written: the report's sheets and charts. */
    public record Written(Path file, String municipalityName, int sheets, int charts) {
    }

    /** Opens the published warehouse read-only, as an analyst would. */
    public static Connection open(Path warehouse) throws SQLException {
        return DriverManager.getConnection(IngestionCommand.readOnlyUrl(warehouse));
    }

    /** Writes the report to {@code target}, replacing the file there. */
    public static Written write(AnnualReport report, Path target) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        deleteUnfinished(file);
        try (XSSFWorkbook workbook = AnnualReportWorkbook.create(report, LocalDate.now())) {
            replace(file, workbook);
            return new Written(file, report.municipalityName(), workbook.getNumberOfSheets(), report.policyCosts().size());
        }
    }

    /**
     * Writes {@code workbook} to {@code target} as the report is written: through a temporary file
     * renamed over the target, readable by the group (0644), what a killed write left removed first.
     */
    public static void writeShared(Path target, org.apache.poi.ss.usermodel.Workbook workbook) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        deleteUnfinished(file);
        replace(file, workbook);
    }

    private static void replace(Path target, org.apache.poi.ss.usermodel.Workbook workbook) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), unfinishedPrefix(target), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                workbook.write(out);
            }
            // a temporary file is created for its owner alone (0600); the council's office shares the report
            if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temporary, SHARED);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes what a run killed while writing this report left ({@code .<name>-123.part}). */
    private static void deleteUnfinished(Path target) throws IOException {
        String prefix = unfinishedPrefix(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
                file -> file.getFileName().toString().startsWith(prefix) && file.getFileName().toString().endsWith(".part"))) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String unfinishedPrefix(Path target) {
        return "." + target.getFileName() + "-";
    }
}
