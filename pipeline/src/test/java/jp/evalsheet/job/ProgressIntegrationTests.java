package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * A run shows its progress on standard error as it loads (files done of the total, facts, rate, time
 * elapsed and left), and standard output keeps the summary; {@code --quiet} leaves out the progress
 * and the lines of files loaded without a problem.
 */
class ProgressIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldPrintProgressOnStandardErrorEndingWithAllFilesDone() {
        Captured run = run("--input=input", Warehouse.ASAKA, "--warehouse=" + temp.resolve("w.duckdb"),
                "--feedback=" + temp.resolve("feedback"), "--evalsheet.chunk-size=8");

        assertThat(run.exitCode()).isZero();
        List<String> progress = run.err().lines().filter(line -> line.startsWith("loading: ")).toList();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1))
                .matches("loading: 16 / 16 files \\(100%\\), 1,949 facts, [0-9,]+ files/s, [0-9.]+ s elapsed");
        assertThat(run.out()).doesNotContain("loading: ").contains("  loaded           R4_施策評価シート_財政課.csv");
        // then publishing, and the feedback workbooks, the last line with all of them done
        List<String> lines = run.err().lines().toList();
        assertThat(lines).contains("publishing: the run's sheets replace their published versions, the dimensions are rebuilt "
                + "and the data tests run");
        List<String> feedback = lines.stream().filter(line -> line.startsWith("feedback: ")).toList();
        assertThat(feedback).isNotEmpty();
        assertThat(feedback.get(feedback.size() - 1)).matches("feedback: 16 / 16 workbooks \\(100%\\), [0-9,]+ workbooks/s, "
                + "[0-9.]+ s elapsed");
        assertThat(lines.indexOf(progress.get(progress.size() - 1))).isLessThan(lines.indexOf(feedback.get(0)));
    }

    @Test
    void shouldLeaveOutProgressAndFilesLoadedWithoutAProblemWhenQuiet() {
        Captured run = run("--input=input", Warehouse.ASAKA, "--warehouse=" + temp.resolve("w.duckdb"),
                "--feedback=" + temp.resolve("feedback"), "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("loading: ", "publishing: ", "feedback: ");
        assertThat(run.out()).doesNotContain("  loaded ")
                .contains("Files: 16 seen, 16 loaded, 0 unchanged, 0 rejected.", "Published: ");
    }

    @Test
    void shouldEstimateTheTimeLeftFromTheRateSoFar() {
        assertThat(ProgressReport.line(3_456, 31_232, 375_210, 9_800_000_000L))
                .isEqualTo("loading: 3,456 / 31,232 files (11%), 375,210 facts, 353 files/s, 9.8 s elapsed, about 79 s left");
        assertThat(ProgressReport.line(0, 0, 0, 0)).isEqualTo("loading: 0 / 0 files (100%), 0 facts, 0 files/s, 0.0 s elapsed");
        assertThat(ProgressReport.feedbackLine(12_000, 31_232, 10_200_000_000L))
                .isEqualTo("feedback: 12,000 / 31,232 workbooks (38%), 1,176 workbooks/s, 10.2 s elapsed, about 16 s left");
    }

    private record Captured(int exitCode, String out, String err) {
    }

    private static Captured run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exitCode = EvalSheetWarehouseApplication.run(args);
            return new Captured(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
