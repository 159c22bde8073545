package jp.evalsheet;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import jp.evalsheet.load.WarehouseFile;

/**
 * The evaluation-sheet warehouse: runs the annual ingestion job over an input folder into an
 * embedded DuckDB file. Options: {@code --input=DIR} (default {@code input}),
 * {@code --warehouse=FILE} (default {@code warehouse.duckdb}), {@code --restart} (resume the last
 * failed run instead of starting a new one), {@code --fiscal-year=R4} (reject sheets of another
 * evaluation year), {@code --validate} (check the folder without changing the warehouse), {@code --export=DIR}
 * (write the published warehouse as Parquet and CSV, {@link jp.evalsheet.export.WarehouseExport}, and run nothing
 * else), {@code --templates=DIR} (write the forms of the next round, {@link jp.evalsheet.template.TemplateCommand}),
 * {@code --help}, {@code --version}; any other option is refused before anything runs ({@link CommandLineOptions}).
 *
 * <p>The job loads into a working copy of the warehouse, which replaces the published file only
 * when the run has completed (see {@link WarehouseFile}).
 */
@SpringBootApplication
public class EvalSheetWarehouseApplication {

    /** Exit code of a run that failed and was not published. */
    public static final int FAILED = 1;

    /** What a run of this process has come to, for the line a signal's shutdown prints. */
    private enum Progress { RUNNING, PUBLISHED, ENDED }

    private static volatile Progress progress = Progress.RUNNING;

