package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * The rules of the analysts' views on small, made-up facts in a real warehouse (migrated by the
 * real job over an empty folder): progress toward a target for indicators that go up and down, zero
 * denominators, missing values and cumulative indicators; and shares rounded to add up to 100.0.
 */
class ViewRulesIntegrationTests {

    @TempDir
    Path temp;

    Warehouse warehouse;
    int nextSheetLoad = 1000;

    @BeforeEach
    void createAnEmptyWarehouse() throws Exception {
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Files.createDirectory(temp.resolve("empty")))).isZero();
    }

    @Test
    void shouldMeasureProgressFromTheBaselineInEitherDirection() {
        // given
        indicator("up", false, "baseline 2019 10", "actual 2020 15", "target 2025 20");
        indicator("down", false, "baseline 2019 44", "actual 2020 11", "target 2025 0");
        indicator("negative", false, "baseline 2019 -84", "actual 2020 -32", "target 2025 0");
        indicator("overshoot", false, "baseline 2019 10", "actual 2020 25", "target 2025 20");
        indicator("backwards", false, "baseline 2019 10", "actual 2020 5", "target 2025 20");

        // then
        assertThat(progress()).containsExactly(
                "backwards|2020|5|10|20|0.25|-0.5",
                "down|2020|11|44|0|null|0.75",
                "negative|2020|-32|-84|0|null|0.619",
                "overshoot|2020|25|10|20|1.25|1.5",
                "up|2020|15|10|20|0.75|0.5");
    }

    @Test
    void shouldGiveAZeroValueARatioOfZeroNeverANegativeZero() {
        // given a value of 0 against a negative target (a balance reported as a loss), and at the baseline
        indicator("loss", false, "actual 2020 0", "target 2025 -6.8");
        indicator("still", false, "baseline 2019 5", "actual 2020 5", "target 2025 1");

        // then: DuckDB divides 0 by a negative number into -0.0, which a BI tool prints as "-0"
        assertThat(warehouse.lines("""
                select owner_code, cast(achievement_ratio as varchar), cast(progress_ratio as varchar),
                    cast(directed_progress_ratio as varchar)
                from v_indicator_progress where value_kind = 'actual' order by owner_code
                """)).containsExactly("loss|0.0|null|null", "still|5.0|0.0|0.0");
    }

    @Test
    void shouldTellTheDirectionFromTheBaselineAndTheFinalTargetAndMeasureProgressInIt() {
        // given indicators that go down (a target under half the baseline), up, and up with a lowered target
        indicator("down", false, "baseline 2019 44", "actual 2020 11", "target 2025 0");
        indicator("half", false, "baseline 2019 10", "actual 2020 4", "target 2025 5");
        indicator("lowered", false, "baseline 2019 100", "actual 2020 80", "actual 2021 95", "target 2025 90");
        indicator("negative", false, "baseline 2019 -84", "actual 2020 -32", "target 2025 0");
        indicator("no-baseline", false, "actual 2020 30", "target 2025 60");
        indicator("numeric-target", false, "baseline 2019 100", "actual 2024 30", "target 2024 40", "target 2025 -");
        indicator("up", false, "baseline 2019 10", "actual 2020 25", "target 2025 20");

        // then progress_ratio reads the lowered target's fall as progress, directed_progress_ratio as a fall
        assertThat(warehouse.lines("""
                select owner_code, fiscal_year, round(progress_ratio, 4), higher_is_better, round(directed_progress_ratio, 4),
                    is_target_met
                from v_indicator_progress order by owner_code, fiscal_year
                """)).containsExactly(
                        "down|2020|0.75|false|0.75|false",
                        "half|2020|1.2|true|-1.2|false",
                        "lowered|2020|2.0|true|-2.0|false",
                        "lowered|2021|0.5|true|-0.5|true",
                        "negative|2020|0.619|true|0.619|false",
                        "no-baseline|2020|null|null|null|null",
                        "numeric-target|2024|1.1667|false|1.1667|true",
                        "up|2020|1.5|true|1.5|true");
    }

    @Test
    void shouldGiveNullNotAnErrorWhenADenominatorIsZeroOrANumberIsMissing() {
        // given
        indicator("flat", false, "baseline 2019 100", "actual 2020 95", "target 2025 100");
        indicator("no-baseline", false, "actual 2020 30", "target 2025 60");
        indicator("no-number", false, "baseline 2019 1", "actual 2020 -", "target 2025 2");
        indicator("no-target", false, "baseline 2019 1", "actual 2020 3");
        indicator("zero-target", false, "actual 2020 3", "target 2025 0");

        // then
        assertThat(progress()).containsExactly(
                "flat|2020|95|100|100|0.95|null",
                "no-baseline|2020|30|null|60|0.5|null",
                "no-number|2020|null|1|2|null|null",
                "no-target|2020|3|1|null|null|null",
                "zero-target|2020|3|null|0|null|null");
        assertThat(warehouse.lines("select value_text from v_indicator_progress where owner_code = 'no-number'"))
                .containsExactly("-");
    }

    @Test
    void shouldMeasureCumulativeIndicatorsOnTheirRunningTotalAndPreferActualsAndYearTargets() {
        // given a cumulative indicator, and one with a target for every year and a forecast
        indicator("cumulative", true, "baseline 2019 0", "actual 2020 1", "actual 2021 3", "actual 2024 9", "target 2025 3");
        indicator("yearly", false, "target 2021 80", "target 2022 90", "target 2025 100", "actual 2021 82",
                "forecast 2022 85");

        // then
        assertThat(warehouse.lines("""
                select owner_code, fiscal_year, value_kind, value, target_value, target_fiscal_year,
                    round(achievement_ratio, 4), round(progress_ratio, 4), is_cumulative
                from v_indicator_progress order by owner_code, fiscal_year
                """)).containsExactly(
                        "cumulative|2020|actual|1|3|2025|0.3333|0.3333|true",
                        "cumulative|2021|actual|3|3|2025|1.0|1.0|true",
                        "cumulative|2024|actual|9|3|2025|3.0|3.0|true",
                        "yearly|2021|actual|82|80|2021|1.025|null|false",
                        "yearly|2022|forecast|85|90|2022|0.9444|null|false");
    }

    @Test
    void shouldRoundSharesSoThatTheyAddUpToExactlyOneHundred() {
        // given
        statuses("KPI", "A", 9, "B", 11, "C", 7);
        statuses("数値目標", "B", 3, "C", 4);
        statuses("福祉事業評価", "A", 1, "B", 1, "C", 1);

        // then
        assertThat(warehouse.lines("""
                select category, status, status_count, total_count, share_percent::varchar from v_status_summary
                where plan = 'regional_strategy_2' or plan = 'welfare_plan_4' order by category, sort_order
                """)).containsExactly(
                        "KPI|A|9|27|33.3", "KPI|B|11|27|40.8", "KPI|C|7|27|25.9",
                        "数値目標|A|0|7|0.0", "数値目標|B|3|7|42.9", "数値目標|C|4|7|57.1",
                        "福祉事業評価|A|1|3|33.4", "福祉事業評価|B|1|3|33.3", "福祉事業評価|C|1|3|33.3");
        assertThat(warehouse.lines("""
                select category, sum(share_percent) from v_grade_shares group by all order by all
                """)).containsExactly("KPI|100", "数値目標|100", "福祉事業評価|100");
    }

    private List<String> progress() {
        return warehouse.lines("""
                select owner_code, fiscal_year, value, baseline_value, target_value,
                    round(achievement_ratio, 4), round(progress_ratio, 4)
                from v_indicator_progress order by owner_code, fiscal_year
                """);
    }

    /** An indicator of the strategy plan with values written as {@code kind year value}. */
    private void indicator(String owner, boolean cumulative, String... values) {
        int sheetLoad = sheetLoad(owner);
        List<String> statements = new ArrayList<>();
        statements.add("insert into fct_indicators values ('regional_strategy_2', 'KPI', '" + owner + "', 1, '" + owner
                + "', '件', '" + owner + "', null, null, null, " + cumulative + ", 2024" + lineage(sheetLoad, "B2", owner) + ")");
        for (String value : values) {
            String[] parts = value.split(" ");
            boolean number = !parts[2].equals("-");
            statements.add("insert into fct_indicator_values values ('regional_strategy_2', '" + owner + "', 1, " + parts[1]
                    + ", '" + parts[0] + "', null, " + (number ? parts[2] : "null") + ", '件', '"
                    + (number ? "number" : "not_applicable") + "', false, 2024" + lineage(sheetLoad, "C3", parts[2]) + ")");
        }
        statements.addAll(Marts.refreshStatements()); // as a publish does
        warehouse.execute(String.join(";\n", statements));
    }

    /** Statuses of one category: pairs of status and how many items got it. */
    private void statuses(String category, Object... counts) {
        String plan = category.equals("福祉事業評価") ? "welfare_plan_4" : "regional_strategy_2";
        List<String> statements = new ArrayList<>();
        int item = 0;
        for (int i = 0; i < counts.length; i += 2) {
            for (int n = 0; n < (Integer) counts[i + 1]; n++) {
                int sheetLoad = sheetLoad(category + item);
                statements.add("insert into fct_statuses values ('" + plan + "', '" + category + "', 'item" + item++
                        + "', 1, 2024, '" + counts[i] + "', null" + lineage(sheetLoad, "K7", (String) counts[i]) + ")");
            }
        }
        statements.addAll(Marts.refreshStatements()); // as a publish does
        warehouse.execute(String.join(";\n", statements));
    }

    private int sheetLoad(String subject) {
        int id = nextSheetLoad++;
        warehouse.execute("insert into etl_sheet_loads values (" + id + ", 1, 'made-up.xlsx', 'sha', 'sheet', 'test', "
                + "'regional_strategy_2', '" + subject + "', 2024, null, 1, 'published', null, now(), '112275', '朝霞市')");
        return id;
    }

    private static String lineage(int sheetLoad, String cell, String raw) {
        return ", 'made-up.xlsx', 'sha', 'sheet', '" + cell + "', '" + raw + "', 1, " + sheetLoad + ", '112275'";
    }
}
