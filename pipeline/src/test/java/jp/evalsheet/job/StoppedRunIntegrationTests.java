package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * A run that fails because the disk is full, and a run stopped by SIGTERM, each in a process of its
 * own as in reality: the output ends in one plain line saying what happened, that nothing was
 * published and what to do, without stack traces; and {@code --restart} then completes the run to
 * exactly what a clean run loads.
 */
class StoppedRunIntegrationTests {

    /** The views whose rows must be identical (those of the run log and sheet versions hold the run's times). */
    private static final List<String> VIEWS = List.of("v_annual_policy_costs", "v_data_quality_findings",
            "v_department_cost_trend", "v_indicator_progress", "v_policy_cost_trend", "v_project_cost_trend",
            "v_status_summary", "v_welfare_grade_trend");

    /** Stack traces on the console: a line of a trace starts with a tab and "at ". */
    private static final String TRACE_LINE = "\tat ";

    @TempDir
    static Path shared;

    static Map<String, List<String>> cleanRun;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadWithoutAStop() {
        Warehouse clean = new Warehouse(shared.resolve("clean.duckdb"));
        assertThat(clean.ingest(Path.of("input"))).isZero();
        cleanRun = factsAndViews(clean);
    }

    @Test
    void shouldSayInOneLineThatAFullDiskFailedTheRunAndResumeItWithRestart() throws Exception {
        // the file size limit of a running process stands for a full disk: writing beyond it fails as
        // writing to a full disk does (set once the job runs: the JVM itself writes its libraries first)
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) sets the limit");
        // given a run paused inside its first chunk, the disk then full
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        Process job = start(warehouse, input, "-Devalsheet.pause-at=loading:1", "-Devalsheet.pause-resume=stdin");
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter resume = new PrintWriter(job.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED loading:1")) {
                    Process limit = new ProcessBuilder("/usr/bin/prlimit", "--pid", Long.toString(job.pid()),
                            "--fsize=65536:65536").redirectErrorStream(true).start();
                    assertThat(limit.waitFor()).as(new String(limit.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .isZero();
                    resume.println();
                }
            }
        }

        // when the chunk's commit fails, then the run ends with one plain line naming the cause
        assertThat(job.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = String.join("\n", output);
        assertThat(job.exitValue()).as(all).isEqualTo(EvalSheetWarehouseApplication.FAILED);
        assertThat(output).as(all).noneMatch(line -> line.startsWith(TRACE_LINE)).hasSizeLessThan(40);
        assertThat(output.get(output.size() - 1)).as(all)
                .startsWith("FAILED: SQLException: TransactionContext Error: Failed to commit: Could not write file ")
                .contains("File too large. Nothing was published: " + warehouse.file().toAbsolutePath()
                        + " still shows its last completed run.");
        assertThat(warehouse.file()).doesNotExist();

        // and a restart once there is room completes the run as a clean run would
        assertThat(EvalSheetWarehouseApplication.run("--restart", "--input=" + input, "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir(), Warehouse.ASAKA)).isZero();
        assertThat(factsAndViews(warehouse)).isEqualTo(cleanRun);
    }

    @Test
    void shouldNotSayPublishedWhenTheDiskFillsAfterTheJobCompletedAndPublishItWithRestart() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) sets the limit");
        // given a run that has loaded and published in its working copy, the disk then full: the working
        // copy cannot grow when the job closes it (the checkpoint of its write-ahead log)
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        Path working = Path.of(warehouse.file() + ".building");
        Process job = start(warehouse, input, "-Devalsheet.pause-at=feedback", "-Devalsheet.pause-resume=stdin");
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter resume = new PrintWriter(job.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED feedback")) {
                    // room for what the write-ahead log still takes (the feedback step's records), not for
                    // the checkpoint, which writes the log's data into the working copy
                    Path log = Path.of(working + ".wal");
                    long size = Files.size(log) + (64 << 10);
                    Process limit = new ProcessBuilder("/usr/bin/prlimit", "--pid", Long.toString(job.pid()),
                            "--fsize=" + size + ":" + size).redirectErrorStream(true).start();
                    assertThat(limit.waitFor()).isZero();
                    resume.println();
                }
            }
        }

        // then the summary is printed, but the last line says the run was not published, and none that it was
        assertThat(job.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = String.join("\n", output);
        assertThat(job.exitValue()).as(all).isEqualTo(EvalSheetWarehouseApplication.FAILED);
        assertThat(output).as(all).noneMatch(line -> line.startsWith(TRACE_LINE) || line.startsWith("Published"))
                .contains("Files: 16 seen, 16 loaded, 0 unchanged, 0 rejected. Sheets: 64 loaded, 0 rejected. Facts: 1949.");
        assertThat(output.get(output.size() - 1)).as(all).startsWith("FAILED: ")
                .contains("Nothing was published: " + warehouse.file().toAbsolutePath() + " still shows its last completed run.");
        assertThat(warehouse.file()).doesNotExist();

        // and a restart publishes the completed run
        assertThat(EvalSheetWarehouseApplication.run("--restart", "--input=" + input, "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir(), Warehouse.ASAKA)).isZero();
        assertThat(factsAndViews(warehouse)).isEqualTo(cleanRun);
    }

    @Test
    void shouldSayInOneLineThatASignalStoppedTheRunAndResumeItWithRestart() throws Exception {
        // given a run between its two chunks (the first committed)
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        Process job = start(warehouse, input, "-Devalsheet.pause-at=loading:2");
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED loading:2")) {
                    // when the operator stops it (SIGTERM, as kill and a service manager send; Process.destroy
                    // would send it too, but closes the output this test reads)
                    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(job.pid())).start().waitFor()).isZero();
                }
            }
        }

        // then the output ends with one line saying so
        assertThat(job.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = String.join("\n", output);
        assertThat(job.exitValue()).as(all).isEqualTo(128 + 15);
        assertThat(output).as(all).containsExactly("PAUSED loading:2", "STOPPED by a signal before the run was published: "
                + warehouse.file().toAbsolutePath() + " still shows its last completed run. Run the same command with "
                + "--restart to resume (the files committed so far are kept), or without --restart to start again.");
        assertThat(warehouse.file()).doesNotExist();

        // and a restart completes the run as a clean run would
        assertThat(EvalSheetWarehouseApplication.run("--restart", "--input=" + input, "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir(), Warehouse.ASAKA)).isZero();
        assertThat(factsAndViews(warehouse)).isEqualTo(cleanRun);
    }

    /** The job over {@code input} in a process of its own, a chunk of eight files per transaction. */
    private static Process start(Warehouse warehouse, Path input, String... properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(properties));
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp",
                System.getProperty("java.class.path"), EvalSheetWarehouseApplication.class.getName(), "--input=" + input,
                Warehouse.ASAKA, "--evalsheet.chunk-size=8", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Every fact table's rows without their load ids, and every analyst view's rows. */
    private static Map<String, List<String>> factsAndViews(Warehouse warehouse) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : warehouse.lines("select table_name from information_schema.tables where table_name like 'fct\\_%' "
                + "escape '\\' order by 1")) {
            rows.put(table, warehouse.lines("select * exclude (_load_run_id, _sheet_load_id) from " + table + " order by all"));
        }
        for (String view : VIEWS) {
            rows.put(view, warehouse.lines("select * from " + view + " order by all"));
        }
        return rows;
    }
}
