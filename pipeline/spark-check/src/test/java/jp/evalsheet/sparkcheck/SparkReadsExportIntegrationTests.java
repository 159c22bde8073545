package jp.evalsheet.sparkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Apache Spark, in local mode, reads the export that the packaged job writes ({@code java -jar
 * evalsheet-warehouse.jar --export=DIR}) of a warehouse it built over {@code input/} for two
 * municipalities, 朝霞市 (112275) and 函館市 (012025, whose code starts with 0), and reproduces with
 * Spark SQL, from the exported facts and dimensions alone, the roll-ups the DuckDB views print: every
 * status share of {@code v_status_summary} (KPI A 9 = 33.3, B 11 = 40.8, C 7 = 25.9 of 27) and every
 * cost trend of {@code v_policy_cost_trend}. Spark types each dataset by the schema the manifest gives
 * (partition folders included), so that {@code municipality_code=012025} stays text.
 */
class SparkReadsExportIntegrationTests {

    private static final List<String> MUNICIPALITIES = List.of("112275_朝霞市", "012025_函館市");

    private static Path work;
    private static Path warehouse;
    private static JsonNode manifest;
    private static SparkSession spark;

    @BeforeAll
    static void exportAWarehouseAndReadItWithSpark() throws Exception {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("evalsheet.work.dir")));
        work = Files.createTempDirectory(tmp, "spark-check-");
        Path submissions = work.resolve("submissions");
        for (String municipality : MUNICIPALITIES) {
            copyFolder(Path.of(System.getProperty("evalsheet.input.dir")), submissions.resolve(municipality));
        }
        warehouse = work.resolve("warehouse.duckdb");
        Path export = work.resolve("export");
        assertThat(job("ingestion", "--input=" + submissions, "--warehouse=" + warehouse, "--feedback=" + work.resolve("feedback")))
                .isZero();
        assertThat(job("export", "--warehouse=" + warehouse, "--export=" + export)).isZero();
        manifest = new ObjectMapper().readTree(export.resolve("_manifest.json").toFile());

        spark = SparkSession.builder().master("local[2]").appName("evalsheet-spark-check")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "Asia/Tokyo")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.debug.maxToStringFields", "200")
                .config("spark.sql.warehouse.dir", work.resolve("spark-warehouse").toString())
                .getOrCreate();
        for (Map.Entry<String, JsonNode> dataset : manifest.get("datasets").properties()) {
            Path folder = export.resolve(dataset.getValue().get("path").asText());
            spark.read().schema(schema(dataset.getValue().get("schema"))).option("basePath", folder.toString())
                    .parquet(folder.toString()).createOrReplaceTempView(dataset.getKey());
        }
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void shouldReadTheKpiSharesAsTheCityPrintsThem() {
        assertThat(spark("""
                select municipality_code, status, status_count, total_count, share_percent from v_status_summary
                where category = 'KPI' order by municipality_code, status
                """)).containsExactly(
                        "012025|A|9|27|33.3", "012025|B|11|27|40.8", "012025|C|7|27|25.9",
                        "112275|A|9|27|33.3", "112275|B|11|27|40.8", "112275|C|7|27|25.9");
    }

    @Test
    void shouldReproduceEveryStatusShareWithSparkSqlFromTheFacts() throws Exception {
        // when Spark computes the shares from the exported facts and dimensions
        List<String> bySpark = sorted(spark(rollup("status_summary.sql")));

        // then they are the DuckDB view's, every row and column, the KPI shares among them
        assertThat(bySpark).isEqualTo(sorted(duckdb("select * from v_status_summary")));
        assertThat(bySpark).hasSize(2 * 26)
                .contains("012025|函館市|regional_strategy_2|第２期まち・ひと・しごと創生総合戦略|KPI|2024|B|策定当初より良くなっている|11|27|40.8|2");
    }

    @Test
    void shouldReproduceThePolicyCostTrendsWithSparkSqlFromTheFacts() throws Exception {
        List<String> bySpark = sorted(spark(rollup("policy_cost_trend.sql")));

        assertThat(bySpark).isEqualTo(sorted(duckdb("select * from v_policy_cost_trend")));
        assertThat(bySpark).hasSize(2 * 42).filteredOn(row -> row.startsWith("012025|")).hasSize(42);
    }

    @Test
    void shouldReadEveryViewOfTheExportAsDuckDbShowsIt() throws Exception {
        for (Iterator<String> names = manifest.get("datasets").fieldNames(); names.hasNext();) {
            String view = names.next();
            if (!view.startsWith("v_")) {
                continue;
            }
            String columns = columns(view);
            assertThat(sorted(spark("select " + columns + " from " + view))).as(view)
                    .isEqualTo(sorted(duckdb("select " + columns + " from " + view)));
        }
    }

    // ------------------------------------------------------------------ reading

    /** The rows of a Spark SQL query, each as its values joined by {@code |}. */
    private static List<String> spark(String sql) {
        List<String> lines = new ArrayList<>();
        for (Row row : spark.sql(sql).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                values.add(text(row.get(i)));
            }
            lines.add(String.join("|", values));
        }
        return lines;
    }

    /** The rows of a query of the warehouse the export was made from, read-only, as {@link #spark} gives them. */
    private static List<String> duckdb(String sql) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> lines = new ArrayList<>();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    values.add(text(result.getObject(c)));
                }
                lines.add(String.join("|", values));
            }
            return lines;
        }
    }

    /** One value as both engines' Java values print alike: decimals without trailing zeros, times in ISO. */
    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        return String.valueOf(value);
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    /** The dataset's columns in the manifest's order, quoted for Spark SQL. */
    private static String columns(String dataset) {
        List<String> names = new ArrayList<>();
        manifest.get("datasets").get(dataset).get("schema").fieldNames().forEachRemaining(names::add);
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    /**
     * The Spark schema of a dataset from the manifest's DuckDB types: the partition columns are typed so
     * too, instead of being guessed from their folder names (Spark would read 012025 as the number 12025).
     */
    static String schema(JsonNode columns) {
        List<String> fields = new ArrayList<>();
        columns.properties().forEach(column -> fields.add("`" + column.getKey() + "` " + sparkType(column.getValue().asText())));
        return String.join(", ", fields);
    }

    static String sparkType(String duckdb) {
        if (duckdb.startsWith("DECIMAL(")) {
            return duckdb;
        }
        return switch (duckdb) {
            case "VARCHAR" -> "STRING";
            case "INTEGER" -> "INT";
            case "BIGINT" -> "BIGINT";
            case "DOUBLE" -> "DOUBLE";
            case "BOOLEAN" -> "BOOLEAN";
            case "DATE" -> "DATE";
            case "TIMESTAMP" -> "TIMESTAMP_NTZ";
            default -> throw new IllegalArgumentException("no Spark type for the DuckDB type " + duckdb);
        };
    }

    private static String rollup(String file) throws IOException {
        try (InputStream sql = SparkReadsExportIntegrationTests.class.getResourceAsStream("/rollups/" + file)) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ the packaged job

    /** Runs the packaged job's jar with these arguments, its output in a log of the work folder; its exit code. */
    private static int job(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + work, "-jar",
                Path.of(System.getProperty("evalsheet.app.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the %s finished; see %s", name, log).isTrue();
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(log, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
