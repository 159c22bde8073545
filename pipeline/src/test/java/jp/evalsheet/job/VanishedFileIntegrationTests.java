package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * A file that disappears between the listing of the folder and its reading (deleted or moved by a
 * colleague during the run) is a rejected file like any other: the run completes, the others are
 * published, and the message says what happened.
 */
class VanishedFileIntegrationTests {

    private static final String LAST = "R6_総合戦略効果検証_基本目標4.csv";

    @TempDir
    Path temp;

    @Test
    void shouldRejectAFileDeletedDuringTheRunAndPublishTheOthers() throws Exception {
        // given input/ and a job paused after its first chunk (one file a chunk), the last file not read yet
        Path input = Warehouse.copyFolder(Path.of("input"), temp.resolve("input"));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Devalsheet.pause-at=loading:1", "-Devalsheet.pause-resume=stdin", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                EvalSheetWarehouseApplication.class.getName(), "--input=" + input, Warehouse.ASAKA, "--evalsheet.chunk-size=1",
                "--warehouse=" + warehouse.file(), "--feedback=" + warehouse.feedbackDir())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter resume = new PrintWriter(job.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED loading:1")) {
                    // when the last file is deleted while the job waits
                    Files.delete(input.resolve(LAST));
                    resume.println();
                }
            }
        }

        // then
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(String.join("\n", output)).contains("PAUSED loading:1");
        assertThat(job.exitValue()).as(String.join("\n", output)).isEqualTo(2);
        assertThat(warehouse.lines("select source_file, outcome from etl_file_loads where outcome <> 'loaded'"))
                .containsExactly(LAST + "|rejected");
        assertThat(warehouse.lines("select source_file, rule from v_data_quality_findings where severity = 'error'"))
                .containsExactly(LAST + "|unreadable_file");
        assertThat(warehouse.lines("select message from etl_messages where source_file = '" + LAST + "'"))
                .singleElement().asString().contains("no such file", "moved or deleted during the run");
        assertThat(warehouse.count("select count(*) from v_current_sheet_loads")).isEqualTo(63);
    }
}
