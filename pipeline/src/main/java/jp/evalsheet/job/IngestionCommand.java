package jp.evalsheet.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import jp.evalsheet.load.RunPublisher;
import jp.evalsheet.load.SqlFiles;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.value.EraYearParser;

/**
 * Starts the annual ingestion job from the command line (or restarts the last failed run with
 * {@code --restart}) and prints what it loaded, what it rejected and why.
 */
@Component
public class IngestionCommand implements ApplicationRunner, ExitCodeGenerator {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final JdbcTemplate jdbc;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;
    /** {@code --quiet}: no line per file loaded without a problem. */
    private boolean quiet;

    public IngestionCommand(JobOperator jobOperator, JobRepository jobRepository, Job annualIngestionJob,
            JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = annualIngestionJob;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        quiet = args.containsOption("quiet");
        String input = args.containsOption("input") ? args.getOptionValues("input").get(0) : "input";
        String fiscalYear = args.containsOption("fiscal-year") ? args.getOptionValues("fiscal-year").get(0) : null;
        boolean validate = args.containsOption("validate");
        String feedback = args.containsOption("feedback") ? args.getOptionValues("feedback").get(0) : "feedback";
        Municipality municipality = null;
        if (args.containsOption("municipality")) {
            String written = args.getOptionValues("municipality").get(0);
            try {
                municipality = Municipality.require(written);
            } catch (IllegalArgumentException e) {
                out.println("--municipality: " + e.getMessage());
                exitCode = 1;
                return;
            }
        }
        if (municipality == null && !args.containsOption("restart") && RunPublisher.hasRowsWithoutMunicipality(jdbc)) {
            out.println("This warehouse was built before municipalities were recorded: name the municipality its sheets "
                    + "belong to once, with --municipality=CODE_NAME (such as --municipality=112275_朝霞市), and its "
                    + "rows are given that municipality. Nothing was loaded.");
            exitCode = 1;
            return;
        }
        JobExecution execution = args.containsOption("restart")
                ? restartLastFailed(args.containsOption("input") ? input : null)
                : start(input, fiscalYear, validate, feedback, municipality);
        if (execution == null) {
            exitCode = 1;
            return;
        }
        report(execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            exitCode = 1;
        } else if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from etl_messages where load_run_id = ? and severity = 'error'",
                Boolean.class, execution.getJobInstanceId())) || feedbackFailures(execution) > 0) {
            // some input was rejected, or a department did not get its workbook: someone must act
            exitCode = 2;
        }
    }

    private JobExecution start(String input, String fiscalYear, boolean validate, String feedback,
            Municipality municipality) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString("input.dir", Path.of(input).toAbsolutePath().normalize().toString())
                .addString("run.at", LocalDateTime.now().toString())
                .addString("dry.run", String.valueOf(validate))
                .addString(IngestionJobConfiguration.FEEDBACK_DIR, Path.of(feedback).toAbsolutePath().normalize().toString());
        if (municipality != null) {
            parameters.addString(IngestionJobConfiguration.MUNICIPALITY, municipality.label());
        }
        if (fiscalYear != null) {
            parameters.addLong(IngestionJobConfiguration.FISCAL_YEAR, (long) EraYearParser.parseFiscalYearOrThrow(fiscalYear));
        }
        return jobOperator.start(job, parameters.toJobParameters());
    }

    private static int feedbackFailures(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("writeFeedback"))
                .mapToInt(step -> step.getExecutionContext().getInt(IngestionJobConfiguration.FEEDBACK_FAILURES, 0)).sum();
    }

    /**
     * Resumes the last run where it stopped, over the input it was reading; {@code input}, when the
     * command names one, must be that input: a run resumed over another folder would mix two.
     */
    private JobExecution restartLastFailed(String input) throws Exception {
        JobInstance last = jobRepository.getLastJobInstance(IngestionJobConfiguration.JOB_NAME);
        JobExecution lastExecution = last == null ? null : jobRepository.getLastJobExecution(last);
        if (lastExecution == null) {
            out.println("There is no failed run to restart.");
            return null;
        }
        String readFrom = lastExecution.getJobParameters().getString("input.dir");
        if (input != null && !Path.of(input).toAbsolutePath().normalize().toString().equals(readFrom)) {
            out.println("Refused: run " + last.getInstanceId() + " was reading " + readFrom + ", not " + input
                    + "; --restart resumes it over the same folder. Nothing was changed: restart without --input, or "
                    + "run without --restart to start a new run over " + input + " from the published warehouse.");
            exitCode = 1;
            return null;
        }
        boolean loadingEnded = lastExecution.getStatus() == BatchStatus.COMPLETED || lastExecution.getStepExecutions().stream()
                .anyMatch(step -> step.getStepName().equals("loadSubmissions") && step.getStatus() == BatchStatus.COMPLETED);
        if (loadingEnded) {
            // the run had read the whole folder: its loading step is not run again, so it can only be
            // resumed over the folder it read (the reader's check by file covers a run stopped while loading)
            Map<String, String> read = new HashMap<>();
            jdbc.query("select source_file, source_sha256 from etl_file_loads where load_run_id = ?",
                    (RowCallbackHandler) row -> read.put(row.getString(1), row.getString(2)),
                    last.getInstanceId());
            List<String> changes = SubmissionFileReader.changesSince(Path.of(readFrom), read);
            if (!changes.isEmpty()) {
                out.println("Refused: run " + last.getInstanceId() + " had read every file of " + readFrom
                        + " before it stopped, and the folder has changed since (" + String.join(", ", changes.subList(0,
                                Math.min(5, changes.size()))) + (changes.size() > 5 ? ", and " + (changes.size() - 5) + " more" : "")
                        + "); a restart would publish the folder as it was. Nothing was changed: run without --restart "
                        + "to start a new run over the folder as it is now.");
                exitCode = 1;
                return null;
            }
        }
        if (lastExecution.getStatus() == BatchStatus.COMPLETED) {
            // the process ended after the run completed but before the warehouse was replaced
            out.println("Run " + last.getInstanceId() + " had completed; publishing it.");
            return lastExecution;
        }
        out.println("Restarting run " + last.getInstanceId() + " (" + lastExecution.getStatus() + ")");
        if (lastExecution.getStatus().isRunning()
                || lastExecution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning())) {
            // the process that ran it was killed, or the warehouse could not record a step's end (a full
            // disk): an execution or step that never ended is taken for one still running, so mark it failed first
            lastExecution = jobOperator.recover(lastExecution);
        }
        return jobOperator.restart(lastExecution);
    }

    private void report(JobExecution execution) {
        long runId = execution.getJobInstanceId();
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf("Annual ingestion run %d: %s in %.1f s (input: %s)%n", runId, execution.getStatus(),
                took.toMillis() / 1000.0, execution.getJobParameters().getString("input.dir"));
        List<Map<String, Object>> files = jdbc.queryForList(SqlFiles.query("run_files"), runId);
        for (Map<String, Object> file : files) {
            if (quiet && ("loaded".equals(file.get("outcome")) || "unchanged".equals(file.get("outcome")))) {
                continue;
            }
            out.printf("  %-16s %s: %s sheets loaded, %s rejected, %s facts%n", file.get("outcome"),
                    file.get("source_file"), file.get("sheets_loaded"), file.get("sheets_rejected"), file.get("facts_loaded"));
        }
        List<Map<String, Object>> messages = jdbc.queryForList(SqlFiles.query("run_messages"), runId);
        for (Map<String, Object> message : messages) {
            out.printf("  %-7s %s%s%s: %s%s%n", message.get("severity"), message.get("source_file"),
                    message.get("sheet_name") == null ? "" : " / sheet " + message.get("sheet_name"),
                    message.get("cell") == null ? "" : " / cell " + message.get("cell"), message.get("message"),
                    message.get("raw_text") == null ? "" : " (found \"" + message.get("raw_text") + "\")");
        }
        String feedback = execution.getJobParameters().getString(IngestionJobConfiguration.FEEDBACK_DIR);
        execution.getStepExecutions().stream().filter(step -> step.getStepName().equals("writeFeedback"))
                .forEach(step -> out.println("Feedback workbooks: " + step.getExecutionContext().getInt("feedback.workbooks", 0)
                        + " written to " + feedback));
        int unwritten = feedbackFailures(execution);
        if (unwritten > 0) {
            out.println("Feedback: " + unwritten + " workbooks could not be written to " + feedback + " (see above)."
                    + (execution.getStatus() == BatchStatus.COMPLETED && !"true".equals(execution.getJobParameters().getString("dry.run"))
                            ? " The warehouse was published; make the folder writable and run the same command with "
                                    + "--validate to write them." : ""));
        }
        if ("true".equals(execution.getJobParameters().getString("dry.run"))) {
            out.println("Validation only: the warehouse was not changed.");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Map<String, Object> run = jdbc.queryForMap("select * from etl_load_runs where load_run_id = ?", runId);
            out.printf("Files: %s seen, %s loaded, %s unchanged, %s rejected. Sheets: %s loaded, %s rejected. Facts: %s.%n",
                    run.get("files_seen"), run.get("files_loaded"), run.get("files_unchanged"), run.get("files_rejected"),
                    run.get("sheets_loaded"), run.get("sheets_rejected"), run.get("facts_loaded"));
        } else {
            execution.getAllFailureExceptions().forEach(e -> out.println("  failure: " + e));
            out.println("The run was not published; the warehouse still shows the previous run. Fix the cause and run "
                    + "again with --restart to resume it.");
        }
        // the line naming the warehouse and its URL follows once the run is published (EvalSheetWarehouseApplication)
    }

    /**
     * The JDBC URL a BI tool or analyst opens the warehouse with: read-only, and without external
     * access, so that a client can neither read other files of the machine ({@code read_csv('/etc/…')})
     * nor write any ({@code COPY … TO} the warehouse itself); the views need neither.
     */
    public static String readOnlyUrl(Path warehouse) {
        return "jdbc:duckdb:" + warehouse.toAbsolutePath().normalize() + ";duckdb.read_only=true;enable_external_access=false";
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