    public static void main(String[] args) {
        // Spring's own shutdown hook is off (spring.main.register-shutdown-hook=false): a signal stops the
        // run as a kill does, which the working copy survives, instead of closing the database under the
        // job and printing the failure of every statement still running. This hook says what happened.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (progress != Progress.ENDED) {
                new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                        java.nio.charset.StandardCharsets.UTF_8).println(stopped(args, progress == Progress.PUBLISHED));
            }
        }, "stopped-by-signal"));
        int exitCode = runAndExplain(args);
        progress = Progress.ENDED;
        System.exit(exitCode);
    }

    /** The last line of a run stopped by a signal (SIGTERM, Ctrl-C): what was published, and what to do. */
    static String stopped(String[] args, boolean published) {
        Path warehouse = Path.of(option(args, "warehouse", "warehouse.duckdb")).toAbsolutePath();
        return published
                ? "STOPPED by a signal after the run was published to " + warehouse + "; only the printing of its "
                        + "summary was cut short."
                : "STOPPED by a signal before the run was published: " + warehouse + " still shows its last completed "
                        + "run. Run the same command with --restart to resume (the files committed so far are kept), or "
                        + "without --restart to start again.";
    }

    /**
     * {@link #run} for an operator: a failure outside the job (the warehouse file cannot be locked,
     * copied or renamed, the disk is full) ends in one plain line saying what happened, that nothing
     * was published, and what to do next, instead of a stack trace alone.
     */
    public static int runAndExplain(String... args) {
        try {
            return run(args);
        } catch (RuntimeException e) {
            // the first failure names the cause; those after it (a full disk) only say the job could not record it
            Throwable cause = jp.evalsheet.job.FirstFailure.rootCause(jp.evalsheet.job.FirstFailure.get().orElse(e));
            java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            out.println("FAILED: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                    + ". Nothing was published: " + Path.of(option(args, "warehouse", "warehouse.duckdb")).toAbsolutePath()
                    + " still shows its last completed run. Fix the cause and run the same command again"
                    + " (--restart resumes a run that stopped while loading).");
            return FAILED;
        }
    }

    /** Runs the application once and returns its exit code (0 ok, 2 some input rejected, 1 failed). */
    public static int run(String... args) {
        java.io.PrintStream out = new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        if (CommandLineOptions.asksForHelp(args)) {
            out.print(CommandLineOptions.USAGE);
            return 0;
        }
        if (CommandLineOptions.asksForVersion(args)) {
            out.println(CommandLineOptions.version());
            return 0;
        }
        java.util.Optional<String> problem = CommandLineOptions.problem(args);
        if (problem.isPresent()) {
            out.println("Refused: " + problem.get() + ". Nothing was run and nothing was changed.");
            out.println();
            out.print(CommandLineOptions.USAGE);
            return FAILED;
        }
        useTheJdkXmlFactories();
        jp.evalsheet.job.FirstFailure.clear();
        Path published = Path.of(option(args, "warehouse", "warehouse.duckdb"));
        String exportTo = option(args, "export", null);
        if (exportTo != null) {
            return new jp.evalsheet.export.WarehouseExport(published, Path.of(exportTo), out,
                    Arrays.asList(args).contains("--quiet")).run();
        }
        String templatesTo = option(args, "templates", null);
        if (templatesTo != null) {
            return new jp.evalsheet.template.TemplateCommand(published, Path.of(templatesTo), out)
                    .run(option(args, "municipality", null), option(args, "prefill-from", null), option(args, "fiscal-year", null));
        }
        if (Arrays.asList(args).contains("--validate")) {
            return validate(published, args);
        }
        WarehouseFile warehouse = new WarehouseFile(published);
        boolean restart = Arrays.asList(args).contains("--restart");
        try (FileLock lock = warehouse.lock()) {
            if (restart && !warehouse.hasWorkingCopy()) {
                System.out.println("There is no unfinished run of " + warehouse.published() + " to restart.");
                return 0;
            }
            if (restart && lastRun(warehouse.published(), true, true).map(LastRun::id).orElse(0L)
                    >= lastRun(warehouse.working(), false, false).map(LastRun::id).orElse(0L)) {
                // killed after the copy was made but before its run began: the copy holds the published state
                System.out.println("Refused: there is no unfinished run of " + warehouse.published() + " to restart: the "
                        + "run that stopped had not begun loading, and the last completed run is already published. "
                        + "Nothing was changed; run the same command without --restart.");
                return FAILED;
            }
            String discarded = null;
            if (!restart) {
                discarded = lastRun(warehouse.working(), false, false).map(LastRun::describe).orElse(null);
                if (discarded != null) {
                    System.out.println("Discarding the unfinished " + discarded + "; starting again from the published warehouse.");
                }
                warehouse.startWorkingCopy();
            }
            int exitCode = runJob(warehouse, discarded == null ? args
                    : java.util.stream.Stream.concat(Arrays.stream(args), java.util.stream.Stream.of("--evalsheet.replaced-run=" + discarded))
                            .toArray(String[]::new));
            if (exitCode != FAILED) {
                jp.evalsheet.job.PausePoint.reach("swapping");
                warehouse.publishWorkingCopy();
                if (progress == Progress.RUNNING) {
                    progress = Progress.PUBLISHED;
                }
                out.println("Published: " + warehouse.published().toAbsolutePath().normalize() + "  (read-only JDBC URL: "
                        + jp.evalsheet.job.IngestionCommand.readOnlyUrl(warehouse.published()) + ")");
                exitCode = jp.evalsheet.report.AnnualReportCommand.afterPublishing(warehouse.published(), args, exitCode);
            }
            return exitCode;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Checks a folder as a run would, against a scratch copy of the published warehouse (so that
     * unchanged files and replaced sheets are judged as they would be), prints the findings and
     * writes the feedback workbooks, and throws the copy away: the warehouse is not touched.
     */
    private static int validate(Path published, String[] args) {
        Path scratch = null;
        try {
            scratch = java.nio.file.Files.createTempDirectory("evalsheet-validate-");
            WarehouseFile warehouse = new WarehouseFile(published, scratch);
            warehouse.startWorkingCopy();
            return runJob(warehouse, args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                org.springframework.util.FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    private static int runJob(WarehouseFile warehouse, String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.stream(args).filter(a -> !a.startsWith("--warehouse=")).toList());
        arguments.add("--warehouse=" + warehouse.published());
        arguments.add("--spring.datasource.url=jdbc:duckdb:" + warehouse.working());
        return SpringApplication.exit(SpringApplication.run(EvalSheetWarehouseApplication.class,
                arguments.toArray(String[]::new)));
    }

    /**
     * POI's user model and XMLBeans ask JAXP for a new parser or transformer factory for each workbook
     * part they read or write; without a system property naming the implementation, every such call
     * scans the class path for a service file (a few per cent of a run in a JFR profile, more inside
     * the packaged jar). The job's own readers and the zip-level feedback writer make their parsers
     * once per thread; the user model still writes the feedback for .xls submissions and for every
     * package the zip-level writer declines. No other XML implementation is on the class path, so
     * the JDK's own are the ones the scan would find.
     */
    static void useTheJdkXmlFactories() {
        setIfAbsent(SAXParserFactory.class, SAXParserFactory.newDefaultInstance());
        setIfAbsent(DocumentBuilderFactory.class, DocumentBuilderFactory.newDefaultInstance());
        setIfAbsent(TransformerFactory.class, TransformerFactory.newDefaultInstance());
        setIfAbsent(XMLInputFactory.class, XMLInputFactory.newDefaultFactory());
        setIfAbsent(XMLOutputFactory.class, XMLOutputFactory.newDefaultFactory());
        setIfAbsent(XMLEventFactory.class, XMLEventFactory.newDefaultFactory());
    }

    private static void setIfAbsent(Class<?> factory, Object implementation) {
        if (System.getProperty(factory.getName()) == null) {
            System.setProperty(factory.getName(), implementation.getClass().getName());
        }
    }

    /** The last row of a warehouse's run log: what a restart or a new run is told of a file. */
    private record LastRun(long id, String startedAt, String status, String inputDir) {

        /** For the run log of the run that discards it: {@code run 2 started 2026-12-03T09:40 over /…/input (running)}. */
        String describe() {
            // a completed run whose copy is still here was stopped before it replaced the published file
            return "run " + id + " started " + startedAt + " over " + inputDir + " ("
                    + ("completed".equals(status) ? "completed, not published" : status) + ")";
        }
    }

    /**
     * The last run of the file's run log ({@code completedOnly}: the last completed one), or empty when
     * there is no file or no such run. The published file is opened read-only (readers may hold it);
     * a working copy read-write, so that a killed run's write-ahead log is replayed, as the job would.
     */
    private static java.util.Optional<LastRun> lastRun(Path file, boolean readOnly, boolean completedOnly) {
        if (!java.nio.file.Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file
                + (readOnly ? ";duckdb.read_only=true" : "")); java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("select load_run_id, started_at, status, input_dir "
                        + "from etl_load_runs " + (completedOnly ? "where status = 'completed' " : "")
                        + "order by load_run_id desc limit 1")) {
            return result.next() ? java.util.Optional.of(new LastRun(result.getLong(1),
                    result.getTimestamp(2).toLocalDateTime().withNano(0).toString(), result.getString(3), result.getString(4)))
                    : java.util.Optional.empty();
        } catch (java.sql.SQLException e) {
            return java.util.Optional.empty(); // no run log yet: a new file, or a copy made before Flyway ran
        }
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        String value = fallback;
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                value = arg.substring(prefix.length());
            }
        }
        return value;
    }
}
