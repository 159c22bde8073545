package jp.evalsheet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.evalsheet.job.PausePoint;
import jp.evalsheet.load.SqlFiles;

/**
 * {@code --export=DIR}: writes the published warehouse's analyst views ({@code v_*}), facts
 * ({@code fct_*}) and dimensions ({@code dim_*}) as Parquet, Hive-partitioned by municipality and
 * fiscal year ({@link ExportDataset#partitionColumns()}), for engines that do not read DuckDB files
 * (Spark, Trino, Athena, BigQuery), and as CSV for Excel (UTF-8 with a byte-order mark, a header
 * row, text columns quoted), with a {@code _manifest.json} written last ({@link ExportManifest}).
 *
 * <p>The warehouse is read over one read-only connection, so the export is one run's state even
 * while the next run builds, and it is written beside the folder and renamed into place when
 * complete ({@link ExportFolder}): a reader sees the previous export or the new one, never half of
 * one. The folder layout: {@code <dataset>/municipality_code=112275/fiscal_year=2022/data_0.parquet},
 * {@code csv/<dataset>.csv}, {@code _manifest.json}.
 *
 * <p>The crash tests stop an export at {@code exporting:<n>}, after its n-th dataset is written
 * ({@link PausePoint}).
 */
public final class WarehouseExport {

    /** Exit code of an export that failed or was refused: nothing was exported. */
    public static final int FAILED = 1;

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CSV_FOLDER = "csv";
    /** The folder of a null partition value, as DuckDB, Spark and Hive name it. */
    private static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private final Path warehouse;
    private final ExportFolder folder;
    private final PrintStream out;
    /** {@code --quiet}: the summary line alone, no line per dataset. */
    private final boolean quiet;

    public WarehouseExport(Path warehouse, Path target, PrintStream out, boolean quiet) {
        this.warehouse = warehouse.toAbsolutePath().normalize();
        this.folder = new ExportFolder(target);
        this.out = out;
        this.quiet = quiet;
    }

    /** Exports the published warehouse; returns 0, or {@link #FAILED} after one line saying what happened. */
    public int run() {
        long started = System.nanoTime();
        if (!Files.isRegularFile(warehouse)) {
            return failed("there is no warehouse " + warehouse + " to export; run the ingestion first, or name the "
                    + "warehouse with --warehouse=FILE. Nothing was exported");
        }
        Optional<String> refusal = folder.refusal();
        if (refusal.isPresent()) {
            return failed(refusal.get() + ". Nothing was exported");
        }
        String previous = folder.target() + (Files.exists(folder.target().resolve(ExportFolder.MANIFEST))
                ? " still holds the previous export" : Files.isDirectory(folder.target()) ? " is still empty" : " was not created");
        try {
            folder.start();
            ExportManifest manifest = write();
            Files.writeString(folder.writing().resolve(ExportFolder.MANIFEST), manifest.toJson(), StandardCharsets.UTF_8);
            folder.publish();
            summarize(manifest, started);
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                folder.abandon();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            return failed(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ". Nothing was exported: "
                    + previous + ". Fix the cause and run the same command again");
        }
    }

