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
}
