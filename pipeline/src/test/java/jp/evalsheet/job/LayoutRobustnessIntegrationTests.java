package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.samples.StrategyTruth;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.support.Warehouse;
import jp.evalsheet.value.EraYearParser;

/**
 * The real job over the independent layouts of {@code fixtures/layouts/<family>/<layout>/<format>/}:
 * the same truth typed again from the printed reports by a different method than the sample
 * generators (a Python script over openpyxl, saved as .xls and CSV by LibreOffice; see the README
 * beside them), with cells moved, headers repeated, notes under tables, years over or under the
 * values, grades beside their legends. Each folder is one complete submission of its family, and
 * loads to exactly the truth tables' values without an error.
 *
 * <p>One run per family: each folder is copied into a municipality folder of its own
 * ({@code 13001X_<layout>-<format>}), so that one job loads them all and every check below reads one
 * municipality; the run must exit 0.
 */
class LayoutRobustnessIntegrationTests {

    private static final List<String> POLICY_YEARS = List.of("R2", "R3", "R4_forecast");
    private static final Map<String, Integer> POLICY_FISCAL_YEAR = Map.of("R2", 2020, "R3", 2021, "R4_forecast", 2022);

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicTest> shouldLoadEveryStrategyFigureFromLayoutsByAnotherHand() {
        return family("strategy", LayoutRobustnessIntegrationTests::strategy);
    }

    @TestFactory
    Stream<DynamicTest> shouldLoadEveryWelfareFigureFromLayoutsByAnotherHand() {
        return family("welfare", LayoutRobustnessIntegrationTests::welfare);
    }

    @TestFactory
    Stream<DynamicTest> shouldLoadEveryPolicyFigureFromLayoutsByAnotherHand() {
        return family("policy", LayoutRobustnessIntegrationTests::policy);
    }

    /** A layout loaded into the family's warehouse as municipality {@code code}. */
    private record Loaded(String layout, String code, Warehouse warehouse) {

        List<String> lines(String sql) {
            return warehouse.lines(sql.replace(":municipality", "'" + code + "'"));
        }
    }

    private interface Check {
        void verify(Loaded loaded);
    }

