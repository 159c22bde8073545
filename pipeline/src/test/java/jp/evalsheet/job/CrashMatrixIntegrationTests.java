package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * The job killed with SIGKILL at every step boundary, in a process of its own as in reality, with
 * the input folder changed while it is dead (a file added, a file removed, a file's content replaced
 * by another valid sheet), then restarted with {@code --restart}: until then readers see the last
 * published state, and afterwards every fact table and every view equals a clean run of the folder
 * as it is now into a warehouse that had the same state before. A restart resumes by file, or is
 * refused with exit 1 and nothing changed, after which a plain run starts afresh (operations.md);
 * either way the console's last line is a plain sentence, never a stack trace.
 *
 * <p>The matrix: every pause point ({@code opening}, {@code loading:1}, {@code loading:2},
 * {@code publishing}, {@code feedback}, {@code swapping}) times every change (and none), from a
 * warehouse that published a first clean run of the same folder, so that there is a published state
 * to protect and the changed file replaces a published sheet; and, from an empty warehouse, where the
 * killed run's chunks carry every fact for real, {@code loading:2} (the first chunk committed) and
 * {@code publishing} times every change. The removed and the changed file are the last two of the
 * folder's 16, in the second chunk of 8 ({@code --evalsheet.chunk-size=8}): not yet committed while
 * loading (the restart resumes), committed once the loading step has ended (the restart must be
 * refused). The added file sorts before every other one, so a resumed run reads it after files that a
 * clean run reads after it. Killed once the loading step had ended ({@code publishing},
 * {@code feedback}, {@code swapping}), a restart over a changed folder is refused: it would publish
 * the folder as it was.
 *
 * <p>Every fact table, every analyst view ({@code v_%}) and the file and sheet load logs are compared
 * without the ids of load runs and sheet loads, and without load times: a resumed run numbers its
 * sheet loads in the order it read the files. To keep the matrix
 * to one kill per start and point, the files a killed process leaves (the published file, the working
 * copy and its write-ahead log, the feedback folder, the input folder) are copied once it is dead and
 * copied back to the same paths before each change, since the job parameters name those paths. Each
 * clean run is made once per start and final folder.
 */
class CrashMatrixIntegrationTests {

    private static final List<String> POINTS = List.of("opening", "loading:1", "loading:2", "publishing", "feedback",
            "swapping");

    @TempDir
    static Path shared;

    /** The files a killed run left, by start and point, copied once the process was dead. */
    private static final Map<String, Path> killed = new HashMap<>();

    /** The clean runs of each final folder, by start and change. */
    private static final Map<String, Clean> clean = new HashMap<>();

    /** The published warehouse of the first clean run over a copy of input/, copied as each case's start. */
    private static Path firstRun;

    /** What the warehouse holds before a run. */
    enum Start {
        /** No warehouse yet. */
        EMPTY("an empty warehouse"),
        /** A first clean run over a copy of input/ published. */
        PUBLISHED("a published warehouse");

        private final String description;

