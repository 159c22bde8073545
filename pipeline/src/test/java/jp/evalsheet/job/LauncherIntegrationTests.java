package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * README command 1 as an operator runs it: {@code pipeline/evalsheet}, the launcher of the packaged
 * job (run after {@code package}, as failsafe runs the integration tests), loads input/ and publishes
 * the warehouse.
 */
class LauncherIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldRunThePackagedJobOverInput() throws Exception {
        Path warehouse = temp.resolve("warehouse.duckdb");
        Path log = temp.resolve("run.log");
        Process run = new ProcessBuilder("pipeline/evalsheet", "--input=input", Warehouse.ASAKA, "--warehouse=" + warehouse,
                "--feedback=" + temp.resolve("feedback"), "--quiet")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("Files: 16 seen, 16 loaded, 0 unchanged, 0 rejected.", "Published: " + warehouse);
        assertThat(new Warehouse(warehouse).count("select count(*) from v_current_sheet_loads")).isEqualTo(64);
    }

    @Test
    void shouldWriteTheWholeStoryToTheLogFileAndOneLinePerFailureToTheConsole() throws Exception {
        Path console = temp.resolve("console.txt");
        Path logFile = temp.resolve("logs/evalsheet.log");
        Process run = new ProcessBuilder("pipeline/evalsheet", "--input=" + temp.resolve("no-such-folder"), Warehouse.ASAKA,
                "--warehouse=" + temp.resolve("warehouse.duckdb"), "--feedback=" + temp.resolve("feedback"),
                "--logging.file.name=" + logFile)
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();

        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isEqualTo(1);
        // the console: the failure as one line of its message, and what to do
        assertThat(output).contains(" ERROR ", "the input folder " + temp.resolve("no-such-folder") + " does not exist",
                "The run was not published").doesNotContain("\tat ");
        // the log file (Spring Boot's logging.file.name): the same lines with their level, and the whole stack trace
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(log).contains(" ERROR ", "Encountered an error executing step loadSubmissions", "\tat org.springframework.batch");
    }
}
