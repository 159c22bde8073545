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
 * evaluation year), {@code --validate} (check the folder without changing the warehouse), {@code --help},
 * {@code --version}; any other option is refused before anything runs ({@link CommandLineOptions}).
 *
 * <p>The job loads into a working copy of the warehouse, which replaces the published file only
 * when the run has completed (see {@link WarehouseFile}).
 */
@SpringBootApplication
public class EvalSheetWarehouseApplication {

    /** Exit code of a run that failed and was not published. */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(runAndExplain(args));
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
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
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
        Path published = Path.of(option(args, "warehouse", "warehouse.duckdb"));
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
            if (restart && publishedRun(warehouse.published()) >= workingRun(warehouse.working())) {
                // killed after the copy was made but before its run began: the copy holds the published state
                System.out.println("Refused: there is no unfinished run of " + warehouse.published() + " to restart: the "
                        + "run that stopped had not begun loading, and the last completed run is already published. "
                        + "Nothing was changed; run the same command without --restart.");
                return FAILED;
            }
            String discarded = null;
            if (!restart) {
                discarded = unfinishedRun(warehouse.working());
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

    /**
     * The run a leftover working copy holds, described for the run log ({@code run 2 started
     * 2026-12-03T09:40 over /…/input (STARTED)}), or {@code null} when there is no copy or it began no
     * run. The copy is about to be discarded, so it is opened read-write: a killed run's write-ahead log
     * is replayed.
     */
    private static String unfinishedRun(Path working) {
        if (!java.nio.file.Files.exists(working)) {
            return null;
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + working);
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("select load_run_id, started_at, status, input_dir "
                        + "from etl_load_runs order by load_run_id desc limit 1")) {
            if (!result.next()) {
                return null;
            }
            // a completed run whose copy is still here was stopped before it replaced the published file
            String status = "completed".equals(result.getString(3)) ? "completed, not published" : result.getString(3);
            return "run " + result.getLong(1) + " started " + result.getTimestamp(2).toLocalDateTime().withNano(0)
                    + " over " + result.getString(4) + " (" + status + ")";
        } catch (java.sql.SQLException e) {
            return "run whose working copy could not be read (" + e.getMessage() + ")";
        }
    }

    /** The last completed run of the published warehouse, or 0 when there is none (or no file yet). */
    private static long publishedRun(Path file) {
        return lastRun(file, "status = 'completed'").orElse(0);
    }

    /**
     * The last run the working copy began, completed or not; when the copy cannot be read as it is (a
     * killed run leaves its write-ahead log, which a read-only connection does not replay), the job
     * judges it, as if it had begun one after the published run.
     */
    private static long workingRun(Path file) {
        return lastRun(file, "true").orElse(Long.MAX_VALUE);
    }

    private static java.util.OptionalLong lastRun(Path file, String condition) {
        if (!java.nio.file.Files.exists(file)) {
            return java.util.OptionalLong.of(0);
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file
                + ";duckdb.read_only=true"); java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("select coalesce(max(load_run_id), 0) from etl_load_runs "
                        + "where " + condition)) {
            result.next();
            return java.util.OptionalLong.of(result.getLong(1));
        } catch (java.sql.SQLException e) {
            return java.util.OptionalLong.empty();
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