        Start(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** What is done to the input folder while the job is dead. */
    enum Change {
        /** Nothing: the folder as the killed run saw it. */
        NONE("nothing changed") {
            @Override
            void apply(Path input) {
            }
        },
        /** A submission no file of the folder holds, under a name sorting before them all. */
        ADDED("a file added") {
            @Override
            void apply(Path input) throws Exception {
                Files.copy(fixture("next-year").resolve("R5_施策評価シート_人権庶務課_611_テストデータ.xlsx"),
                        input.resolve("A_追加提出.xlsx"));
            }
        },
        /** The 15th of 16 files deleted. */
        REMOVED("a file removed") {
            @Override
            void apply(Path input) throws Exception {
                Files.delete(input.resolve("R6_総合戦略効果検証_基本目標3.xls"));
            }
        },
        /** The last file's content replaced: the same sheet with one KPI value corrected (510 to 512). */
        CHANGED("a file changed") {
            @Override
            void apply(Path input) throws Exception {
                Path file = input.resolve("R6_総合戦略効果検証_基本目標4.csv");
                // CP932: ASCII digits and commas are never the second byte of a character
                String bytes = Files.readString(file, StandardCharsets.ISO_8859_1);
                String before = ",505,240,451,456,502,510,550,";
                assertThat(bytes.indexOf(before)).isPositive().isEqualTo(bytes.lastIndexOf(before));
                Files.writeString(file, bytes.replace(before, ",505,240,451,456,502,512,550,"), StandardCharsets.ISO_8859_1);
            }
        };

        private final String description;

        Change(String description) {
            this.description = description;
        }

        abstract void apply(Path input) throws Exception;

        @Override
        public String toString() {
            return description;
        }
    }

    /** Every start, point and change. */
    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String point : POINTS) {
            for (Change change : Change.values()) {
                cases.add(Arguments.of(Start.PUBLISHED, point, change));
            }
        }
        for (String point : List.of("loading:2", "publishing")) {
            for (Change change : List.of(Change.ADDED, Change.REMOVED, Change.CHANGED)) {
                cases.add(Arguments.of(Start.EMPTY, point, change));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, killed at {1}, {2}")
    @MethodSource("matrix")
    void shouldEndAsACleanRunOfTheFolderAsItIsNow(Start start, String point, Change change) throws Exception {
        killChangeAndRestart(start, point, change);
    }

    private static void killChangeAndRestart(Start start, String point, Change change) throws Exception {
        // given a run over a copy of input/ killed at the point
        Path folder = killedAt(start, point);
        Path input = folder.resolve("input");
        Warehouse warehouse = new Warehouse(folder.resolve("warehouse.duckdb"));
        State published = state(warehouse);
        assertThat(published).as("readers still see the last published state").isEqualTo(startingState(start));
        // and then the folder changed
        change.apply(input);

        // when the run is restarted
        Run restart = run("--restart", "--warehouse=" + warehouse.file(), "--feedback=" + warehouse.feedbackDir());

        // then it resumes by file, or it is refused without changing anything and a plain run starts afresh
        assertEndsPlainly(restart);
        Clean expected = cleanRun(start, change);
        if (resumes(point, change)) {
            assertThat(restart.exitCode()).as(restart.output()).isEqualTo(expected.exitCode());
        } else {
            assertThat(restart.exitCode()).as(restart.output()).isEqualTo(1);
            assertThat(state(warehouse)).as("nothing changed").isEqualTo(published);
            Run afresh = run("--input=" + input, Warehouse.ASAKA, "--warehouse=" + warehouse.file(),
                    "--feedback=" + warehouse.feedbackDir());
            assertThat(afresh.exitCode()).as(afresh.output()).isEqualTo(expected.exitCode());
            assertEndsPlainly(afresh);
        }
        // and every fact table and view is what a clean run of the folder gives
        State state = state(warehouse);
        assertThat(state.facts()).isEqualTo(expected.state().facts());
        assertThat(state.views()).isEqualTo(expected.state().views());
        assertThat(state.loads()).isEqualTo(expected.state().loads());
    }

    /**
     * Whether the documented restart resumes: the killed run had begun loading, and, once its loading
     * step had ended, the folder is the one it read; while it was loading, no file it had committed (none
     * of the last two) is gone or changed, and a file added is read.
     */
    private static boolean resumes(String point, Change change) {
        return switch (point) {
            case "opening" -> false;
            case "loading:1", "loading:2" -> true;
            default -> change == Change.NONE;
        };
    }

    /**
     * The folder of the start's run killed at the point: killed now the first time, else the files
     * it left copied back to where the job parameters say they are.
     */
    private static Path killedAt(Start start, String point) throws Exception {
        String key = start.name() + "-" + point.replace(':', '-');
        Path folder = shared.resolve(key);
        Path saved = killed.get(key);
        if (saved == null) {
            Files.createDirectories(folder);
            Path input = Warehouse.copyFolder(Path.of("input"), folder.resolve("input"));
            Warehouse warehouse = new Warehouse(folder.resolve("warehouse.duckdb"));
            if (start == Start.PUBLISHED) {
                Files.copy(firstRun(), warehouse.file());
            }
            killAt(point, warehouse, input);
            saved = Warehouse.copyFolder(folder, shared.resolve(key + ".killed"));
            killed.put(key, saved);
        } else {
            FileSystemUtils.deleteRecursively(folder);
            Warehouse.copyFolder(saved, folder);
        }
        return folder;
    }

    /** The published warehouse of a clean run over a copy of input/. */
    private static Path firstRun() throws Exception {
        if (firstRun == null) {
            Warehouse warehouse = new Warehouse(shared.resolve("first-run").resolve("warehouse.duckdb"));
            assertThat(warehouse.ingest(Warehouse.copyFolder(Path.of("input"), shared.resolve("first-run").resolve("input"))))
                    .isZero();
            firstRun = warehouse.file();
        }
        return firstRun;
    }

    private static State startingState(Start start) throws Exception {
        return start == Start.EMPTY ? State.NONE : state(new Warehouse(firstRun()));
    }

    /** A clean run, without a kill, of input/ changed into a warehouse with the start's state. */
    private static Clean cleanRun(Start start, Change change) throws Exception {
        String key = start.name() + "-" + change.name();
        if (!clean.containsKey(key)) {
            Path folder = shared.resolve("clean-" + key);
            Path input = Warehouse.copyFolder(Path.of("input"), folder.resolve("input"));
            change.apply(input);
            Warehouse warehouse = new Warehouse(folder.resolve("warehouse.duckdb"));
            if (start == Start.PUBLISHED) {
                Files.copy(firstRun(), warehouse.file());
            }
            int exitCode = warehouse.ingest(input);
            clean.put(key, new Clean(exitCode, state(warehouse)));
        }
        return clean.get(key);
    }

    private record Clean(int exitCode, State state) {
    }

    /**
     * What readers see: every fact table's rows without the ids of their load run and sheet load, every
     * analyst view's rows without those ids and without load times, and the file and sheet load logs
     * without ids; nothing without a published file.
     */
    private record State(Map<String, List<String>> facts, Map<String, List<String>> views, List<String> loads) {

        static final State NONE = new State(Map.of(), Map.of(), List.of());
    }

    private static State state(Warehouse warehouse) {
        if (!Files.exists(warehouse.file())) {
            return State.NONE;
        }
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String table : warehouse.lines("select table_name from information_schema.tables where table_name like 'fct\\_%' "
                + "escape '\\' order by 1")) {
            facts.put(table, warehouse.lines("select * exclude (_load_run_id, _sheet_load_id) from " + table + " order by all"));
        }
        Map<String, List<String>> views = new LinkedHashMap<>();
        for (String view : warehouse.lines("select table_name from information_schema.tables where table_type = 'VIEW' "
                + "and table_name like 'v\\_%' escape '\\' order by 1")) {
            List<String> ids = warehouse.lines("select column_name from information_schema.columns where table_name = ? "
                    + "and regexp_matches(column_name, '(^|_)(sheet_load_id|load_run_id)$|^loaded_at$')", view);
            views.put(view, warehouse.lines("select * " + (ids.isEmpty() ? "" : "exclude (" + String.join(", ", ids) + ") ")
                    + "from " + view + " order by all"));
        }
        List<String> loads = new ArrayList<>(warehouse.lines("select 'file', source_file, source_sha256, outcome, sheets_loaded, "
                + "sheets_rejected, facts_loaded from etl_file_loads order by all"));
        loads.addAll(warehouse.lines("select 'sheet', source_file, source_sha256, sheet_name, status from etl_sheet_loads "
                + "order by all"));
        return new State(facts, views, loads);
    }

    /** Runs the job over {@code input} in a process of its own and kills it (SIGKILL) at the point. */
    private static void killAt(String point, Warehouse warehouse, Path input) throws Exception {
        Process job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Devalsheet.pause-at=" + point, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp",
                System.getProperty("java.class.path"), EvalSheetWarehouseApplication.class.getName(), "--input=" + input,
                Warehouse.ASAKA, "--evalsheet.chunk-size=8", "--warehouse=" + warehouse.file(),
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

    private record Run(int exitCode, String output) {

        String lastLine() {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** Runs the application in this process, as the other tests do, capturing what it prints. */
    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capturing = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capturing);
        System.setErr(capturing);
        try {
            int exitCode = EvalSheetWarehouseApplication.run(args);
            capturing.flush();
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * The output holds no stack frame, and its last line is a sentence for the operator: not a frame,
     * a cause or an exception's name.
     */
    private static void assertEndsPlainly(Run run) {
        assertThat(run.output()).doesNotContainPattern("(?m)^\\s+at [\\w.$<>/]+\\(");
        assertThat(run.lastLine()).as(run.output()).isNotBlank()
                .doesNotStartWith(" ")
                .doesNotStartWith("\t")
                .doesNotStartWith("Caused by")
                .doesNotMatch("^[\\w.$]+(Exception|Error)(:.*)?$");
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CrashMatrixIntegrationTests.class.getResource("/fixtures/policy/" + name).toURI());
    }
}