    private ExportManifest write() throws SQLException, IOException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false); // one transaction: every dataset of the same state
            PublishedRun run = publishedRun(statement);
            Files.createDirectories(folder.writing().resolve(CSV_FOLDER));
            List<ExportManifest.Written> written = new ArrayList<>();
            for (ExportDataset dataset : datasets(statement)) {
                written.add(write(statement, dataset));
                ExportManifest.Written last = written.get(written.size() - 1);
                if (!quiet) {
                    out.printf("  %-32s %,9d rows  %s%n", dataset.name(), last.rows(), dataset.partitionColumns().isEmpty()
                            ? "one file" : "by " + String.join(", ", dataset.partitionColumns()) + " (" + last.files()
                                    + (last.files() == 1 ? " file)" : " files)"));
                }
                PausePoint.reach("exporting:" + written.size());
            }
            connection.commit();
            String now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
            return new ExportManifest(run.id(), run.finishedAt(), now, warehouse.toString(), written);
        }
    }

    /** The run a published warehouse shows: the last completed one of its run log. */
    private record PublishedRun(long id, String finishedAt) {
    }

    private PublishedRun publishedRun(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("select load_run_id, strftime(finished_at, '%Y-%m-%dT%H:%M:%S') "
                + "from etl_load_runs where status = 'completed' order by load_run_id desc limit 1")) {
            if (!result.next()) {
                throw new IllegalStateException(warehouse + " holds no completed run");
            }
            return new PublishedRun(result.getLong(1), result.getString(2));
        }
    }

    /** Every analyst view, fact and dimension, in name order, with its columns. */
    private static List<ExportDataset> datasets(Statement statement) throws SQLException {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        try (ResultSet result = statement.executeQuery(SqlFiles.query("export_datasets"))) {
            while (result.next()) {
                String name = result.getString(1);
                kinds.put(name, result.getString(2).equals("VIEW") ? "view" : "table");
                columns.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(result.getString(3), result.getString(4));
            }
        }
        return kinds.entrySet().stream().map(k -> new ExportDataset(k.getKey(), k.getValue(), columns.get(k.getKey())))
                .toList();
    }

    /** One dataset as Parquet and as CSV. */
    private ExportManifest.Written write(Statement statement, ExportDataset dataset) throws SQLException, IOException {
        Path parquet = folder.writing().resolve(dataset.name());
        long rows;
        if (dataset.partitionColumns().isEmpty()) {
            Files.createDirectories(parquet);
            rows = copy(statement, "select * from " + identifier(dataset.name()), parquet.resolve("data_0.parquet"),
                    "format parquet");
        } else {
            rows = copy(statement, "select * from " + identifier(dataset.name()), parquet, "format parquet, partition_by ("
                    + dataset.partitionColumns().stream().map(WarehouseExport::identifier).collect(Collectors.joining(", "))
                    + ")");
            if (rows == 0) {
                // no rows, no partition: one empty file in the null partitions, so that every engine finds the schema
                Path empty = parquet;
                for (String column : dataset.partitionColumns()) {
                    empty = empty.resolve(column + "=" + NULL_PARTITION);
                }
                Files.createDirectories(empty);
                copy(statement, "select " + dataset.fileColumns().stream().map(WarehouseExport::identifier)
                        .collect(Collectors.joining(", ")) + " from " + identifier(dataset.name()) + " limit 0",
                        empty.resolve("data_0.parquet"), "format parquet");
            }
        }
        String csv = CSV_FOLDER + "/" + dataset.name() + ".csv";
        writeCsv(statement, dataset, folder.writing().resolve(csv));
        return new ExportManifest.Written(dataset, dataset.name(), csv, rows, countFiles(parquet));
    }

    /**
     * The CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the Japanese as Shift_JIS),
     * a header row, the rows in order of all columns, and the text columns quoted, so that a code such
     * as {@code 012017} is text in a reader that honours quotes. DuckDB writes no byte-order mark: the
     * file is written beside and copied behind one.
     */
    private static void writeCsv(Statement statement, ExportDataset dataset, Path csv) throws SQLException, IOException {
        Path bare = csv.resolveSibling("." + csv.getFileName() + ".part");
        List<String> text = dataset.textColumns();
        copy(statement, "select * from " + identifier(dataset.name()) + " order by all", bare, "format csv, header"
                + (text.isEmpty() ? "" : ", force_quote (" + text.stream().map(WarehouseExport::identifier)
                        .collect(Collectors.joining(", ")) + ")"));
        try (OutputStream file = Files.newOutputStream(csv)) {
            file.write(BYTE_ORDER_MARK);
            Files.copy(bare, file);
        }
        Files.delete(bare);
    }

    /** {@code COPY (query) TO 'path' (options)}; the rows written. */
    private static long copy(Statement statement, String query, Path to, String options) throws SQLException {
        if (!statement.execute("copy (" + query + ") to '" + to.toString().replace("'", "''") + "' (" + options + ")")) {
            return statement.getLargeUpdateCount();
        }
        try (ResultSet result = statement.getResultSet()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private static long countFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private void summarize(ExportManifest manifest, long started) throws IOException {
        long rows = manifest.datasets().stream().mapToLong(ExportManifest.Written::rows).sum();
        long files = manifest.datasets().stream().mapToLong(ExportManifest.Written::files).sum();
        out.printf("Exported run %d of %s to %s: %d views and tables, %,d rows; Parquet %s in %,d files, CSV %s, "
                + "in %.1f s.%n", manifest.runId(), warehouse, folder.target(), manifest.datasets().size(), rows,
                megabytes(size(folder.target(), "parquet")), files, megabytes(size(folder.target().resolve(CSV_FOLDER), "csv")),
                (System.nanoTime() - started) / 1e9);
    }

    private static long size(Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("." + extension)).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private int failed(String what) {
        out.println("FAILED: " + what + (what.endsWith(".") ? "" : "."));
        return FAILED;
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
