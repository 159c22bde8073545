package jp.evalsheet.job;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;

import jp.evalsheet.feedback.FeedbackReport;
import jp.evalsheet.load.DataTests;
import jp.evalsheet.load.RunPublisher;
import jp.evalsheet.load.SqlFiles;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.submission.Submission;
import jp.evalsheet.submission.SubmissionReader;

/**
 * The annual ingestion job: every submitted file of an input folder into the warehouse.
 * Job parameters: {@code input.dir} (the folder) and {@code run.at} (makes each run a new instance).
 */
@Configuration
public class IngestionJobConfiguration {

    public static final String JOB_NAME = "annualIngestionJob";

    /** Optional job parameter: the evaluation fiscal year the run loads; sheets of other years are rejected. */
    public static final String FISCAL_YEAR = "evaluation.fiscal.year";

    /** The step context entry of writeFeedback counting the workbooks that could not be written. */
    public static final String FEEDBACK_FAILURES = "feedback.failures";

    /** Job parameter: the folder the feedback workbooks are written to. */
    public static final String FEEDBACK_DIR = "feedback.dir";

    /** The job parameter naming the municipality of files outside a municipality's folder. */
    public static final String MUNICIPALITY = "municipality";

    @Bean
    public Job annualIngestionJob(JobRepository jobRepository, Step openRunStep, Step loadSubmissionsStep,
            Step publishRunStep, Step writeFeedbackStep, RunPublisher runPublisher) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        FirstFailure.record(execution);
                        if (execution.getStatus().isUnsuccessful()) {
                            runPublisher.markFailed(execution.getJobInstanceId(), LocalDateTime.now());
                        }
                    }
                })
                .start(openRunStep)
                .next(loadSubmissionsStep)
                .next(publishRunStep)
                .next(writeFeedbackStep)
                .build();
    }

    // step 1: record the run in etl_load_runs (or its restart)
    @Bean
    public Step openRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RunPublisher runPublisher, @Value("${evalsheet.replaced-run:}") String replacedRun) {
        return new StepBuilder("openRun", jobRepository)
                .tasklet((contribution, context) -> {
                    var jobExecution = context.getStepContext().getStepExecution().getJobExecution();
                    String written = jobExecution.getJobParameters().getString(MUNICIPALITY);
                    Municipality municipality = written == null ? null : Municipality.require(written);
                    runPublisher.open(jobExecution.getJobInstanceId(), JOB_NAME,
                            jobExecution.getJobParameters().getString("input.dir"),
                            "true".equals(jobExecution.getJobParameters().getString("dry.run")), LocalDateTime.now(),
                            municipality);
                    if (!replacedRun.isEmpty()) {
                        runPublisher.recordReplacedRun(jobExecution.getJobInstanceId(), replacedRun);
                    }
                    PausePoint.reach("opening");
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(FirstFailure.STEP_LISTENER)
                .allowStartIfComplete(true)
                .build();
    }

    // step 2: read, check and write every file as pending sheet loads, a chunk of files per transaction
    @Bean
    public Step loadSubmissionsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SubmissionFileReader submissionFileReader, SubmissionItemWriter submissionItemWriter,
            @Value("${evalsheet.chunk-size:128}") int chunkSize, org.springframework.core.env.Environment environment) {
        // progress lines on standard error, unless --quiet
        ChunkListener<Submission, Submission> progress = environment.containsProperty("quiet") ? new ChunkListener<>() { }
                : new ProgressReport(submissionFileReader::fileCount, submissionItemWriter::factsWritten, System.err);
        return new StepBuilder("loadSubmissions", jobRepository)
                // a transaction (and a job repository update) per chunk of files, written in file
                // order; a restart resumes after the last committed chunk
                .<Submission, Submission>chunk(chunkSize)
                .reader(submissionFileReader)
                .writer(submissionItemWriter)
                .transactionManager(transactionManager)
                .listener(FirstFailure.STEP_LISTENER)
                .listener(progress)
                .build();
    }

    /**
     * The files, read and checked ahead of the writing, one per core, up to two chunks ahead. A file
     * already loaded in full (its municipality and SHA-256 among those read once when the step
     * starts, about a hundred bytes per file ever loaded) is not read again.
     */
    @Bean
    @StepScope
    public SubmissionFileReader submissionFileReader(@Value("#{jobParameters['input.dir']}") String inputDir,
            @Value("#{jobParameters['" + MUNICIPALITY + "']}") String municipality,
            @Value("#{jobParameters['" + FISCAL_YEAR + "']}") Long fiscalYear,
            @Value("${evalsheet.chunk-size:128}") int chunkSize, JdbcTemplate jdbcTemplate,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") Long runId) {
        SubmissionReader reader = new SubmissionReader(fiscalYear == null ? null : fiscalYear.intValue());
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        jdbcTemplate.query(SqlFiles.query("published_file_hashes"),
                (RowCallbackHandler) row -> loaded.add(row.getString(1) + ":" + row.getString(2)));
        return new SubmissionFileReader(Path.of(inputDir),
                municipality == null ? null : Municipality.require(municipality),
                file -> reader.read(file, sha256 -> loaded.contains(file.municipalityCode() + ":" + sha256)),
                Runtime.getRuntime().availableProcessors(), 2 * chunkSize, () -> {
                    // the files this run wrote before it stopped: a restart resumes by file
                    java.util.Map<String, String> written = new java.util.HashMap<>();
                    jdbcTemplate.query("select source_file, source_sha256 from etl_file_loads where load_run_id = ?",
                            (RowCallbackHandler) row -> written.put(row.getString(1), row.getString(2)), runId);
                    return written;
                });
    }

    @Bean
    public SubmissionItemWriter submissionItemWriter(DataSource dataSource) {
        return new SubmissionItemWriter(dataSource);
    }

    // step 3: publish the run's sheets, rebuild the dimensions and run the data tests, in one transaction
    @Bean
    public Step publishRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RunPublisher runPublisher, org.springframework.core.env.Environment environment) {
        return new StepBuilder("publishRun", jobRepository)
                .tasklet((contribution, context) -> {
                    if (!environment.containsProperty("quiet")) {
                        System.err.println("publishing: the run's sheets replace their published versions, the dimensions "
                                + "are rebuilt and the data tests run");
                    }
                    long loadRunId = context.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
                    runPublisher.publish(loadRunId, LocalDateTime.now(), () -> PausePoint.reach("publishing"));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(FirstFailure.STEP_LISTENER)
                .build();
    }

    // step 4: a feedback workbook per submission read, for the planning office to send back
    @Bean
    public Step writeFeedbackStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbcTemplate, @Value("${evalsheet.feedback.author:}") String feedbackAuthor,
            org.springframework.core.env.Environment environment) {
        return new StepBuilder("writeFeedback", jobRepository)
                .tasklet((contribution, context) -> {
                    PausePoint.reach("feedback");
                    var jobExecution = context.getStepContext().getStepExecution().getJobExecution();
                    String output = jobExecution.getJobParameters().getString(FEEDBACK_DIR);
                    if (output != null) {
                        var written = new FeedbackReport(jdbcTemplate, feedbackAuthor).write(jobExecution.getJobInstanceId(),
                                Path.of(jobExecution.getJobParameters().getString("input.dir")), Path.of(output),
                                environment.containsProperty("quiet") ? (done, total) -> { }
                                        : new ProgressReport.FeedbackProgress(System.err));
                        context.getStepContext().getStepExecution().getExecutionContext()
                                .putInt("feedback.workbooks", written.workbooks().size());
                        context.getStepContext().getStepExecution().getExecutionContext()
                                .putInt(FEEDBACK_FAILURES, written.failures().size());
                        written.failures().forEach(failure -> System.out.println("  feedback not written: " + failure));
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener(FirstFailure.STEP_LISTENER)
                .build();
    }

    @Bean
    public RunPublisher runPublisher(JdbcTemplate jdbcTemplate) {
        return new RunPublisher(jdbcTemplate, DataTests.fromClasspath());
    }
}
