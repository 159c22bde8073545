package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.HeldReadOnlyReader;
import jp.evalsheet.support.ReadOnlyViewReader;
import jp.evalsheet.support.Warehouse;

/** An analyst's separate process reads every view of the finished warehouse, read-only. */
class ReadOnlyAnalystIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldLetASecondProcessReadEveryViewReadOnlyAfterTheJob() throws Exception {
        // given
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();

        // when
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"), ReadOnlyViewReader.class.getName(),
                warehouse.file().toString())
                .redirectErrorStream(true)
                .start();
        boolean finished = reader.waitFor(60, TimeUnit.SECONDS);
        List<String> output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        // then
        assertThat(finished).isTrue();
        assertThat(reader.exitValue()).as(String.join(File.separator, output)).isZero();
        assertThat(output).containsExactly(
                "v_annual_policy_costs 42",
                "v_current_sheet_loads 64",
                "v_data_quality_findings 16",
                "v_department_cost_trend 18",
                "v_grade_shares 26",
                "v_indicator_progress 367",
                "v_policy_cost_trend 42",
                "v_policy_rating_share 8",
                "v_project_cost_trend 213",
                "v_sheet_versions 64",
                "v_status_achievement_share 8",
                "v_status_items 242",
                "v_status_summary 26",
                "v_value_changes 0",
                "v_welfare_grade_trend 135",
                "write refused",
                "file read refused",
                "file write refused");
        assertThat(warehouse.count("select count(*) from fct_project_costs")).isEqualTo(92 * 3);
    }

    @Test
    void shouldKeepAnOpenReaderOnThePublishedStateWhileTheNextRunLoads() throws Exception {
        // given a published warehouse and an analyst's process holding a read-only connection to it
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"), HeldReadOnlyReader.class.getName(),
                warehouse.file().toString())
                .redirectErrorStream(true)
                .start();
        var replies = new java.io.BufferedReader(new java.io.InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
        var commands = new java.io.PrintWriter(reader.getOutputStream(), true, StandardCharsets.UTF_8);
        try {
            assertThat(replies.readLine()).isEqualTo("connected");
            commands.println("query");
            assertThat(replies.readLine()).isEqualTo("run 1 sheets 64");

            // when the next year's run loads while the reader stays connected
            Path nextYear = Path.of(getClass().getResource("/fixtures/policy/next-year").toURI());
            int exitCode = warehouse.ingest(nextYear);

            // then the run completes, the open reader still sees the state it opened, and a new reader sees the new one
            assertThat(exitCode).isZero();
            commands.println("query");
            assertThat(replies.readLine()).isEqualTo("run 1 sheets 64");
            assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(65);
            assertThat(warehouse.count("select max(load_run_id) from etl_load_runs")).isEqualTo(2);
        } finally {
            commands.println("exit");
            reader.waitFor(30, TimeUnit.SECONDS);
            reader.destroyForcibly();
        }
    }
}
