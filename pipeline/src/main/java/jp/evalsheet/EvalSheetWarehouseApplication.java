package jp.evalsheet;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import jp.evalsheet.load.WarehouseFile;

/**
 * The evaluation-sheet warehouse: runs the annual ingestion job over an input folder into an
 * embedded DuckDB file. Options: {@code --input=DIR} (default {@code input}),
 * {@code --warehouse=FILE} (default {@code warehouse.duckdb}), {@code --restart} (resume the last
 * failed run instead of starting a new one).
 *
 * <p>The job loads into a working copy of the warehouse, which replaces the published file only
 * when the run has completed (see {@link WarehouseFile}).
 */
@SpringBootApplication
public class EvalSheetWarehouseApplication {

    /** Exit code of a run that failed and was not published. */
    public static final int FAILED = 1;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the application once and returns its exit code (0 ok, 2 some input rejected, 1 failed). */
    public static int run(String... args) {
        WarehouseFile warehouse = new WarehouseFile(Path.of(option(args, "warehouse", "warehouse.duckdb")));
        boolean restart = Arrays.asList(args).contains("--restart");
        try (FileLock lock = warehouse.lock()) {
            if (!restart || !warehouse.hasWorkingCopy()) {
                warehouse.startWorkingCopy();
            }
            List<String> arguments = new ArrayList<>(Arrays.stream(args).filter(a -> !a.startsWith("--warehouse=")).toList());
            arguments.add("--warehouse=" + warehouse.published());
            arguments.add("--spring.datasource.url=jdbc:duckdb:" + warehouse.working());
            int exitCode = SpringApplication.exit(SpringApplication.run(EvalSheetWarehouseApplication.class,
                    arguments.toArray(String[]::new)));
            if (exitCode != FAILED) {
                warehouse.publishWorkingCopy();
            }
            return exitCode;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
