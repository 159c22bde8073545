package jp.evalsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import jp.evalsheet.EvalSheetWarehouseApplication;

/**
 * A real DuckDB warehouse file for a test: runs the real ingestion job (the whole Spring Boot
 * application, as the command line does) and reads the file back over plain JDBC, read-only.
 */
public record Warehouse(Path file) {

    /** The municipality of the sample submissions in input/, as the option a run names it with. */
    public static final String ASAKA = "--municipality=112275_朝霞市";

    /**
     * Runs the annual ingestion job over {@code input} into this warehouse (with more options); returns
     * the exit code. The files are 朝霞市's unless the options name another municipality.
     */
    public int ingest(Path input, String... options) {
        List<String> arguments = new ArrayList<>(List.of("--input=" + input, "--warehouse=" + file,
                "--feedback=" + feedbackDir()));
        if (java.util.Arrays.stream(options).noneMatch(option -> option.startsWith("--municipality"))) {
            arguments.add(ASAKA);
        }
        arguments.addAll(List.of(options));
        return EvalSheetWarehouseApplication.run(arguments.toArray(String[]::new));
    }

    /** Where this warehouse's runs write their feedback workbooks: beside the file, never in the project. */
    public Path feedbackDir() {
        return file.resolveSibling(file.getFileName() + ".feedback");
    }

    /** The rows of a query, each as column name to value, in the query's order. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** Each row of a query as one string of its values joined by {@code |}, for compact comparisons. */
    public List<String> lines(String sql, Object... parameters) {
        return query(sql, parameters).stream()
                .map(row -> String.join("|", row.values().stream().map(Warehouse::text).toList()))
                .toList();
    }

    public long count(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Every row of every analyst view, for before/after comparisons. */
    public Map<String, List<String>> snapshotOfViews() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (Map<String, Object> view : query("select table_name from information_schema.tables "
                + "where table_type = 'VIEW' and table_name like 'v\\_%' escape '\\' order by table_name")) {
            String name = (String) view.get("table_name");
            snapshot.put(name, lines("select * from " + name + " order by all"));
        }
        return snapshot;
    }

    static String text(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Copies a folder of submissions (recursively) into {@code target}. */
    public static Path copyFolder(Path source, Path target) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a statement against the warehouse read-write, for tests that tamper with it on purpose. */
    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
