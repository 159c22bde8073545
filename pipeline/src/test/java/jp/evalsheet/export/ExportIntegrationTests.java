package jp.evalsheet.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * {@code --export=DIR} over a warehouse of two municipalities, 朝霞市 (112275) and 函館市 (012025, whose
 * code starts with 0), each submitting {@code input/}: every view, fact and dimension read back from
 * the Parquet (Hive partitions typed by the manifest) and from the CSV equals the warehouse's, row for
 * row and type for type; the manifest counts what the views hold; the codes keep their leading zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIntegrationTests {

    private static final String ASAKA = "112275_朝霞市";
    private static final String HAKODATE = "012025_函館市";

    private Warehouse warehouse;
    private Path export;
    private Run exported;

    @BeforeAll
    void loadTwoMunicipalitiesAndExport(@TempDir Path temp) {
        Path submissions = temp.resolve("submissions");
        Warehouse.copyFolder(Path.of("input"), submissions.resolve(ASAKA));
        Warehouse.copyFolder(Path.of("input"), submissions.resolve(HAKODATE));
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(submissions)).as("exit code of the run").isZero();
        export = temp.resolve("export");
        exported = run("--warehouse=" + warehouse.file(), "--export=" + export);
    }

    /** Every analyst view, fact and dimension of the warehouse. */
    List<String> datasets() {
        return warehouse.query("""
                select table_name from information_schema.tables
                where table_schema = 'main' and (table_name like 'v\\_%' escape '\\' or table_name like 'fct\\_%' escape '\\'
                    or table_name like 'dim\\_%' escape '\\')
                order by table_name
                """).stream().map(row -> (String) row.get("table_name")).toList();
    }

    @Test
    void shouldSayWhatItExportedAndExitZero() {
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(exported.output()).contains("  v_status_summary                        52 rows  by municipality_code, "
                + "evaluation_fiscal_year (8 files)");
        assertThat(lastLine(exported)).startsWith("Exported run 1 of " + warehouse.file().toAbsolutePath() + " to " + export
                + ": " + datasets().size() + " views and tables, ");
        try (Stream<Path> siblings = Files.list(export.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("nothing left beside the export")
                    .doesNotContain("export.exporting-" + ProcessHandle.current().pid()).noneMatch(n -> n.startsWith("export."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void shouldReadBackEveryRowAndTypeFromTheParquet(String dataset) {
        // given the columns and types of the view or table
        List<String> columns = columnsOf(dataset);
        String selected = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));

        // when read back as another engine would: the Hive partitions typed by the manifest
        String parquet = readParquet(dataset);

        // then the types and the rows are the warehouse's
        assertThat(warehouse.lines("select column_name, column_type from (describe select " + selected + " from " + parquet
                + ")")).as(dataset + " types").isEqualTo(warehouse.lines("""
                        select column_name, data_type from information_schema.columns
                        where table_schema = 'main' and table_name = ? order by ordinal_position
                        """, dataset));
        assertThat(warehouse.lines("select " + selected + " from " + parquet + " order by all")).as(dataset + " rows")
                .isEqualTo(warehouse.lines("select " + selected + " from " + dataset + " order by all"));
    }

    @ParameterizedTest
    @MethodSource("datasets")
    void shouldWriteEveryRowToTheCsvAsDuckDbPrintsIt(String dataset) throws Exception {
        // given the CSV, which starts with a byte-order mark and the column names
        Path csv = export.resolve("csv").resolve(dataset + ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(java.util.Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String header = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header.replace("\"", "")).isEqualTo(String.join(",", columnsOf(dataset)));

        // when read back as text
        String asText = columnsOf(dataset).stream().map(c -> "cast(\"" + c + "\" as varchar)").collect(Collectors.joining(", "));
        List<String> fromCsv = warehouse.lines("select * from read_csv('" + csv + "', header = true, all_varchar = true, "
                + "quote = '\"', escape = '\"', allow_quoted_nulls = false) order by all");

        // then every value is there as DuckDB prints it, null as nothing and an empty text as ""
        assertThat(fromCsv).as(dataset).isEqualTo(warehouse.lines("select " + asText + " from " + dataset + " order by all"));
    }

    @Test
    void shouldKeepTheLeadingZeroOfAMunicipalityCode() throws Exception {
        assertThat(export.resolve("v_status_summary").resolve("municipality_code=012025")).isDirectory();
        assertThat(warehouse.lines("select distinct municipality_code from " + readParquet("v_status_summary")
                + " order by 1")).containsExactly("012025", "112275");
        List<String> csv = Files.readAllLines(export.resolve("csv").resolve("v_status_summary.csv"), StandardCharsets.UTF_8);
        assertThat(csv.subList(1, csv.size())).hasSize(52)
                .filteredOn(line -> line.startsWith("\"012025\",\"函館市\",")).hasSize(26);
        assertThat(csv).filteredOn(line -> line.startsWith("12025,")).isEmpty();
    }

    @Test
    void shouldCountInTheManifestWhatEveryViewHolds() {
        String manifest = "(select content::json as j from read_text('" + export.resolve("_manifest.json") + "'))";
        assertThat(warehouse.lines("select unnest(json_keys(j, '$.datasets')) from " + manifest)).isEqualTo(datasets());
        assertThat(warehouse.count("select (j->>'$.run_id')::bigint from " + manifest))
                .isEqualTo(warehouse.count("select max(load_run_id) from etl_load_runs where status = 'completed'"))
                .isEqualTo(1);
        for (String dataset : datasets()) {
            String at = "$.datasets." + dataset;
            assertThat(warehouse.count("select (j->>'" + at + ".row_count')::bigint from " + manifest)).as(dataset)
                    .isEqualTo(warehouse.count("select count(*) from " + dataset));
            assertThat(warehouse.lines("select unnest(json_keys(j, '" + at + ".schema')) from " + manifest)).as(dataset)
                    .isEqualTo(columnsOf(dataset));
            assertThat(warehouse.lines("select j->>'" + at + ".path', j->>'" + at + ".csv' from " + manifest)).as(dataset)
                    .containsExactly(dataset + "|csv/" + dataset + ".csv");
        }
        assertThat(warehouse.lines("select j->'$.datasets.v_policy_cost_trend.partition_columns' from " + manifest))
                .containsExactly("[\"municipality_code\",\"fiscal_year\"]");
        assertThat(warehouse.lines("select j->>'$.datasets.v_policy_cost_trend.schema.cost_thousand_yen' from " + manifest))
                .containsExactly("DECIMAL(38,3)");
        assertThat(warehouse.lines("select j->'$.datasets.dim_plans.partition_columns' from " + manifest)).containsExactly("[]");
    }

    @Test
    void shouldWriteAnEmptyDatasetAsOneEmptyFileThatCarriesItsSchema() {
        assertThat(warehouse.count("select count(*) from v_value_changes")).isZero();
        assertThat(export.resolve("v_value_changes").resolve("municipality_code=__HIVE_DEFAULT_PARTITION__")
                .resolve("evaluation_fiscal_year=__HIVE_DEFAULT_PARTITION__").resolve("data_0.parquet")).isRegularFile();
        assertThat(warehouse.count("select count(*) from " + readParquet("v_value_changes"))).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** {@code read_parquet(…)} of a dataset of the export, its partition columns typed as the manifest says. */
    private String readParquet(String dataset) {
        String manifest = "(select content::json as j from read_text('" + export.resolve("_manifest.json") + "'))";
        String at = "$.datasets." + dataset;
        List<String> partitions = warehouse.lines("select unnest(from_json(j->'" + at + ".partition_columns', '[\"varchar\"]')) "
                + "from " + manifest);
        String types = partitions.stream().map(column -> "'" + column + "': " + warehouse.lines("select j->>'" + at + ".schema."
                + column + "' from " + manifest).get(0)).collect(Collectors.joining(", "));
        return "read_parquet('" + export.resolve(dataset) + "/**/*.parquet', hive_partitioning = " + !partitions.isEmpty()
                + (partitions.isEmpty() ? "" : ", hive_types = {" + types + "}") + ")";
    }

    private List<String> columnsOf(String dataset) {
        return warehouse.lines("select column_name from information_schema.columns where table_schema = 'main' and "
                + "table_name = ? order by ordinal_position", dataset);
    }

    private static String lastLine(Run run) {
        List<String> lines = run.output().lines().toList();
        return lines.get(lines.size() - 1);
    }

    record Run(int exitCode, String output) {
    }

    /** Runs the application as the command line does, capturing what it prints. */
    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = EvalSheetWarehouseApplication.runAndExplain(args);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
