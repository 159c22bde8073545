package jp.evalsheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The evaluation-sheet warehouse: runs the annual ingestion job over an input folder into an
 * embedded DuckDB file. Options: {@code --input=DIR} (default {@code input}),
 * {@code --warehouse=FILE} (default {@code warehouse.duckdb}), {@code --restart} (resume the last
 * failed run instead of starting a new one).
 */
@SpringBootApplication
public class EvalSheetWarehouseApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the application once and returns its exit code (0 ok, 2 some input rejected, 1 failed). */
    public static int run(String... args) {
        return SpringApplication.exit(SpringApplication.run(EvalSheetWarehouseApplication.class, args));
    }
}
