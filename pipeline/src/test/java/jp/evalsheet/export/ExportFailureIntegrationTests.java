package jp.evalsheet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.export.ExportIntegrationTests.Run;
import jp.evalsheet.support.Warehouse;

/**
 * An export that fails or is killed, in a process of its own as in reality, leaves no half export:
 * the folder holds the previous export whole, or nothing; the output ends in one plain line; and the
 * next export completes and clears what a killed one left. A folder that is not an export, one that
 * cannot be made and options of a run beside {@code --export} are refused before anything is written.
 */
class ExportFailureIntegrationTests {

    /** Stack traces on the console: a line of a trace starts with a tab and "at ". */
    private static final String TRACE_LINE = "\tat ";

    @TempDir
    static Path shared;

    static Warehouse warehouse;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        warehouse = new Warehouse(shared.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
    }

    @Test
    void shouldKeepThePreviousExportWholeWhenTheDiskFillsDuringTheNext() throws Exception {
        // the file size limit of a running process stands for a full disk (set once the export runs: the
        // JVM itself writes its libraries first)
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) sets the limit");
        // given an earlier export, and the next paused after its second dataset, the disk then full
        Path export = temp.resolve("export");
        assertThat(ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export).exitCode()).isZero();
        Map<String, String> before = contents(export);
        Process child = start(export, "-Devalsheet.pause-at=exporting:2", "-Devalsheet.pause-resume=stdin");
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter resume = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("PAUSED exporting:2")) {
                    assertThat(siblings(export)).contains("export.exporting-" + child.pid());
                    Process limit = new ProcessBuilder("/usr/bin/prlimit", "--pid", Long.toString(child.pid()),
                            "--fsize=4096:4096").redirectErrorStream(true).start();
                    assertThat(limit.waitFor()).as(new String(limit.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                            .isZero();
                    resume.println();
                }
            }
        }

        // when the next dataset's write fails, then the output ends in one line, and the earlier export is whole
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String all = String.join("\n", output);
        assertThat(child.exitValue()).as(all).isEqualTo(WarehouseExport.FAILED);
        assertThat(output).as(all).noneMatch(line -> line.startsWith(TRACE_LINE));
        assertThat(output.get(output.size() - 1)).as(all).startsWith("FAILED: ").contains("File too large")
                .endsWith("Nothing was exported: " + export + " still holds the previous export. Fix the cause and run "
                        + "the same command again.");
        assertThat(contents(export)).isEqualTo(before);
        assertThat(siblings(export)).containsExactly("export");
    }

    @Test
    void shouldShowNoHalfExportWhenKilledAndClearWhatItLeftOnTheNext() throws Exception {
        // given an export killed after its fifth dataset
        Path export = temp.resolve("export");
        Process child = start(export, "-Devalsheet.pause-at=exporting:5");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("PAUSED exporting:5")) {
                    // as a power cut or kill -9 would (Process.destroyForcibly would close the output this test reads)
                    assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor()).isZero();
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then there is no export, only what was being written beside it, without a manifest
        Path left = temp.resolve("export.exporting-" + child.pid());
        assertThat(export).doesNotExist();
        assertThat(left.resolve(ExportFolder.MANIFEST)).doesNotExist();
        try (Stream<Path> written = Files.list(left)) {
            assertThat(written).hasSize(6); // five datasets and csv/
        }

        // when the next export runs, then it completes and clears what the killed one left
        assertThat(ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export).exitCode()).isZero();
        assertThat(export.resolve(ExportFolder.MANIFEST)).isRegularFile();
        assertThat(siblings(export)).containsExactly("export");
    }

    @Test
    void shouldReplaceAnEarlierExportWhole() throws Exception {
        Path export = temp.resolve("export");
        assertThat(ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export).exitCode()).isZero();
        Files.writeString(export.resolve("v_status_summary").resolve("stale.parquet"), "not an export's file");
        String first = Files.readString(export.resolve(ExportFolder.MANIFEST));

        Run again = ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(Files.readString(export.resolve(ExportFolder.MANIFEST))).isNotEqualTo(first);
        assertThat(export.resolve("v_status_summary").resolve("stale.parquet")).doesNotExist();
        assertThat(siblings(export)).containsExactly("export");
    }

    @Test
    void shouldPrintTheSummaryAloneWhenQuiet() {
        Path export = temp.resolve("export");

        Run run = ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export, "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output().lines()).singleElement().asString().startsWith("Exported run 1 of "
                + warehouse.file().toAbsolutePath() + " to " + export + ": ");
    }

    @Test
    void shouldRefuseAFolderThatIsNotAnExportAndTouchNothing() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("reports"));
        Files.writeString(folder.resolve("notes.txt"), "an analyst's notes");

        Run run = ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + folder);

        assertThat(run.exitCode()).isEqualTo(WarehouseExport.FAILED);
        assertThat(run.output()).isEqualTo("FAILED: " + folder + " is neither empty nor an earlier export (it has no "
                + "_manifest.json); choose a new or empty folder, so that nothing in it is deleted. Nothing was exported.\n");
        assertThat(contents(folder)).containsExactly(Map.entry("notes.txt", "an analyst's notes"));
        assertThat(siblings(folder)).containsExactly("reports");
    }

    @Test
    void shouldFailInOneLineWhenTheFolderCannotBeMade() throws Exception {
        // a file where a folder should be: refused even to root, whom permissions do not stop
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path export = file.resolve("export");

        Run run = ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export);

        assertThat(run.exitCode()).isEqualTo(WarehouseExport.FAILED);
        assertThat(run.output().lines()).singleElement().asString().startsWith("FAILED: FileSystemException: ")
                .endsWith("Nothing was exported: " + export + " was not created. Fix the cause and run the same command again.");
        try (Stream<Path> paths = Files.list(temp)) {
            assertThat(paths.map(p -> p.getFileName().toString())).containsExactly("a-file");
        }
    }

    @Test
    void shouldFailInOneLineWhenThereIsNoWarehouse() {
        Path export = temp.resolve("export");

        Run run = ExportIntegrationTests.run("--warehouse=" + temp.resolve("none.duckdb"), "--export=" + export);

        assertThat(run.exitCode()).isEqualTo(WarehouseExport.FAILED);
        assertThat(run.output()).isEqualTo("FAILED: there is no warehouse " + temp.resolve("none.duckdb") + " to export; "
                + "run the ingestion first, or name the warehouse with --warehouse=FILE. Nothing was exported.\n");
        assertThat(export).doesNotExist();
        assertThat(temp.resolve("none.duckdb")).doesNotExist();
    }

    @Test
    void shouldRefuseAnExportBesideTheOptionsOfARun() {
        Path export = temp.resolve("export");

        Run run = ExportIntegrationTests.run("--warehouse=" + warehouse.file(), "--export=" + export, "--input=input");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).startsWith("Refused: --export writes the published warehouse and runs nothing, so --input "
                + "has no place beside it: run the ingestion first, then the export with --warehouse=FILE --export=DIR alone. "
                + "Nothing was run and nothing was changed.");
        assertThat(export).doesNotExist();
    }

    /** The export of the shared warehouse into {@code export}, in a process of its own. */
    private static Process start(Path export, String... properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(properties));
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp",
                System.getProperty("java.class.path"), EvalSheetWarehouseApplication.class.getName(),
                "--warehouse=" + warehouse.file(), "--export=" + export));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Every file under a folder, by relative path, with its content (as text, for comparison only). */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }

    /** The names beside a path, and its own, sorted. */
    private static List<String> siblings(Path path) {
        try (Stream<Path> paths = Files.list(path.getParent())) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
