package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * The job killed with SIGKILL at several points of a run, in a process of its own as in reality,
 * then started again: the warehouse ends exactly as after a clean run, whether the run is started
 * anew or resumed with {@code --restart}; and until then it shows the last published state.
 */
class CrashRecoveryIntegrationTests {

    /** The views whose rows must be identical; the run log's timestamps naturally differ. */
    private static final List<String> VIEWS = List.of("v_annual_policy_costs", "v_data_quality_findings",
            "v_department_cost_trend", "v_indicator_progress", "v_policy_cost_trend", "v_project_cost_trend",
            "v_status_summary", "v_welfare_grade_trend");

    @TempDir
    static Path shared;

    static Map<String, List<String>> cleanRun;
    static Map<String, List<String>> cleanRunAfterNextYear;

    @TempDir
    Path temp;

    /**
     * The same runs without a crash. A killed run leaves nothing behind: its working copy, and with
     * it its job instance, is discarded by the next run, which therefore has the same run number.
     */
    @BeforeAll
    static void loadWithoutACrash() throws Exception {
        Warehouse clean = new Warehouse(shared.resolve("clean.duckdb"));
        assertThat(clean.ingest(Path.of("input"))).isZero();
        cleanRun = views(clean);
        Warehouse reference = new Warehouse(shared.resolve("reference.duckdb"));
        assertThat(reference.ingest(fixture("next-year"))).isZero();
        assertThat(reference.ingest(Path.of("input"))).isZero();
        cleanRunAfterNextYear = views(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loading:1", "loading:2", "publishing", "swapping"})
    void shouldEndAsAfterACleanRunWhenKilledAndStartedAgain(String point) throws Exception {
        // given a warehouse holding last year's state, and a run killed at the point
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(fixture("next-year"))).isZero();
        Map<String, List<String>> before = views(warehouse);
        killAt(point, warehouse);
        assertThat(views(warehouse)).as("readers still see the last published state").isEqualTo(before);

        // when the run is started anew
        int exitCode = warehouse.ingest(Path.of("input"));

        // then
        assertThat(exitCode).isZero();
        assertThat(views(warehouse)).isEqualTo(cleanRunAfterNextYear);
        assertThat(warehouse.lines("select load_run_id, status from etl_load_runs order by 1"))
                .containsExactly("1|completed", "2|completed");
        // and the run that was killed and discarded leaves its trace in the row of the run that replaced it
        assertThat(warehouse.lines("select replaced_unfinished_run from etl_load_runs where load_run_id = 2"))
                .singleElement().asString()
                .matches("run 2 started \\S+ over " + java.util.regex.Pattern.quote(Path.of("input").toAbsolutePath().normalize().toString())
                        + " \\((running|completed, not published)\\)");
        assertThat(warehouse.lines("select replaced_unfinished_run from etl_load_runs where load_run_id = 1"))
                .containsExactly("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"loading:2", "publishing", "swapping"})
    void shouldResumeTheKilledRunWithRestart(String point) throws Exception {
        // given a run killed at the point
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        killAt(point, warehouse);
        assertThat(warehouse.file()).doesNotExist();

        // when it is restarted
        int exitCode = EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());

        // then the same run completes, with the same warehouse as a clean run
        assertThat(exitCode).isZero();
        assertThat(views(warehouse)).isEqualTo(cleanRun);
        assertThat(warehouse.lines("select load_run_id, status, files_seen, files_loaded from etl_load_runs"))
                .containsExactly("1|completed|16|16");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(64);
    }

    @Test
    void shouldRefuseToResumeAKilledRunOverAnotherFolder() throws Exception {
        // given a run over input/ killed while loading
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        killAt("loading:2", warehouse);

        // when it is restarted with another --input (a corrected folder, say)
        int refused = EvalSheetWarehouseApplication.run("--restart", "--input=" + fixture("next-year"),
                "--warehouse=" + warehouse.file(), "--feedback=" + warehouse.feedbackDir());

        // then nothing is loaded from either folder, and the run can still be resumed over its own
        assertThat(refused).isEqualTo(1);
        assertThat(warehouse.file()).doesNotExist();
        assertThat(EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir())).isZero();
        assertThat(views(warehouse)).isEqualTo(cleanRun);
    }

    @Test
    void shouldNotRepublishTheLastRunWhenTheKilledOneHadNotBegun() throws Exception {
        // given run 1 published, then a run killed right after it copied the warehouse (within its first
        // seconds: before its run began), which leaves a working copy identical to the published file
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(fixture("next-year"))).isZero();
        Path working = Path.of(warehouse.file() + ".building");
        java.nio.file.Files.copy(warehouse.file(), working);
        Map<String, List<String>> before = views(warehouse);

        // when the operator restarts it
        int exitCode = EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());

