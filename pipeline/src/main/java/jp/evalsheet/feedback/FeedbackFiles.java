package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The feedback workbooks as files: the name each submission's workbook gets (unique within a folder,
 * as the file systems departments share files on see names), and how a workbook file is written
 * (through a temporary file renamed over it, readable by the group). Used by every renderer and by
 * {@link FeedbackReport}; depends on none of them.
 */
final class FeedbackFiles {

    private FeedbackFiles() {
    }
    public static final String FILE_SUFFIX = "_指摘事項.xlsx";
    static final Set<String> RESERVED_FILE_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    static final int MAX_FILE_NAME_BYTES = 255;

    /** {@code <file name without extension>_指摘事項.xlsx}, with characters illegal in file names replaced. */
    static String outputFileName(Path submission) {
        Path fileName = submission.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("the submission has no file name: " + submission);
        }
        return outputFileName(base(fileName.toString(), false), "");
    }

    /**
     * The feedback workbook's file name of each of the files of a run (paths relative to the input
     * folder, {@code /}-separated), unique within each output folder ignoring case, as the file systems
     * departments share files on do.
     *
     * <p>A file gets {@link #outputFileName(Path)}. Files of one folder whose names would then be
     * equal ({@code a.xlsx} and {@code a.csv}, {@code 評価.XLS} and {@code 評価.xls}) are each named
     * with their extension ({@code a_xlsx_指摘事項.xlsx}, {@code a_csv_指摘事項.xlsx}), and a name still
     * taken gets a number ({@code a_csv (2)_指摘事項.xlsx}), in the order of the files' names.
     *
     * @param kept the names that files of the run keep from an earlier run (files read again and
     *     unchanged, whose workbooks are not written again): taken before any other file is named
     */
    static Map<String, String> outputFileNames(Collection<String> files, Map<String, String> kept) {
        List<String> sorted = files.stream().distinct().sorted().toList();
        Map<String, String> names = new HashMap<>(kept);
        Set<String> taken = new HashSet<>();
        kept.forEach((file, name) -> taken.add(slot(file, name)));
        Map<String, List<String>> byDefaultName = new LinkedHashMap<>();
        for (String file : sorted) {
            byDefaultName.computeIfAbsent(slot(file, outputFileName(Path.of(file))), k -> new ArrayList<>()).add(file);
        }
        // the files alone with their name first, so that they keep it; then those that share one
        List<List<String>> groups = new ArrayList<>(byDefaultName.values());
        groups.sort(Comparator.comparing(group -> group.size() > 1));
        for (List<String> group : groups) {
            for (String file : group) {
                if (names.containsKey(file)) {
                    continue;
                }
                String base = base(Path.of(file).getFileName().toString(), group.size() > 1);
                String name = outputFileName(base, "");
                for (int n = 2; taken.contains(slot(file, name)); n++) {
                    name = outputFileName(base, " (" + n + ")");
                }
                names.put(file, name);
                taken.add(slot(file, name));
            }
        }
        Map<String, String> inFileOrder = new LinkedHashMap<>();
        sorted.forEach(file -> inFileOrder.put(file, names.get(file)));
        return inFileOrder;
    }

    /** {@link #outputFileNames(Collection, Map)} for files that keep no names. */
    static Map<String, String> outputFileNames(Collection<String> files) {
        return outputFileNames(files, Map.of());
    }

    /** A file name without its extension, or with the extension joined by an underscore ({@code a.csv}: {@code a_csv}). */
    static String base(String fileName, boolean withExtension) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return fileName;
        }
        return fileName.substring(0, dot) + (withExtension ? "_" + fileName.substring(dot + 1) : "");
    }

    /** Where a workbook name lies, as a file system that ignores case sees it: the file's folder and the name. */
    static String slot(String file, String workbookName) {
        return folderOf(file) + "/" + workbookName.toLowerCase(Locale.ROOT);
    }

    static String folderOf(String file) {
        Path parent = Path.of(file).getParent();
        return parent == null ? "" : parent.toString().toLowerCase(Locale.ROOT);
    }

    /** {@code <base><tag>_指摘事項.xlsx}: the base cleaned and shortened so that the name fits, the tag kept whole. */
    static String outputFileName(String base, String tag) {
        StringBuilder safe = new StringBuilder();
        base.codePoints().forEach(c -> {
            if ("\\/:*?\"<>|".indexOf(c) >= 0 || Character.isISOControl(c)) {
                safe.append('_');
            } else {
                safe.appendCodePoint(c);
            }
        });
        String cleaned = safe.toString().strip().replaceAll("[. ]+$", "");
        if (cleaned.isEmpty()) {
            cleaned = "submission";
        }
        String stem = cleaned.split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        if (RESERVED_FILE_NAMES.contains(stem)) {
            cleaned = "_" + cleaned;
        }
        int budget = MAX_FILE_NAME_BYTES - (tag + FILE_SUFFIX).getBytes(StandardCharsets.UTF_8).length;
        StringBuilder limited = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < cleaned.length(); ) {
            int c = cleaned.codePointAt(i);
            String one = new String(Character.toChars(c));
            bytes += one.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > budget) {
                break;
            }
            limited.append(one);
            i += Character.charCount(c);
        }
        return limited + tag + FILE_SUFFIX;
    }

    /** Writes a file of its own. */
    interface FileWriting {
        void writeTo(Path file) throws IOException;
    }

    /** The mode of a workbook: readable by the group and the others (0644), like a file the office saves. */
    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> SHARED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Writes {@code target} through a temporary file beside it, so that a reader never sees half of it;
     * the workbook is readable by the group (0644) where the file system has POSIX permissions.
     */
    static void replace(Path target, FileWriting writing) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".feedback-", ".xlsx.part");
        try {
            writing.writeTo(temporary);
            // a temporary file is created for its owner alone (0600); the office shares the workbooks
            if (Files.getFileStore(temporary).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
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
}
