package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * The command line is checked before anything runs: {@code --help} and {@code --version} print and
 * exit, and a mistyped option is refused with the usage text instead of starting an ingestion with
 * the defaults (./input into ./warehouse.duckdb, overwriting ./feedback).
 */
class CommandLineIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldPrintTheUsageAndRunNothingForHelp() {
        // given the defaults' files as they are before
        Snapshot before = Snapshot.ofDefaults();

        // when
        Run run = run("--help");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("Usage: java -jar evalsheet-warehouse.jar [options]")
                .contains("--input=DIR", "--restart", "--version");
        assertThat(run.output()).doesNotContain("Annual ingestion run");
        assertThat(Snapshot.ofDefaults()).isEqualTo(before);
    }

    @Test
    void shouldPrintTheVersionAndRunNothing() {
        Snapshot before = Snapshot.ofDefaults();

        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).startsWith("evalsheet-warehouse ").contains("Java 17");
        assertThat(Snapshot.ofDefaults()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--inptu=input", "--fiscal-year", "--restart=yes", "input", "-v"})
    void shouldRefuseACommandLineItDoesNotKnowAndTouchNothing(String wrong) {
        // given
        Path warehouse = temp.resolve("warehouse.duckdb");
        Path feedback = temp.resolve("feedback");

        // when
        Run run = run(wrong, "--warehouse=" + warehouse, "--feedback=" + feedback);

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).startsWith("Refused: ").contains("Nothing was run and nothing was changed.")
                .contains("Usage: java -jar evalsheet-warehouse.jar");
        assertThat(run.output()).doesNotContain("Annual ingestion run");
        assertThat(warehouse).doesNotExist();
        assertThat(feedback).doesNotExist();
    }

    @Test
    void shouldNameTheOptionItRefuses() {
        assertThat(run("--inptu=input").output()).startsWith("Refused: unknown option --inptu.");
        assertThat(run("--fiscal-year").output()).startsWith("Refused: the option --fiscal-year needs a value, such as --fiscal-year=R4.");
    }

    @Test
    void shouldRefuseAWarehousePathWithASemicolonBeforeAnythingRuns() {
        // given a path the JDBC URL would cut at its ; (jdbc:duckdb:/…/a;b.duckdb reads the file /…/a)
        Path warehouse = temp.resolve("a;b.duckdb");

        // when
        Run run = run("--input=input", "--warehouse=" + warehouse, "--feedback=" + temp.resolve("feedback"));

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).startsWith("Refused: the warehouse path " + warehouse + " contains a ;");
        assertThat(warehouse).doesNotExist();
        assertThat(temp.resolve("a")).doesNotExist();
    }

    @Test
    void shouldEndAFailureOutsideTheJobWithOnePlainLine() throws Exception {
        // given a warehouse in a folder that cannot exist: its parent is a file
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        Path warehouse = file.resolve("warehouse.duckdb");

        // when
        Run run = run(true, "--input=input", Warehouse.ASAKA, "--warehouse=" + warehouse, "--feedback=" + temp.resolve("feedback"));

        // then
        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.output().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("FAILED: ")
                .contains("Nothing was published: " + warehouse + " still shows its last completed run.",
                        "run the same command again");
    }

    @Test
    void shouldNotEndWellWhenNoDepartmentGetsItsFeedback() throws Exception {
        // given a feedback "folder" that is a file: no workbook can be written there
        Path feedback = Files.writeString(temp.resolve("feedback"), "x");
        Path warehouse = temp.resolve("warehouse.duckdb");

        // when
        Run run = run("--input=input", Warehouse.ASAKA, "--warehouse=" + warehouse, "--feedback=" + feedback);

        // then the data is published, but the run says the workbooks are missing and ends with 2
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(warehouse).exists();
        assertThat(run.output()).contains("Feedback: 16 workbooks could not be written to " + feedback
                + " (see above). The warehouse was published; make the folder writable and run the same command with "
                + "--validate to write them.");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... args) {
        return run(false, args);
    }

    /** Runs the application as {@code main} does when {@code explained}, capturing what it prints. */
    private static Run run(boolean explained, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = explained ? EvalSheetWarehouseApplication.runAndExplain(args) : EvalSheetWarehouseApplication.run(args);
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** Whether the default warehouse and feedback folder exist, and when they last changed. */
    private record Snapshot(boolean warehouse, FileTime warehouseTime, boolean feedback, FileTime feedbackTime) {

        static Snapshot ofDefaults() {
            Path warehouse = Path.of("warehouse.duckdb");
            Path feedback = Path.of("feedback");
            try {
                return new Snapshot(Files.exists(warehouse), Files.exists(warehouse) ? Files.getLastModifiedTime(warehouse) : null,
                        Files.exists(feedback), Files.exists(feedback) ? Files.getLastModifiedTime(feedback) : null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
