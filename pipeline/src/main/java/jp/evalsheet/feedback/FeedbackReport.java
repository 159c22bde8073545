package jp.evalsheet.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;

import jp.evalsheet.load.SqlFiles;

/**
 * Writes, after a run, one feedback workbook for every file the run read (unchanged files are not
 * read again and keep their earlier feedback): the problems of that submission, from the run log and
 * from the cross-checks of {@code v_data_quality_findings}, into {@link FeedbackWorkbookWriter}.
 * Workbooks go to the output folder, mirroring the input folder's subfolders. Each finding is shown
 * in Japanese, then in the English of the run log ({@link FindingTexts}); the cell comments are by
 * the section that sends the workbooks back ({@link FeedbackWorkbookWriter#DEFAULT_AUTHOR} unless the
 * run names another with {@code --evalsheet.feedback.author=…}).
 */
public final class FeedbackReport {

    /** The workbooks written, and the files whose workbook could not be written, with why. */
    public record Written(List<Path> workbooks, List<String> failures) {
    }

    private final JdbcTemplate jdbc;
    private final FeedbackWorkbookWriter writer;

    /** A report whose comments are by {@link FeedbackWorkbookWriter#DEFAULT_AUTHOR}. */
    public FeedbackReport(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    /**
     * A report whose comments are by {@code author} (the property {@code evalsheet.feedback.author});
     * {@link FeedbackWorkbookWriter#DEFAULT_AUTHOR} when {@code null} or blank.
     */
    public FeedbackReport(JdbcTemplate jdbc, String author) {
        this.jdbc = jdbc;
        this.writer = new FeedbackWorkbookWriter(author);
    }

    public Written write(long loadRunId, Path inputDir, Path outputDir) {
        return write(loadRunId, inputDir, outputDir, (done, total) -> { });
    }

    /**
     * Writes the run's workbooks, telling {@code progress} of each one done (whether written or not)
     * and of the total: {@code (done, total)}.
     */
    public Written write(long loadRunId, Path inputDir, Path outputDir,
            java.util.function.BiConsumer<Integer, Integer> progress) {
        deleteUnfinished(outputDir);
        List<Path> workbooks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // one query for the whole run: the findings view is computed once, not once per file
        Map<String, List<FeedbackItem>> itemsByFile = new LinkedHashMap<>();
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> previous = new HashMap<>();
        jdbc.query(SqlFiles.query("feedback_files_of_run"), row -> {
            String file = row.getString(1);
            String earlier = row.getString(3);
            if ("unchanged".equals(row.getString(2))) {
                // not written again. A file read before keeps its workbook's name (one read before names
                // were recorded has the one it was always given); a file new here whose content was
                // loaded under another name has no workbook, and takes no name
                if (row.getBoolean(4)) {
                    kept.put(file, earlier != null ? earlier : FeedbackFiles.outputFileName(Path.of(file)));
                }
            } else {
                itemsByFile.put(file, new ArrayList<>());
                if (earlier != null) {
                    previous.put(file, earlier);
                }
            }
        }, loadRunId, loadRunId);
        // named among all the files of the run, so that no two share a workbook and no new file takes
        // the name of an unchanged file's
        List<String> named = new ArrayList<>(itemsByFile.keySet());
        named.addAll(kept.keySet());
        Map<String, String> fileNames = FeedbackFiles.outputFileNames(named, kept);
        for (Map<String, Object> row : jdbc.queryForList(SqlFiles.query("feedback_findings_of_run"), loadRunId, loadRunId)) {
            List<FeedbackItem> items = itemsByFile.get((String) row.get("source_file"));
            if (items != null) {
                items.add(new FeedbackItem((String) row.get("severity"), (String) row.get("sheet_name"),
                        (String) row.get("cell"), (String) row.get("rule"), (String) row.get("message"),
                        (String) row.get("raw_text")));
            }
        }
        // one workbook per file, as many at a time as there are cores; reported in file order
        List<Map.Entry<String, List<FeedbackItem>>> files = List.copyOf(itemsByFile.entrySet());
        Set<String> writtenFiles = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(files.size(),
                Runtime.getRuntime().availableProcessors())), runnable -> {
                    Thread thread = new Thread(runnable, "feedback");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (Map.Entry<String, List<FeedbackItem>> file : files) {
                written.add(pool.submit(() -> writer.write(inputDir.resolve(file.getKey()), file.getKey(), file.getValue(),
                        folder(outputDir, file.getKey()), fileNames.get(file.getKey()))));
            }
            for (int i = 0; i < files.size(); i++) {
                try {
                    workbooks.add(written.get(i).get());
                    String file = files.get(i).getKey();
                    writtenFiles.add(file);
                    dropRenamed(outputDir, file, previous.get(file), fileNames);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    String why = e.getCause().getMessage() == null ? e.getCause().getClass().getSimpleName()
                            : e.getCause().getMessage();
                    failures.add(files.get(i).getKey() + ": " + why);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing feedback workbooks", e);
                }
                progress.accept(i + 1, files.size());
            }
        } finally {
            pool.shutdownNow();
        }
        recordNames(loadRunId, fileNames.entrySet().stream()
                .filter(name -> kept.containsKey(name.getKey()) || writtenFiles.contains(name.getKey())).toList());
        return new Written(List.copyOf(workbooks), List.copyOf(failures));
    }

    /**
     * Deletes the unfinished workbooks ({@code .feedback-*.xlsx.part}) a run that was killed while
     * writing left in the output folder; a run writes each workbook under such a name and then renames it.
     */
    private static void deleteUnfinished(Path outputDir) {
        if (!java.nio.file.Files.isDirectory(outputDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(outputDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(".feedback-") && name.endsWith(".xlsx.part") && java.nio.file.Files.isRegularFile(file)) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // left for the next run: they are hidden, and never taken for a workbook
        }
    }

    /** Records the workbooks' names in one statement: an update per file scans the run log once each. */
    private void recordNames(long loadRunId, List<Map.Entry<String, String>> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement(SqlFiles.query("record_feedback_workbooks"))) {
                update.setArray(1, connection.createArrayOf("VARCHAR", names.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(2, connection.createArrayOf("VARCHAR", names.stream().map(Map.Entry::getValue).toArray()));
                update.setLong(3, loadRunId);
                return update.executeUpdate();
            }
        });
    }

    /** The folder of a file's workbook: the output folder, mirroring the input folder's subfolders. */
    private static Path folder(Path outputDir, String file) {
        Path parent = Path.of(file).getParent();
        return parent == null ? outputDir : outputDir.resolve(parent);
    }

    /**
     * Deletes the workbook a file had under another name in an earlier run (its name changes when a
     * file of the same name but another extension joins or leaves its folder), unless a file of this
     * run has that name now.
     */
    private static void dropRenamed(Path outputDir, String file, String earlier, Map<String, String> fileNames) {
        if (earlier == null || earlier.equalsIgnoreCase(fileNames.get(file))) {
            return;
        }
        Path parent = Path.of(file).getParent();
        boolean taken = fileNames.entrySet().stream().anyMatch(name -> earlier.equalsIgnoreCase(name.getValue())
                && Objects.equals(Path.of(name.getKey()).getParent(), parent));
        if (!taken) {
            try {
                Files.deleteIfExists(folder(outputDir, file).resolve(earlier));
            } catch (IOException e) {
                // the old workbook stays; the new one is written all the same
            }
        }
    }
}
