package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.samples.BadSubmissions;
import jp.evalsheet.samples.BadSubmissions.Case;
import jp.evalsheet.samples.BadSubmissions.Expected;
import jp.evalsheet.samples.BadSubmissions.Shown;
import jp.evalsheet.samples.BadSubmissions.Subject;
import jp.evalsheet.support.Warehouse;

/**
 * The corpus of {@link BadSubmissions} in one run: {@code input/} is loaded and published first, then
 * one run reads {@code input/} again next to every bad case. Each case must end with its outcome and
 * its messages (rule, sheet, cell, what was expected), its errors must be in
 * {@code v_data_quality_findings}, and what it would have replaced must stay published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {

    private static final long FIRST_RUN = 1;
    private static final long BAD_RUN = 2;

    /**
     * A subject's figures in the analysts' views, one query per view for every subject at once, without
     * the columns naming the file a figure came from: columns plan_id, subject_code, figure.
     */
    private static final List<String> FIGURES = List.of(
            "select 'comprehensive_plan', policy_code, cast(t as varchar) from v_policy_cost_trend as t",
            "select 'comprehensive_plan', policy_code, cast(t as varchar) "
                    + "from (select * exclude (_source_file, _sheet_name) from v_project_cost_trend) as t",
            "select plan_id, policy_code, cast(t as varchar) "
                    + "from (select * exclude (_sheet_load_id) from v_annual_policy_costs) as t",
            "select t.plan_id, t.subject_code, cast(t as varchar) from (select l.plan_id, l.subject_code, "
                    + "p.* exclude (_source_file, _sheet_name) from v_indicator_progress as p inner join v_current_sheet_loads "
                    + "as l on l.source_file = p._source_file and l.sheet_name = p._sheet_name) as t");

    /** Views no case may change (a resubmission that loads carries the published statuses and ratings). */
    private static final List<String> STABLE_VIEWS = List.of(
            "select * from v_status_summary order by all",
            "select * from v_status_achievement_share order by all",
            "select * from v_policy_rating_share order by all",
            "select * from v_grade_shares order by all",
            "select * exclude (_source_file, _sheet_name) from v_welfare_grade_trend order by all",
            "select * exclude (_source_file, _sheet_name) from v_indicator_progress order by all");

    /** One folder for the whole class: the runs of {@code @BeforeAll} are shared by every test. */
    private Path temp;

    private Warehouse warehouse;
    private List<Case> cases;
    private int badRunExitCode;
    private final Map<String, List<String>> viewsBefore = new HashMap<>();
    private final Map<String, List<String>> viewsAfter = new HashMap<>();
    private Map<Subject, List<String>> versionsBefore;
    private Map<Subject, List<String>> versionsAfter;
    private Map<Subject, List<String>> figuresBefore;
    private Map<Subject, List<String>> figuresAfter;
    /** What the run left in the log and the findings view, read once. */
    private List<Map<String, Object>> fileLoads;
    private List<Map<String, Object>> messages;
    private List<Map<String, Object>> findings;

    @BeforeAll
    void loadInputThenTheCorpus(@TempDir Path folderOfTheClass) throws Exception {
        temp = folderOfTheClass;
        Path gridFixtures = Path.of(getClass().getResource("/fixtures/grid/password-protected.xlsx").toURI()).getParent();
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        try (Reader reader = new Reader(warehouse)) {
            for (String view : STABLE_VIEWS) {
                viewsBefore.put(view, reader.lines(view));
            }
            versionsBefore = publishedVersions(reader);
            figuresBefore = figures(reader);
        }

        Path folder = Warehouse.copyFolder(Path.of("input"), temp.resolve("submissions"));
        cases = BadSubmissions.writeAll(Path.of("input"), gridFixtures, folder);
        badRunExitCode = warehouse.ingest(folder);

        try (Reader reader = new Reader(warehouse)) {
            for (String view : STABLE_VIEWS) {
                viewsAfter.put(view, reader.lines(view));
            }
            versionsAfter = publishedVersions(reader);
            figuresAfter = figures(reader);
            fileLoads = reader.query("select load_run_id, source_file, outcome, sheets_found, sheets_loaded, sheets_rejected "
                    + "from etl_file_loads order by all");
            messages = reader.query("select source_file, severity, rule, sheet_name, cell, message, raw_text "
                    + "from etl_messages where load_run_id = " + BAD_RUN + " order by all");
            findings = reader.query("select source_file, severity, rule, sheet_name, cell, message, raw_text, load_run_id "
                    + "from v_data_quality_findings order by all");
        }
    }

    Stream<Case> cases() {
        return cases.stream();
    }

    @Test
    void shouldHoldAtLeastThirtyTwoBadSubmissions() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(32);
        assertThat(cases).extracting(Case::file).doesNotHaveDuplicates();
    }

    @Test
    void shouldCompleteTheRunAndReportThatSomeInputWasRejected() {
        assertThat(badRunExitCode).isEqualTo(2);
        assertThat(warehouse.lines("select load_run_id, status from etl_load_runs order by 1"))
                .containsExactly("1|completed", "2|completed");
        long files = cases.stream().filter(c -> c.outcome() != null).count() + 16;
        assertThat(fileLoads).filteredOn(row -> row.get("load_run_id").equals(BAD_RUN)).hasSize((int) files);
    }

    @Test
    void shouldLeaveTheGoodFilesUnchanged() {
        assertThat(fileLoads).filteredOn(row -> row.get("load_run_id").equals(BAD_RUN))
                .filteredOn(row -> !((String) row.get("source_file")).startsWith("bad-"))
                .hasSize(16)
                .allSatisfy(row -> assertThat(row.get("outcome")).as((String) row.get("source_file")).isEqualTo("unchanged"));
        assertThat(messages).filteredOn(row -> !((String) row.get("source_file")).startsWith("bad-")).isEmpty();
        // every sheet that no case replaces is still the version of the first run
        List<Subject> replaced = cases.stream().flatMap(c -> c.replaces().stream()).toList();
        assertThat(versionsAfter).hasSize(64);
        versionsAfter.forEach((subject, version) -> {
            if (!replaced.contains(subject)) {
                assertThat(version).as(subject.toString()).isEqualTo(versionsBefore.get(subject));
            }
        });
    }

    @Test
    void shouldKeepTheStatusAndRatingSharesAsPublished() {
        for (String view : STABLE_VIEWS) {
            assertThat(viewsAfter.get(view)).as(view).isNotEmpty().isEqualTo(viewsBefore.get(view));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldEndWithTheExpectedOutcome(Case c) {
        List<Map<String, Object>> loads = fileLoads.stream().filter(row -> row.get("source_file").equals(c.file())).toList();
        if (c.outcome() == null) {
            assertThat(loads).as("an ignored file is not logged").isEmpty();
        } else {
            assertThat(loads).as(c.name()).singleElement().satisfies(row -> {
                assertThat(row.get("load_run_id")).isEqualTo(BAD_RUN);
                assertThat(row.get("outcome")).isEqualTo(c.outcome());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldLogExactlyTheExpectedMessagesSayingWhatWasExpected(Case c) {
        List<Map<String, Object>> logged = messages.stream().filter(row -> row.get("source_file").equals(c.file())).toList();
        List<Expected> expected = c.messages().stream().filter(m -> m.shown() != Shown.VIEW_ONLY).toList();
        assertThat(logged).extracting(BadInputIntegrationTests::key).as(c.name())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::key).toList());
        for (Expected message : expected) {
            Map<String, Object> row = logged.stream().filter(r -> key(r).equals(message.key())).findFirst().orElseThrow();
            assertThat((String) row.get("message")).as(message.key()).contains(message.says());
            if (message.rawText() != null) {
                assertThat(row.get("raw_text")).as(message.key()).isEqualTo(message.rawText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldShowItsErrorsAndTheWarningsOfLoadedSheetsInTheFindingsView(Case c) {
        List<Map<String, Object>> shown = findings.stream().filter(row -> row.get("source_file").equals(c.file())).toList();
        List<Expected> expected = c.messages();
        assertThat(shown).extracting(BadInputIntegrationTests::key).as(c.name())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::key).toList());
        for (Expected message : expected) {
            Map<String, Object> row = shown.stream().filter(r -> key(r).equals(message.key())).findFirst().orElseThrow();
            assertThat((String) row.get("message")).as(message.key()).contains(message.says());
            assertThat(((Number) row.get("load_run_id")).longValue()).isEqualTo(BAD_RUN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepThePublishedFiguresOfWhatItWouldHaveReplaced(Case c) {
        for (Subject subject : c.keeps()) {
            assertThat(versionsAfter.get(subject)).as(subject + " stays the version of the first run")
                    .isEqualTo(versionsBefore.get(subject)).singleElement().asString().endsWith("|1");
            assertThat(figuresAfter.get(subject)).as(subject.toString()).isNotEmpty().isEqualTo(figuresBefore.get(subject));
        }
        for (Subject subject : c.replaces()) {
            assertThat(versionsAfter.get(subject)).as(subject + " is replaced by the case").singleElement().asString()
                    .startsWith(c.file() + "|").endsWith("|2");
        }
    }

    @Test
    void shouldLoadTheCachedValueOfAFormula() {
        Case cached = byName("a formula with a cached value");
        List<String> costs = warehouse.lines("select project_name, fiscal_year, cost_thousand_yen, _cell, _raw_text "
                + "from fct_project_costs where _source_file = ? order by all", cached.file());
        List<String> published = warehouse.lines("select project_name, fiscal_year, cost_thousand_yen, _cell, _raw_text "
                + "from fct_project_costs where _source_file = ? and _sheet_name = '施策651' order by all",
                BadSubmissions.POLICY_PLANNING);
        assertThat(costs).isNotEmpty().isEqualTo(published);
        Subject policy = cached.replaces().get(0);
        assertThat(figuresAfter.get(policy)).isEqualTo(figuresBefore.get(policy));
    }

    @Test
    void shouldLoadNoCostForAFormulaWithoutItsCachedValue() {
        Case missing = byName("a formula whose cached value is missing");
        String cell = missing.messages().get(0).cell();
        assertThat(warehouse.lines("select cost_thousand_yen, _raw_text from fct_project_costs where _source_file = ? and _cell = ?",
                missing.file(), cell)).containsExactly("null|");
    }

    @Test
    void shouldLoadThePrintedTotalAsPrintedNextToTheProjectsThatDisagree() {
        Case total = byName("a printed 計 that differs from the sum of its projects");
        String cell = total.messages().get(0).cell();
        List<String> printed = warehouse.lines("select cost_thousand_yen from fct_policy_cost_totals where _source_file = ? "
                + "and _cell = ?", total.file(), cell);
        List<String> projects = warehouse.lines("select cost_thousand_yen from v_policy_cost_trend where policy_code = '612' "
                + "and fiscal_year = 2022");
        assertThat(printed).singleElement().satisfies(value ->
                assertThat(Long.parseLong(value)).isEqualTo(Long.parseLong(projects.get(0)) + 1000));
        Subject policy = total.replaces().get(0);
        assertThat(figuresAfter.get(policy)).isEqualTo(figuresBefore.get(policy));
    }

    @Test
    void shouldLoadTheVisibleSheetNextToAHiddenOne() {
        Case hidden = byName("a hidden sheet");
        assertThat(warehouse.lines("select sheet_name, status from etl_sheet_loads where source_file = ?", hidden.file()))
                .containsExactly("施策642|published");
        assertThat(warehouse.lines("select sheets_found, sheets_loaded, sheets_rejected from etl_file_loads where source_file = ?",
                hidden.file())).containsExactly("2|1|0");
    }

    @Test
    void shouldRejectASheetOfAnotherYearInARunOfOneFiscalYear() {
        // given its own warehouse and a run of FY2022 (R4)
        Path folder = temp.resolve("fiscal-year");
        Case c = BadSubmissions.writeFiscalYearMismatch(Path.of("input"), folder);
        Warehouse own = new Warehouse(temp.resolve("fiscal-year.duckdb"));

        // when
        int exitCode = EvalSheetWarehouseApplication.run("--input=" + folder, Warehouse.ASAKA, "--warehouse=" + own.file(),
                "--fiscal-year=R4", "--feedback=" + temp.resolve("fiscal-year-feedback"));

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(own.lines("select outcome from etl_file_loads where source_file = ?", c.file())).containsExactly(c.outcome());
        Expected expected = c.messages().get(0);
        assertThat(own.query("select * from v_data_quality_findings where source_file = ?", c.file())).singleElement()
                .satisfies(finding -> {
                    assertThat(key(finding)).isEqualTo(expected.key());
                    assertThat((String) finding.get("message")).contains(expected.says());
                });
        assertThat(own.count("select count(*) from v_current_sheet_loads")).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Case byName(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The sheet version the views read for each subject: its file, bytes, sheet and load run. */
    private static Map<Subject, List<String>> publishedVersions(Reader reader) throws SQLException {
        Map<Subject, List<String>> versions = new HashMap<>();
        for (Map<String, Object> row : reader.query("select plan_id, subject_code, source_file || '|' || source_sha256 "
                + "|| '|' || sheet_name || '|' || facts_loaded || '|' || load_run_id as version from v_current_sheet_loads")) {
            versions.computeIfAbsent(subject(row), s -> new ArrayList<>()).add((String) row.get("version"));
        }
        return versions;
    }

    /** Every subject's figures in the analysts' views (see {@link #FIGURES}), sorted. */
    private static Map<Subject, List<String>> figures(Reader reader) throws SQLException {
        Map<Subject, List<String>> figures = new HashMap<>();
        for (String sql : FIGURES) {
            for (Map<String, Object> row : reader.query("select * from (" + sql + ") as f(plan_id, subject_code, figure)")) {
                figures.computeIfAbsent(subject(row), s -> new ArrayList<>()).add((String) row.get("figure"));
            }
        }
        figures.values().forEach(java.util.Collections::sort);
        return figures;
    }

    /**
     * One read-only connection for the many reads of {@code @BeforeAll} ({@link Warehouse#query} opens
     * one per query, which costs a catalog load each time).
     */
    private static final class Reader implements AutoCloseable {

        private final Connection connection;

        Reader(Warehouse warehouse) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("duckdb.read_only", "true");
            connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse.file(), properties);
        }

        List<Map<String, Object>> query(String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }

        /** Each row as its values joined by {@code |}. */
        List<String> lines(String sql) throws SQLException {
            return query(sql).stream().map(row -> String.join("|", row.values().stream().map(String::valueOf).toList())).toList();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static Subject subject(Map<String, Object> row) {
        return new Subject((String) row.get("plan_id"), (String) row.get("subject_code"));
    }

    private static String key(Map<String, Object> row) {
        return row.get("severity") + "|" + row.get("rule") + "|" + row.get("sheet_name") + "|" + row.get("cell");
    }

}
