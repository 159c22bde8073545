package jp.evalsheet.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.samples.BadSubmissions;
import jp.evalsheet.samples.BadSubmissions.Case;
import jp.evalsheet.support.Warehouse;

/**
 * The Japanese texts in real runs: {@code input/} is loaded, then the corpus of {@link BadSubmissions}
 * next to it (and the sheet of another year in a run of one fiscal year); every rule those runs leave
 * in {@code etl_messages} and {@code v_data_quality_findings} must have a text in the catalogue, and
 * every feedback workbook must give each finding in Japanese, then in the run log's English. A run
 * with {@code --evalsheet.feedback.author=企画政策課} writes its comments by that section, whatever the
 * path that writes the workbook (.xlsx, .xls, CSV).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingTextsIntegrationTests {

    private static final long CORPUS_RUN = 2;
    private static final String AUTHOR = "企画政策課";
    /** Cases with a finding on a cell, one per format: their workbooks are made by each zip-level path. */
    private static final List<String> CASES_WITH_A_CELL = List.of("text in a cost cell",
            "an .xls with text in a cost cell", "a CP932 CSV with text in a cost cell");

    private Path temp;
    private Warehouse warehouse;
    private List<Case> cases;
    private Set<String> emitted;
    /** The findings of the corpus run, as the feedback step reads them. */
    private List<Map<String, Object>> findings;
    private List<Map<String, Object>> fileLoads;
    private Warehouse authorWarehouse;

    @BeforeAll
    void runTheJobOverInputAndTheCorpusOfBadSubmissions(@TempDir Path folderOfTheClass) throws Exception {
        temp = folderOfTheClass;
        Path gridFixtures = Path.of(getClass().getResource("/fixtures/grid/password-protected.xlsx").toURI()).getParent();
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Path corpus = Warehouse.copyFolder(Path.of("input"), temp.resolve("submissions"));
        cases = BadSubmissions.writeAll(Path.of("input"), gridFixtures, corpus);
        assertThat(warehouse.ingest(corpus)).isEqualTo(2);

        Warehouse oneYear = new Warehouse(temp.resolve("fiscal-year.duckdb"));
        BadSubmissions.writeFiscalYearMismatch(Path.of("input"), temp.resolve("fiscal-year"));
        assertThat(oneYear.ingest(temp.resolve("fiscal-year"), "--fiscal-year=R4")).isEqualTo(2);

        emitted = new TreeSet<>();
        for (Warehouse run : List.of(warehouse, oneYear)) {
            emitted.addAll(run.lines("select rule from etl_messages union select rule from v_data_quality_findings"));
        }
        findings = warehouse.query("""
                select source_file, sheet_name, cell, rule, message from etl_messages where load_run_id = ?
                union
                select source_file, sheet_name, cell, rule, message from v_data_quality_findings where load_run_id = ?
                """, CORPUS_RUN, CORPUS_RUN);
        // the workbooks the corpus run wrote (an unchanged file keeps the one of the first run)
        fileLoads = warehouse.query("select source_file, feedback_workbook from etl_file_loads "
                + "where load_run_id = ? and outcome <> 'unchanged' and feedback_workbook is not null order by source_file",
                CORPUS_RUN);

        Path some = Files.createDirectories(temp.resolve("some"));
        for (String name : CASES_WITH_A_CELL) {
            Files.copy(corpus.resolve(byName(name).file()), some.resolve(byName(name).file()));
        }
        authorWarehouse = new Warehouse(temp.resolve("author.duckdb"));
        assertThat(authorWarehouse.ingest(some, "--evalsheet.feedback.author=" + AUTHOR)).isEqualTo(2);
    }

    @Test
    void shouldHaveAJapaneseTextForEveryRuleTheJobEmits() {
        // the run log's rules and the cross-checks' rules are both there
        assertThat(emitted).contains("unreadable_file", "cost_not_a_number", "fiscal_year_mismatch", "partial_replacement",
                "printed_total_differs_from_projects", "same_indicator_different_targets");
        assertThat(FindingTexts.rules()).as("rules the job emitted without a Japanese text in " + FindingTexts.RESOURCE)
                .containsAll(emitted);
        // and the scan of the sources, which the unit tests hold the catalogue to, sees every one of them
        assertThat(RuleSources.emittedRules()).containsAll(emitted);
    }

    @Test
    void shouldKeepTheRunLogInEnglish() {
        List<String> messages = warehouse.lines("select message from etl_messages where load_run_id = ?", CORPUS_RUN);
        assertThat(messages).isNotEmpty();
        for (String text : FindingTexts.rules().stream().map(rule -> FindingTexts.japanese(rule).orElseThrow()).toList()) {
            assertThat(messages).noneMatch(message -> message.contains(text));
        }
        assertThat(messages).noneMatch(message -> message.contains(FindingTexts.GENERIC));
    }

    @Test
    void shouldGiveEveryFindingInJapaneseThenInTheEnglishOfTheRunLog() throws Exception {
        assertThat(fileLoads).hasSizeGreaterThan(30);
        for (Map<String, Object> load : fileLoads) {
            String file = (String) load.get("source_file");
            List<String> expected = findings.stream().filter(row -> row.get("source_file").equals(file))
                    .map(row -> row.get("sheet_name") + "|" + row.get("cell") + "|" + row.get("rule") + "|"
                            + FindingTexts.japanese((String) row.get("rule")).orElseThrow() + "\n" + row.get("message"))
                    .toList();
            try (XSSFWorkbook workbook = open(workbook(warehouse, load))) {
                Sheet list = workbook.getSheetAt(0);
                if (expected.isEmpty()) {
                    assertThat(text(list.getRow(FindingsLayout.FIRST_ITEM_ROW), 0)).as(file)
                            .isEqualTo(FindingsLayout.NO_FINDINGS);
                    continue;
                }
                List<String> shown = new ArrayList<>();
                for (int r = FindingsLayout.FIRST_ITEM_ROW; r <= list.getLastRowNum(); r++) {
                    Row row = list.getRow(r);
                    shown.add(text(row, 1) + "|" + text(row, 2) + "|" + text(row, 5) + "|" + text(row, 3));
                }
                assertThat(shown).as(file).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void shouldCommentACellInJapaneseThenEnglishByThePlanningOfficeByDefault() throws Exception {
        // given the case of a text typed in a cost cell, and what the run log says of that cell
        Case textCost = byName("text in a cost cell");
        String cell = textCost.messages().get(0).cell();
        Map<String, Object> load = fileLoads.stream().filter(row -> row.get("source_file").equals(textCost.file()))
                .findFirst().orElseThrow();
        String english = (String) findings.stream()
                .filter(row -> row.get("source_file").equals(textCost.file()) && cell.equals(row.get("cell")))
                .findFirst().orElseThrow().get("message");

        // then its comment says it in Japanese, then in that English
        try (XSSFWorkbook workbook = open(workbook(warehouse, load))) {
            Comment comment = workbook.getSheet("施策611").getCellComment(new CellAddress(cell));

            assertThat(comment.getAuthor()).isEqualTo("政策企画課");
            assertThat(comment.getString().getString()).isEqualTo("政策企画課:\n[エラー Error] "
                    + FindingTexts.japanese("cost_not_a_number").orElseThrow() + "\n" + english
                    + " (記入内容 found: \"約5千\")");
        }
        // and every comment of the run is the planning office's
        int comments = 0;
        for (Map<String, Object> each : fileLoads) {
            for (String[] other : comments(workbook(warehouse, each))) {
                assertThat(other[0]).isEqualTo("政策企画課");
                assertThat(other[1]).startsWith("政策企画課:\n[");
                comments++;
            }
        }
        assertThat(comments).isGreaterThan(10);
    }

    @Test
    void shouldWriteTheCommentsByTheAuthorTheRunNames() throws Exception {
        List<Map<String, Object>> loads = authorWarehouse.query(
                "select source_file, feedback_workbook from etl_file_loads order by source_file");
        assertThat(loads).extracting(row -> row.get("source_file"))
                .containsExactlyInAnyOrderElementsOf(CASES_WITH_A_CELL.stream().map(name -> byName(name).file()).toList());
        for (Map<String, Object> load : loads) {
            List<String[]> comments = comments(workbook(authorWarehouse, load));

            assertThat(comments).as((String) load.get("source_file")).isNotEmpty().allSatisfy(comment -> {
                assertThat(comment[0]).isEqualTo(AUTHOR);
                assertThat(comment[1]).startsWith(AUTHOR + ":\n[");
            });
            assertThat(comments).as((String) load.get("source_file")).anySatisfy(comment -> assertThat(comment[1])
                    .contains("[エラー Error] " + FindingTexts.japanese("cost_not_a_number").orElseThrow()
                            + "\nexpected a cost in thousand yen"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private Case byName(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The workbook of a row of {@code etl_file_loads}, in the feedback folder of its warehouse. */
    private static Path workbook(Warehouse warehouse, Map<String, Object> load) {
        Path parent = Path.of((String) load.get("source_file")).getParent();
        Path folder = parent == null ? warehouse.feedbackDir() : warehouse.feedbackDir().resolve(parent);
        return folder.resolve((String) load.get("feedback_workbook"));
    }

    private static XSSFWorkbook open(Path workbook) throws Exception {
        try (InputStream in = Files.newInputStream(workbook)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Every cell comment of the copied sheets (the findings sheet has none), as its author and text. */
    private static List<String[]> comments(Path file) throws Exception {
        List<String[]> comments = new ArrayList<>();
        try (XSSFWorkbook workbook = open(file)) {
            for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
                for (Comment comment : workbook.getSheetAt(s).getCellComments().values()) {
                    comments.add(new String[] {comment.getAuthor(), comment.getString().getString()});
                }
            }
        }
        return comments;
    }

    private static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
    }
}
