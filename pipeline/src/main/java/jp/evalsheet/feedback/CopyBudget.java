package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import jp.evalsheet.grid.WorkbookReader;
import jp.evalsheet.grid.XlsxStreamingReader;

/**
 * How large a submission the feedback workbook copies, so that the memory one feedback workbook takes
 * stays bounded whatever the file holds. A copy is made in memory: the zip-level edit parses each part
 * it changes into a DOM (some 25 bytes of heap per byte of XML), POI holds the whole workbook (more).
 * An evaluation sheet's package holds a few tens of KB of XML; a submission holding more than
 * {@link #MAX_BYTES} gets the findings list alone, with a note saying why. Copies of more than
 * {@link #LARGE_BYTES} are made one at a time ({@link #large}), however many feedback workbooks are
 * written at once.
 */
final class CopyBudget {

    /** The most content a marked copy is made of: an .xlsx's parts uncompressed, an .xls's or a CSV's file. */
    static final long MAX_BYTES = 8L << 20;

    /** Copies of more content than this are made one at a time. */
    static final long LARGE_BYTES = 1L << 20;

    private static final Semaphore LARGE = new Semaphore(1);

    private CopyBudget() {
    }

    /**
     * The bytes a copy of {@code submission} is made from: for an .xlsx the sum of its parts'
     * uncompressed sizes as its zip directory states them (the edit stops reading a part that inflates
     * beyond what it states), for any other file its size.
     *
     * @throws IOException when an .xlsx's zip directory cannot be read (the copy then says why)
     */
    static long contentBytes(Path submission, WorkbookReader reader) throws IOException {
        if (!(reader instanceof XlsxStreamingReader)) {
            return Files.size(submission);
        }
        long total = 0;
        try (ZipFile zip = ZipFile.builder().setPath(submission).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                // an unstated size counts as the budget: such a package is not copied
                total += entry.getSize() < 0 ? MAX_BYTES + 1 : entry.getSize();
            }
        }
        return total;
    }

    /** Why a copy of {@code bytes} of content is not made, in English; {@code null} when it is within the budget. */
    static String exceeded(long bytes) {
        if (bytes <= MAX_BYTES) {
            return null;
        }
        return String.format(Locale.ROOT, "it holds %s of sheet content, more than the %s a marked copy is made of; "
                + "an evaluation sheet holds well under 1 MB", megabytes(bytes), megabytes(MAX_BYTES));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** A permit to copy {@code bytes} of content, released by {@link Permit#close()}. */
    static Permit permit(long bytes) throws IOException {
        if (bytes <= LARGE_BYTES) {
            return () -> { };
        }
        try {
            LARGE.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to copy a large submission");
        }
        return LARGE::release;
    }

    /** A permit of {@link #permit}: closing it lets the next large copy start. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
