package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.load.WarehouseFile;
import jp.evalsheet.support.Warehouse;

/**
 * The published warehouse opens in the DuckDB clients of the 1.x line that BI drivers and notebooks
 * pin: a run writes it in {@link WarehouseFile#STORAGE_VERSION}, and DuckDB JDBC 1.4.4 (the oldest
 * client of that format) and 1.5.6 (the newest of the line), each alone in a process of its own, read
 * every analyst view row for row as the job's own DuckDB 2.0 reads it (a negative zero, which
 * DuckDB 2.0 prints {@code -0.0} and 1.x {@code 0.0}, compared as the number it is). A warehouse a previous version
 * wrote in DuckDB 2.0's own format is converted by its next run.
 */
class StorageCompatibilityIntegrationTests {

    @TempDir
    static Path shared;

    static Warehouse published;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        published = new Warehouse(shared.resolve("warehouse.duckdb"));
        assertThat(published.ingest(Path.of("input"))).isZero();
    }

    @Test
    void shouldWriteThePublishedWarehouseInTheStorageFormatOfDuckDb14() throws Exception {
        assertThat(WarehouseFile.storageVersion(published.file())).isEqualTo("v1.4.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4.4.0", "1.5.6.0"})
    void shouldReadEveryViewWithADuckDbClientOfThe1xLine(String version) throws Exception {
        // given the views as the job's own driver reads them
        List<String> queries = new ArrayList<>();
        for (String view : published.lines("select table_name from information_schema.tables where table_type = 'VIEW' "
                + "and table_name like 'v\\_%' escape '\\' order by 1")) {
            queries.add("select * from " + view + " order by all");
        }
        assertThat(queries).hasSizeGreaterThan(10);
        List<String> expected = client(duckDb2(), queries);

        // when a 1.x client reads them
        List<String> read = client(Path.of("pipeline", "target", "duckdb-clients", "duckdb_jdbc-" + version + ".jar"), queries);

        // then row for row the same
        assertThat(read.get(0)).isEqualTo("version v" + version.substring(0, version.lastIndexOf('.')));
        assertThat(withoutNegativeZeros(read.subList(1, read.size())))
                .isEqualTo(withoutNegativeZeros(expected.subList(1, expected.size())));
        assertThat(read).hasSizeGreaterThan(queries.size() * 2);
    }

    @Test
    void shouldConvertAWarehouseWrittenInDuckDb20sOwnFormatOnItsNextRun() throws Exception {
        // given a warehouse as the job wrote it before it chose a storage format
        Warehouse old = new Warehouse(temp.resolve("old.duckdb"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("attach '" + published.file() + "' as source (read_only)");
            statement.execute("attach '" + old.file() + "' as target (storage_version 'latest')");
            statement.execute("copy from database source to target");
        }
        assertThat(WarehouseFile.storageVersion(old.file())).isEqualTo("v2.0.0");
        List<String> facts = facts(old);

        // when the next run reads the same folder
        assertThat(old.ingest(Path.of("input"))).isZero();

        // then the warehouse is in the 1.x format, its first run kept, nothing else changed
        assertThat(WarehouseFile.storageVersion(old.file())).isEqualTo(WarehouseFile.STORAGE_VERSION);
        assertThat(old.lines("select load_run_id, status, files_loaded, files_unchanged from etl_load_runs order by 1"))
                .containsExactly("1|completed|16|0", "2|completed|0|16");
        assertThat(facts(old)).isEqualTo(facts);
        assertThat(Path.of(old.file() + ".converting")).doesNotExist();
    }

    /** Runs {@code clients/DuckDbClient.java} with the one driver {@code jar} over the published warehouse, read-only. */
    private static List<String> client(Path jar, List<String> queries) throws Exception {
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", jar.toString(),
                Path.of("pipeline/src/test/resources/clients/DuckDbClient.java").toString(),
                "jdbc:duckdb:" + published.file() + ";duckdb.read_only=true"));
        command.addAll(queries);
        Path out = Files.createTempFile("duckdb-client-", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static List<String> withoutNegativeZeros(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("(^|\\|)-0\\.0(?=\\||$)", "$10.0")).toList();
    }

    /** The job's own DuckDB driver, from the test's class path. */
    private static Path duckDb2() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("duckdb_jdbc")).map(Path::of).findFirst().orElseThrow();
    }

    private static List<String> facts(Warehouse warehouse) {
        List<String> rows = new ArrayList<>();
        for (String table : warehouse.lines("select table_name from information_schema.tables where table_name like 'fct\\_%' "
                + "escape '\\' order by 1")) {
            rows.add(table);
            rows.addAll(warehouse.lines("select * from " + table + " order by all"));
        }
        return rows;
    }
}