        // then it is refused (it used to say "Run 1 had completed; publishing it." and exit 0), and a
        // plain run afterwards loads as if nothing had happened
        assertThat(exitCode).isEqualTo(1);
        assertThat(views(warehouse)).isEqualTo(before);
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        assertThat(views(warehouse)).isEqualTo(cleanRunAfterNextYear);
    }

    @Test
    void shouldResumeByFileWhenFilesWereAddedAndRemovedSinceTheKill() throws Exception {
        // given a run over a copy of input/ killed in its second chunk (the first 8 of 16 files committed)
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        killAt("loading:2", warehouse, input);
        // and then a file added that sorts before them all, and one not read yet removed
        java.nio.file.Files.copy(fixture("next-year").resolve("R5_施策評価シート_人権庶務課_611_テストデータ.xlsx"),
                input.resolve("A_追加提出.xlsx"));
        java.nio.file.Files.delete(input.resolve("R6_総合戦略効果検証_基本目標4.csv"));

        // when the run is restarted
        int exitCode = EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());

        // then every file now in the folder is read exactly once: the same facts as a clean run of the
        // folder (which numbers its sheet loads in another order: the new file comes first there)
        assertThat(exitCode).isZero();
        Warehouse clean = new Warehouse(temp.resolve("clean.duckdb"));
        assertThat(clean.ingest(input)).isZero();
        assertThat(factsWithoutLoadIds(warehouse)).isEqualTo(factsWithoutLoadIds(clean)).isNotEmpty();
        String files = "select source_file, outcome, facts_loaded from etl_file_loads order by all";
        assertThat(warehouse.lines(files)).isEqualTo(clean.lines(files)).hasSize(16);
        assertThat(warehouse.lines("select files_seen, files_loaded, files_rejected from etl_load_runs"))
                .containsExactly("16|16|0");
    }

    @Test
    void shouldRefuseToResumeWhenAFileItLoadedHasChanged() throws Exception {
        // given a run killed in its second chunk, and then one of the files it had committed replaced
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        killAt("loading:2", warehouse, input);
        java.nio.file.Files.copy(fixture("next-year").resolve("R5_施策評価シート_人権庶務課_611_テストデータ.xlsx"),
                input.resolve("R4_施策評価シート_シティ・プロモーション課.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // when the run is restarted
        int exitCode = EvalSheetWarehouseApplication.run("--restart", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());

        // then it cannot be resumed exactly: nothing is published, and a plain run starts afresh
        assertThat(exitCode).isEqualTo(1);
        assertThat(warehouse.file()).doesNotExist();
        assertThat(warehouse.ingest(input)).isZero();
        assertThat(warehouse.lines("select load_run_id, files_loaded from etl_load_runs")).containsExactly("1|16");
    }

    /** Runs the job over input/ in a process of its own and kills it (SIGKILL) when it reaches the point. */
    private static void killAt(String point, Warehouse warehouse) throws Exception {
        killAt(point, warehouse, Path.of("input"));
    }

    /** Runs the job over {@code input} in a process of its own and kills it (SIGKILL) at the point. */
    private static void killAt(String point, Warehouse warehouse, Path input) throws Exception {
        Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Devalsheet.pause-at=" + point, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                EvalSheetWarehouseApplication.class.getName(), "--input=" + input, Warehouse.ASAKA, "--evalsheet.chunk-size=8", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED " + point)) {
                    job.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(job.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(String.join("\n", output)).contains("PAUSED " + point);
    }

    /** Every fact table's rows without the ids of their load run and sheet load. */
    private static Map<String, List<String>> factsWithoutLoadIds(Warehouse warehouse) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String table : warehouse.lines("select table_name from information_schema.tables where table_name like 'fct\\_%' "
                + "escape '\\' order by 1")) {
            facts.put(table, warehouse.lines("select * exclude (_load_run_id, _sheet_load_id) from " + table + " order by all"));
        }
        return facts;
    }

    private static Map<String, List<String>> views(Warehouse warehouse) {
        Map<String, List<String>> views = new LinkedHashMap<>();
        if (!warehouse.file().toFile().exists()) {
            return views;
        }
        for (String view : VIEWS) {
            views.put(view, warehouse.lines("select * from " + view + " order by all"));
        }
        return views;
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CrashRecoveryIntegrationTests.class.getResource("/fixtures/policy/" + name).toURI());
    }
}
