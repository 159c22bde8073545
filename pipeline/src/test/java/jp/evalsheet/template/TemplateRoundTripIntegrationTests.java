package jp.evalsheet.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;
import jp.evalsheet.template.TemplateFiller.Kind;
import jp.evalsheet.template.TemplateFiller.Typed;

/**
 * The templates of the next round, filled in and loaded back by the real job: for each family, the
 * forms pre-filled from 朝霞市's published sheets ({@code input/}: 施策評価シート of R4, 地域福祉計画 of
 * R5, 総合戦略 of R6) and the blank forms get a value in every cell a department may type in (of
 * the kind the cell's validation asks for), and the warehouse then holds exactly the values typed,
 * found by their file, sheet and cell, and the pre-filled figures as they were published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateRoundTripIntegrationTests {

    /** Labels of cells a form prints for the department's own use, which no reader stores. */
    private static final Set<String> NOT_STORED = Set.of("部局名", "係名");

    private Path temp;
    private Warehouse published;

    @BeforeAll
    void loadInput(@TempDir Path folder) {
        temp = folder;
        published = new Warehouse(temp.resolve("published.duckdb"));
        assertThat(published.ingest(Path.of("input"))).isZero();
    }

    @Test
    void shouldLoadFilledPolicyTemplatesAsTyped() throws Exception {
        RoundTrip trip = roundTrip("policy", "_施策評価シート_", "--prefill-from=R4", typed -> null);
        assertThat(trip.output()).contains("Templates for R5 (令和5年度)", "R5_施策評価シート_人権庶務課.xlsx", "4 policies");
        assertThat(trip.loaded().count("select count(*) from fct_policy_evaluations")).isEqualTo(14);
        // R4's actual and R5's forecast of 16 indicators, the costs of R4 and R5 of every project not listed again
        // (R3's is filled in) and every cost of the empty rows, directions, ratings and narratives
        assertThat(kinds(trip)).isEqualTo("{CHOICE:今後の方向性=45, CHOICE:必要性=14, CHOICE:進捗状況=14, NUMBER=32, TEXT=171, "
                + "THOUSAND_YEN=277}");
        // the figures filled in from R4: the targets, and R3's actual and settled cost (two years before R5)
        assertThat(values(trip.loaded(), "comprehensive_plan", "'target'", 2025))
                .isEqualTo(values(published, "comprehensive_plan", "'target'", 2025)).isNotEmpty();
        assertThat(values(trip.loaded(), "comprehensive_plan", "'actual'", 2021))
                .isEqualTo(values(published, "comprehensive_plan", "'actual'", 2021)).isNotEmpty();
        String settled = "select policy_code, row_no, project_name, cost_thousand_yen, value_status from fct_project_costs "
                + "where fiscal_year = 2021 and row_no <= (select count(*) from fct_policy_projects p where p.policy_code = "
                + "fct_project_costs.policy_code and p.project_name not like '記入テスト%') order by all";
        assertThat(trip.loaded().lines(settled)).isEqualTo(published.lines(settled)).isNotEmpty();
        assertThat(trip.loaded().lines("select policy_code, policy_name, department_name from fct_policy_evaluations order by all"))
                .isEqualTo(published.lines("select policy_code, policy_name, department_name from fct_policy_evaluations order by all"));
        assertTyped(trip);
    }

    @Test
    void shouldLoadFilledWelfareTemplatesAsTyped() throws Exception {
        RoundTrip trip = roundTrip("welfare", "_地域福祉計画評価シート_", "--prefill-from=R5", typed -> null);
        assertThat(trip.output()).contains("Templates for R6 (令和6年度)", "R6_地域福祉計画評価シート_地域福祉推進課.xlsx", "29 projects");
        assertThat(trip.loaded().count("select count(*) from fct_plan_items where plan_id = 'welfare_plan_4'")).isEqualTo(45);
        // R6's actual of 45 projects (48 rows: three count two sub-labels), their grades and narratives
        assertThat(kinds(trip)).isEqualTo("{CHOICE:評価=45, FIGURE=48, TEXT=360}");
        String plan = "select owner_code, item_name, basic_goal_no, basic_goal_name, direction_no, direction_name, department_name "
                + "from fct_plan_items where plan_id = 'welfare_plan_4' order by all";
        assertThat(trip.loaded().lines(plan)).isEqualTo(published.lines(plan));
        assertThat(welfareValues(trip.loaded(), "target", 2025)).isEqualTo(welfareValues(published, "target", 2025)).isNotEmpty();
        assertThat(welfareValues(trip.loaded(), "actual", 2023)).isEqualTo(welfareValues(published, "actual", 2023)).isNotEmpty();
        assertTyped(trip);
    }

    @Test
    void shouldLoadFilledStrategyTemplatesAsTyped() throws Exception {
        // a qualitative KPI (全項目 every year) is reported in words again, as the department would
        RoundTrip trip = roundTrip("strategy", "_総合戦略効果検証_", "--prefill-from=R6",
                typed -> typed.row().contains("全項目") && typed.kind() == Kind.NUMBER ? "全項目" : null);
        assertThat(trip.output()).contains("Templates for R7 (令和7年度)", "R7_総合戦略効果検証_基本目標1.xlsx",
                "2 数値目標, 3 measures, 7 KPIs");
        // R7's actual of 8 数値目標 and 27 KPIs (one in words), their statuses and narratives
        assertThat(kinds(trip)).isEqualTo("{CHOICE:評価=35, NUMBER=34, TEXT=41}");
        String indicators = "select indicator_category, owner_code, indicator_no, indicator_name, unit, department_name "
                + "from fct_indicators where plan_id = 'regional_strategy_2' order by all";
        assertThat(trip.loaded().lines(indicators)).isEqualTo(published.lines(indicators)).hasSize(35);
        String known = "select owner_code, indicator_no, value_kind, fiscal_year, value, value_status from fct_indicator_values "
                + "where plan_id = 'regional_strategy_2' and (fiscal_year <= 2024 or value_kind = 'target') order by all";
        assertThat(trip.loaded().lines(known)).isEqualTo(published.lines(known)).isNotEmpty();
        assertTyped(trip);
    }

    @Test
    void shouldWriteBlankFormsThatLoadAsTyped() throws Exception {
        Map<String, Object> fields = Map.of("施策番号", "711", "基本目標の番号と名称", "２　思いやりと支え合いの心づくり",
                "施策の方向性の番号と名称", "（７）地域福祉に関する理解と参加の促進", "事業名の番号と名称", "④手話体験・要約筆記体験の実施");
        RoundTrip trip = roundTrip("blank", "_", "--fiscal-year=R7", typed -> fields.get(typed.prompt()));
        assertThat(trip.output()).contains("R7_施策評価シート_様式.xlsx", "R7_総合戦略効果検証_様式.xlsx",
                "R7_地域福祉計画評価シート_様式.xlsx");
        assertThat(trip.loaded().lines("select sheet_family, status from etl_sheet_loads order by all"))
                .containsExactly("policy_evaluation|published", "strategy_kpi|published", "welfare_progress|published");
        assertThat(kinds(trip)).isEqualTo("{CHOICE:今後の方向性=7, CHOICE:基本目標=1, CHOICE:必要性=1, CHOICE:策定当初の年度=3, "
                + "CHOICE:評価=13, CHOICE:進捗状況=1, FIGURE=10, NUMBER=104, TEXT=90, THOUSAND_YEN=21}");
        assertTyped(trip);
    }

    @Test
    void shouldWriteNothingForAYearWithNothingPublished() throws Exception {
        Path forms = temp.resolve("r3-forms");
        int[] exitCode = new int[1];
        String output = capture(() -> exitCode[0] = EvalSheetWarehouseApplication.run("--templates=" + forms,
                "--warehouse=" + published.file(), "--prefill-from=R3"));
        assertThat(exitCode[0]).isEqualTo(1);
        assertThat(output).isEqualTo("Refused: the warehouse holds no current sheets of R3 for 112275 (--prefill-from names the "
                + "evaluation year of the sheets to start from). No template was written.\n");
        try (var files = Files.list(forms)) {
            assertThat(files).isEmpty();
        }
        String missing = capture(() -> exitCode[0] = EvalSheetWarehouseApplication.run("--templates=" + forms,
                "--warehouse=" + temp.resolve("none.duckdb"), "--prefill-from=R5"));
        assertThat(exitCode[0]).isEqualTo(1);
        assertThat(missing).startsWith("Refused: --prefill-from reads the published warehouse, and ").endsWith(" does not exist. "
                + "No template was written.\n");
    }

    /** How many cells of each kind were typed ({@code CHOICE:評価} for a list, by its prompt). */
    private static String kinds(RoundTrip trip) {
        return trip.typed().stream().collect(java.util.stream.Collectors.groupingBy(
                typed -> typed.kind() + (typed.kind() == Kind.CHOICE ? ":" + typed.prompt() : ""), java.util.TreeMap::new,
                java.util.stream.Collectors.counting())).toString();
    }

    /** The template command's output, what was typed, and the warehouse the filled forms were loaded into. */
    private record RoundTrip(String output, List<Typed> typed, Warehouse loaded, int exitCode, String loadOutput) {
    }

    /** Writes the templates, keeps those whose file name contains {@code family}, fills them in and loads them. */
    private RoundTrip roundTrip(String name, String family, String option, Function<Typed, Object> override) throws Exception {
        Path forms = temp.resolve(name + "-forms");
        String output = capture(() -> EvalSheetWarehouseApplication.run("--templates=" + forms,
                "--warehouse=" + published.file(), option));
        assertThat(output).doesNotContain("Refused", "FAILED");
        try (var files = Files.list(forms)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
                if (!file.getFileName().toString().contains(family)) {
                    Files.delete(file); // the blank form of a family with nothing published that year
                }
            }
        }
        try (var files = Files.list(forms)) {
            for (Path file : files.toList()) {
                try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
                    workbook.forEach(sheet -> assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).isSheetLocked())
                            .as(file + " " + sheet.getSheetName() + " is protected").isTrue());
                }
            }
        }
        List<Typed> typed = new TemplateFiller(override).fill(forms);
        Warehouse loaded = new Warehouse(temp.resolve(name + "-loaded.duckdb"));
        int[] exitCode = new int[1];
        String loadOutput = capture(() -> exitCode[0] = loaded.ingest(forms));
        assertThat(exitCode[0]).as(loadOutput).isZero();
        assertThat(loaded.count("select count(*) from etl_sheet_loads where status <> 'published'")).as(loadOutput).isZero();
        return new RoundTrip(output, typed, loaded, exitCode[0], loadOutput);
    }

    /** Every value typed is in the warehouse, at its file, sheet and cell. */
    private void assertTyped(RoundTrip trip) {
        Warehouse loaded = trip.loaded();
        Map<String, List<Object>> figures = new HashMap<>();
        for (Map<String, Object> row : loaded.query("select _source_file, _sheet_name, _cell, value, value_unit from fct_indicator_values "
                + "union all select _source_file, _sheet_name, _cell, cost_thousand_yen, null from fct_project_costs")) {
            figures.put(key(row), java.util.Arrays.asList(row.get("value"), row.get("value_unit")));
        }
        Map<String, List<Object>> statuses = new HashMap<>();
        for (Map<String, Object> row : loaded.query("select _source_file, _sheet_name, _cell, status, status_label from fct_statuses "
                + "union all select _source_file, _sheet_name, _cell, cast(rating as varchar), rating_label from fct_policy_ratings")) {
            statuses.put(key(row), java.util.Arrays.asList(row.get("status"), row.get("status_label")));
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Typed typed : trip.typed()) {
            String where = typed.file() + " " + typed.sheet() + "!" + typed.cell() + " (" + typed.label() + ")";
            switch (typed.kind()) {
                case NUMBER, THOUSAND_YEN -> {
                    List<Object> found = figures.get(typed.file() + "|" + typed.sheet() + "|" + typed.cell());
                    if (found == null || ((BigDecimal) found.get(0)).compareTo((BigDecimal) typed.value()) != 0) {
                        problems.add(where + ": typed " + typed.value() + ", loaded " + found);
                    }
                }
                case FIGURE -> {
                    List<Object> found = figures.get(typed.file() + "|" + typed.sheet() + "|" + typed.cell());
                    String text = (String) typed.value();
                    BigDecimal number = new BigDecimal(text.replaceAll("\\D", ""));
                    if (found == null || found.get(0) == null || ((BigDecimal) found.get(0)).compareTo(number) != 0
                            || !"件".equals(found.get(1))) {
                        problems.add(where + ": typed " + text + ", loaded " + found);
                    }
                }
                case CHOICE -> checkChoice(loaded, typed, statuses, where).ifPresent(problems::add);
                case TEXT -> {
                    if (NOT_STORED.contains(typed.label())) {
                        continue;
                    }
                    // a numbered heading (２　…, （７）…) is stored as its number and its name
                    String name = typed.value().toString().replaceFirst("^([０-９0-9]+\u3000|（[０-９0-9]+）)", "");
                    if (!textOf(loaded, typed.file(), typed.sheet()).contains(name)) {
                        problems.add(where + ": typed " + typed.value() + ", found in no fact of the sheet");
                    }
                }
            }
            checked++;
        }
        assertThat(problems).as(trip.loadOutput()).isEmpty();
        assertThat(checked).isGreaterThan(10);
        assertThat(trip.typed()).extracting(Typed::kind).contains(Kind.CHOICE, Kind.TEXT);
    }

    private java.util.Optional<String> checkChoice(Warehouse loaded, Typed typed, Map<String, List<Object>> statuses,
            String where) {
        String value = typed.value().toString();
        List<Object> found = statuses.get(typed.file() + "|" + typed.sheet() + "|" + typed.cell());
        switch (typed.prompt()) {
            case "評価" -> {
                String letter = value.substring(0, 1);
                String label = value.substring(2);
                return found != null && letter.equals(found.get(0)) && label.equals(found.get(1)) ? java.util.Optional.empty()
                        : java.util.Optional.of(where + ": chose " + value + ", loaded " + found);
            }
            case "進捗状況", "必要性" -> {
                int step = value.codePoints().filter(c -> c >= '①' && c <= '④').map(c -> c - '①' + 1).findFirst().orElseThrow();
                String label = value.substring(value.indexOf('…') + 1).strip();
                return found != null && String.valueOf(step).equals(found.get(0)) && label.equals(found.get(1))
                        ? java.util.Optional.empty() : java.util.Optional.of(where + ": chose " + value + ", loaded " + found);
            }
            case "今後の方向性" -> {
                int row = Integer.parseInt(typed.cell().replaceAll("\\D", ""));
                List<String> directions = loaded.lines("select direction from fct_policy_projects where _source_file = ? "
                        + "and _sheet_name = ? and cast(regexp_extract(_cell, '\\d+') as integer) = ?", typed.file(), typed.sheet(), row);
                return directions.equals(List.of(value)) ? java.util.Optional.empty()
                        : java.util.Optional.of(where + ": chose " + value + ", loaded " + directions);
            }
            default -> {
                // a heading chosen from a list (基本目標1, （H28）): it is read as the goal or the year of its row
                return textOf(loaded, typed.file(), typed.sheet()).contains(value.replaceAll("[（）]", ""))
                        || !loaded.lines("select 1 from fct_indicator_values where _source_file = ? and _sheet_name = ? and "
                                + "value_kind = 'baseline' and fiscal_year = ?", typed.file(), typed.sheet(),
                                jp.evalsheet.value.EraYearParser.parseFiscalYear(value).orElse(0)).isEmpty()
                        ? java.util.Optional.empty() : java.util.Optional.of(where + ": chose " + value + ", found nowhere");
            }
        }
    }

    /** Every text of every fact loaded from a file's sheet, joined, by warehouse: read once per warehouse. */
    private final Map<Path, Map<String, String>> texts = new HashMap<>();

    private String textOf(Warehouse loaded, String file, String sheet) {
        return texts.computeIfAbsent(loaded.file(), key -> {
            Map<String, StringBuilder> bySheet = new HashMap<>();
            for (String table : loaded.lines("select table_name from information_schema.tables where table_name like 'fct\\_%' "
                    + "escape '\\' and table_type = 'BASE TABLE'")) {
                for (Map<String, Object> row : loaded.query("select * from " + table)) {
                    StringBuilder text = bySheet.computeIfAbsent(row.get("_source_file") + "|" + row.get("_sheet_name"),
                            name -> new StringBuilder());
                    row.values().forEach(value -> text.append(value).append('\n'));
                }
            }
            Map<String, String> joined = new HashMap<>();
            bySheet.forEach((name, text) -> joined.put(name, text.toString()));
            return joined;
        }).getOrDefault(file + "|" + sheet, "");
    }

    private static List<String> values(Warehouse warehouse, String plan, String kind, int fiscalYear) {
        return warehouse.lines("select owner_code, indicator_no, value, value_status from fct_indicator_values where plan_id = ? "
                + "and value_kind = " + kind + " and fiscal_year = ? order by all", plan, fiscalYear);
    }

    private static List<String> welfareValues(Warehouse warehouse, String kind, int upTo) {
        return warehouse.lines("select owner_code, fiscal_year, sub_label, value, value_unit, value_status from fct_indicator_values "
                + "where plan_id = 'welfare_plan_4' and value_kind = ? and fiscal_year <= ? order by all", kind, upTo);
    }

    private static String key(Map<String, Object> row) {
        return row.get("_source_file") + "|" + row.get("_sheet_name") + "|" + row.get("_cell");
    }

    private interface Command {
        void run() throws Exception;
    }

    private static String capture(Command command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            command.run();
            return captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }
}