    /** Copies every layout of the family into one input folder, runs the job once, checks each layout. */
    private static Stream<DynamicTest> family(String family, Check check) {
        Path input = temp.resolve(family + "-input");
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Path> layout : layouts(family).entrySet()) {
            Municipality municipality = Municipality.of(String.format("13%03d", ++n), layout.getKey().replace('/', '-'));
            Warehouse.copyFolder(layout.getValue(), input.resolve(municipality.code() + "_" + municipality.name()));
            codes.put(layout.getKey(), municipality.code());
        }
        Warehouse warehouse = new Warehouse(temp.resolve(family + ".duckdb"));
        int exitCode = warehouse.ingest(input);
        Stream<DynamicTest> run = Stream.of(DynamicTest.dynamicTest(family + ": the run exits 0", () -> {
            assertThat(warehouse.lines("select source_file, sheet_name, cell, rule from etl_messages where severity = 'error' order by all"))
                    .isEmpty();
            assertThat(exitCode).isZero();
        }));
        return Stream.concat(run, codes.entrySet().stream().map(entry -> DynamicTest.dynamicTest(family + "/" + entry.getKey(),
                () -> {
                    Loaded loaded = new Loaded(family + "/" + entry.getKey(), entry.getValue(), warehouse);
                    assertThat(loaded.lines("""
                            select source_file, sheet_name, cell, rule, message from etl_messages
                            where severity = 'error' and municipality_code = :municipality order by all
                            """)).as(loaded.layout()).isEmpty();
                    check.verify(loaded);
                })));
    }

    private static void strategy(Loaded warehouse) {
        String layout = warehouse.layout();
        List<String> expected = StrategyTruth.allValues();
        assertThat(warehouse.lines("""
                select i.indicator_category, v.owner_code, v.indicator_no, i.indicator_name, i.unit, i.is_cumulative,
                    v.value_kind, v.fiscal_year, v.value, replace(v._raw_text, '―', '—')
                from fct_indicator_values as v
                inner join fct_indicators as i on i._sheet_load_id = v._sheet_load_id
                    and i.owner_code = v.owner_code and i.indicator_no = v.indicator_no
                inner join v_current_sheet_loads as l on l.sheet_load_id = v._sheet_load_id
                where v.plan_id = 'regional_strategy_2' and v.municipality_code = :municipality
                order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(expected);

        List<String> statuses = new ArrayList<>();
        TruthTable.load("strategy_numeric_target").rows().stream().filter(r -> !r.get("status").isEmpty())
                .forEach(r -> statuses.add("数値目標|" + r.get("basic_goal_no") + "|" + r.get("target_no") + "|" + r.get("status")));
        TruthTable.load("strategy_kpi").rows().forEach(r -> statuses.add("KPI|" + r.get("basic_goal_no") + "-"
                + r.get("measure_label") + "|" + r.get("kpi_no") + "|" + r.get("status")));
        assertThat(warehouse.lines("""
                select s.category, s.owner_code, s.indicator_no, s.status from fct_statuses as s
                inner join v_current_sheet_loads as l on l.sheet_load_id = s._sheet_load_id
                where s.municipality_code = :municipality order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(statuses);

        // the roll-up of the report's first page, from the views
        assertThat(warehouse.lines("""
                select category, status, status_count, total_count, share_percent::varchar from v_status_summary
                where plan = 'regional_strategy_2' and evaluation_fiscal_year = 2024 and municipality_code = :municipality
                order by category = 'KPI', sort_order
                """)).as(layout).containsExactly(
                        "数値目標|A|0|7|0.0", "数値目標|B|3|7|42.9", "数値目標|C|4|7|57.1",
                        "KPI|A|9|27|33.3", "KPI|B|11|27|40.8", "KPI|C|7|27|25.9");
        assertThat(warehouse.lines("""
                select category, achieved_count, total_count, achieved_share_percent::varchar from v_status_achievement_share
                where plan = 'regional_strategy_2' and municipality_code = :municipality order by category
                """)).as(layout).containsExactly("KPI|20|27|74.1", "数値目標|3|7|42.9");

        // the printed 総括 (every layout prints one, dated by its KPI sheets where it prints no year) is
        // stored as printed and agrees with the sheets
        List<String> truth = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("strategy_summary").rows()) {
            String category = row.get("category").startsWith("数値目標") ? "数値目標" : "KPI";
            truth.add(category + "|" + row.get("status") + "|" + (row.get("count").isEmpty() ? "null" : row.get("count"))
                    + "|" + new BigDecimal(row.get("percent_num")).setScale(1).toPlainString() + "|2024");
        }
        assertThat(warehouse.lines("""
                select category, status, printed_count, printed_share_percent::varchar, evaluation_fiscal_year
                from fct_printed_status_counts where municipality_code = :municipality order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(truth);
        assertThat(warehouse.lines("select rule, cell from v_data_quality_findings where rule = 'printed_summary_differs' and municipality_code = :municipality"))
                .as(layout).isEmpty();
    }

    private static void welfare(Loaded warehouse) {
        String layout = warehouse.layout();
        boolean csv = layout.endsWith("/csv");
        // every value as printed: with its sub-label (啓発 / 研修) for the two-row indicators. A CSV loses
        // merges: a milestone typed once over R3-R5 stands in R3 only, so there it may be missing where
        // the truth repeats it over a merge (and only there)
        Set<String> all = new LinkedHashSet<>();
        Set<String> printedOnce = new LinkedHashSet<>();
        for (Map<String, String> row : TruthTable.load("welfare_sheet").rows()) {
            String owner = row.get("policy_direction_no") + "-" + row.get("project_no");
            boolean inferred = row.get("year_assignment").startsWith("inferred");
            for (String kind : List.of("target", "actual")) {
                String previous = null;
                for (String year : List.of("R3", "R4", "R5", "R6", "R7")) {
                    String raw = row.getOrDefault(kind + "_" + year, "");
                    int fiscalYear = EraYearParser.parseFiscalYear(year).getAsInt();
                    for (String part : raw.isEmpty() ? new String[0] : raw.split(" / ")) {
                        String[] subAndValue = raw.contains(" / ") ? part.split(" ", 2) : new String[] {null, part};
                        String line = owner + "|" + subAndValue[0] + "|" + kind + "|" + fiscalYear + "|" + subAndValue[1];
                        all.add(line);
                        if (!(inferred && raw.equals(previous))) {
                            printedOnce.add(line);
                        }
                    }
                    previous = raw;
                }
            }
        }
        List<String> values = warehouse.lines("""
                select v.owner_code, v.sub_label, v.value_kind, v.fiscal_year,
                    trim(regexp_replace(v._raw_text, '^' || coalesce(v.sub_label, '') || '[\\s　]*', ''))
                from fct_indicator_values as v
                inner join v_current_sheet_loads as l on l.sheet_load_id = v._sheet_load_id
                where v.plan_id = 'welfare_plan_4' and v.municipality_code = :municipality
                order by all
                """);
        if (csv) {
            assertThat(all).as(layout).containsAll(values);
            assertThat(values).as(layout).containsAll(printedOnce);
        } else {
            assertThat(values).as(layout).containsExactlyInAnyOrderElementsOf(all);
        }
        List<String> grades = TruthTable.load("welfare_sheet").rows().stream()
                .map(r -> r.get("policy_direction_no") + "-" + r.get("project_no") + "|" + r.get("evaluation")).sorted().toList();
        assertThat(warehouse.lines("""
                select s.owner_code, s.status from fct_statuses as s
                inner join v_current_sheet_loads as l on l.sheet_load_id = s._sheet_load_id
                where s.category = '福祉事業評価' and s.municipality_code = :municipality order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(grades);
        List<String> overview = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("welfare_overview").rows()) {
            for (String[] year : new String[][] {{"grade_R3", "2021"}, {"grade_R4", "2022"}, {"grade_R5", "2023"}}) {
                if (!row.get(year[0]).isEmpty()) {
                    overview.add(row.get("policy_direction_no") + "-" + row.get("project_no") + "|" + year[1] + "|" + row.get(year[0]));
                }
            }
        }
        assertThat(warehouse.lines("""
                select owner_code, fiscal_year, grade from fct_overview_grades
                where grade is not null and municipality_code = :municipality order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(overview);
    }

    private static void policy(Loaded warehouse) {
        String layout = warehouse.layout();
        List<String> costs = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_project_cost").rows()) {
            for (String year : POLICY_YEARS) {
                String number = row.get("cost_" + year);
                costs.add(String.join("|", row.get("policy_code"), row.get("row_no"), row.get("project_name"),
                        row.get("relisted"), String.valueOf(POLICY_FISCAL_YEAR.get(year)),
                        number.isEmpty() ? "null" : number, row.get("cost_" + year + "_raw")));
            }
        }
        assertThat(warehouse.lines("""
                select policy_code, row_no, project_name, is_relisted, fiscal_year, cost_thousand_yen,
                    replace(_raw_text, '―', '—')
                from fct_project_costs where municipality_code = :municipality order by policy_code, row_no, fiscal_year
                """)).as(layout).containsExactlyElementsOf(costs);

        List<String> values = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_indicator").rows()) {
            String[][] columns = {{"actual_R2", "2020", "actual"}, {"actual_R3", "2021", "actual"},
                    {"forecast_R4", "2022", "forecast"}, {"target_R7", "2025", "target"}};
            for (String[] column : columns) {
                values.add(String.join("|", row.get("policy_code"), row.get("indicator_no"), column[1], column[2],
                        number(row.get(column[0] + "_num")), row.get(column[0])));
            }
        }
        assertThat(warehouse.lines("""
                select owner_code, indicator_no, fiscal_year, value_kind, value, replace(_raw_text, '―', '—')
                from fct_indicator_values where plan_id = 'comprehensive_plan' and municipality_code = :municipality
                order by owner_code, indicator_no, fiscal_year
                """)).as(layout).containsExactlyElementsOf(values);

        List<String> ratings = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_sheet").rows()) {
            ratings.add(row.get("policy_code") + "|necessity|" + row.get("necessity_rating"));
            ratings.add(row.get("policy_code") + "|progress|" + row.get("progress_rating"));
        }
        assertThat(warehouse.lines("select policy_code, rating_kind, rating from fct_policy_ratings where municipality_code = :municipality order by all"))
                .as(layout).containsExactlyInAnyOrderElementsOf(ratings);

        List<String> totals = new ArrayList<>();
        for (Map<String, String> row : TruthTable.load("policy_cost_total").rows()) {
            String kind = row.get("row_type").startsWith("計") ? "計" : "経年変化";
            for (String year : POLICY_YEARS) {
                totals.add(String.join("|", row.get("policy_code"), kind, String.valueOf(POLICY_FISCAL_YEAR.get(year)),
                        number(row.get(year + "_num"))));
            }
        }
        assertThat(warehouse.lines("""
                select policy_code, case total_kind when 'total' then '計' else '経年変化' end, fiscal_year, cost_thousand_yen
                from fct_policy_cost_totals where municipality_code = :municipality order by all
                """)).as(layout).containsExactlyInAnyOrderElementsOf(totals);
        assertThat(warehouse.lines("select rule, sheet_name, cell from v_data_quality_findings where rule like 'printed_%' and municipality_code = :municipality"))
                .as(layout).isEmpty();
    }

    /** Every folder {@code <layout>/<format>} of a family, by {@code <layout>/<format>}. */
    private static Map<String, Path> layouts(String family) {
        try {
            Path root = Path.of(LayoutRobustnessIntegrationTests.class.getResource("/fixtures/layouts/" + family).toURI());
            Map<String, Path> folders = new java.util.TreeMap<>();
            try (Stream<Path> layouts = Files.list(root)) {
                for (Path layout : layouts.filter(Files::isDirectory).toList()) {
                    try (Stream<Path> formats = Files.list(layout)) {
                        formats.filter(Files::isDirectory)
                                .forEach(format -> folders.put(layout.getFileName() + "/" + format.getFileName(), format));
                    }
                }
            }
            // at least ten layouts, each as .xlsx, .xls and CSV
            assertThat(folders).as("layouts of " + family).hasSizeGreaterThanOrEqualTo(30);
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(String value) {
        return StrategyTruth.number(value);
    }
}
