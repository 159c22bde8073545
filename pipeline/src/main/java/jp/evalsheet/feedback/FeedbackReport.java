package jp.evalsheet.feedback;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes, after a run, one feedback workbook for every file the run read (unchanged files are not
 * read again and keep their earlier feedback): the problems of that submission, from the run log and
 * from the cross-checks of {@code v_data_quality_findings}, into {@link FeedbackWorkbookWriter}.
 * Workbooks go to the output folder, mirroring the input folder's subfolders.
 */
public final class FeedbackReport {

    /** The workbooks written, and the files whose workbook could not be written, with why. */
    public record Written(List<Path> workbooks, List<String> failures) {
    }

    private final JdbcTemplate jdbc;
    private final FeedbackWorkbookWriter writer = new FeedbackWorkbookWriter();

    public FeedbackReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Written write(long loadRunId, Path inputDir, Path outputDir) {
        List<Path> workbooks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // one query for the whole run: the findings view is computed once, not once per file
        Map<String, List<FeedbackItem>> itemsByFile = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        jdbc.query("select source_file, outcome from etl_file_loads where load_run_id = ? order by source_file", row -> {
            seen.add(row.getString(1));
            if (!"unchanged".equals(row.getString(2))) {
                itemsByFile.put(row.getString(1), new ArrayList<>());
            }
        }, loadRunId);
        // named among all the files of the folder, the unchanged ones too, so that no two share a workbook
        Map<String, String> fileNames = FeedbackWorkbookWriter.outputFileNames(seen);
        for (Map<String, Object> row : jdbc.queryForList("""
                select source_file, severity, sheet_name, cell, rule, message, raw_text from etl_messages
                where load_run_id = ?
                union
                select source_file, severity, sheet_name, cell, rule, message, raw_text from v_data_quality_findings
                where load_run_id = ?
                """, loadRunId, loadRunId)) {
            List<FeedbackItem> items = itemsByFile.get((String) row.get("source_file"));
            if (items != null) {
                items.add(new FeedbackItem((String) row.get("severity"), (String) row.get("sheet_name"),
                        (String) row.get("cell"), (String) row.get("rule"), (String) row.get("message"),
                        (String) row.get("raw_text")));
            }
        }
        // one workbook per file, as many at a time as there are cores; reported in file order
        List<Map.Entry<String, List<FeedbackItem>>> files = List.copyOf(itemsByFile.entrySet());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(files.size(),
                Runtime.getRuntime().availableProcessors())), runnable -> {
                    Thread thread = new Thread(runnable, "feedback");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (Map.Entry<String, List<FeedbackItem>> file : files) {
                Path relative = Path.of(file.getKey());
                Path folder = relative.getParent() == null ? outputDir : outputDir.resolve(relative.getParent());
                written.add(pool.submit(() -> writer.write(inputDir.resolve(file.getKey()), file.getKey(), file.getValue(),
                        folder, fileNames.get(file.getKey()))));
            }
            for (int i = 0; i < files.size(); i++) {
                try {
                    workbooks.add(written.get(i).get());
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
            }
        } finally {
            pool.shutdownNow();
        }
        return new Written(List.copyOf(workbooks), List.copyOf(failures));
    }
}
