package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.support.Warehouse;

/**
 * A warehouse built before municipalities were recorded (migration V007 added the column, empty for
 * the rows already there): the next run that names a municipality gives it those rows.
 */
class LegacyWarehouseUpgradeIntegrationTests {

    private static final List<String> TABLES = List.of("etl_file_loads", "etl_sheet_loads", "etl_messages",
            "fct_policy_evaluations", "fct_policy_related_departments", "fct_indicators", "fct_indicator_values",
            "fct_policy_projects", "fct_project_costs", "fct_policy_cost_totals", "fct_policy_ratings", "fct_narratives",
            "fct_plan_items", "fct_statuses", "fct_overview_grades");

    @TempDir
    Path temp;

    @Test
    void shouldGiveTheRowsOfAnOldWarehouseTheMunicipalityOfTheNextRun() {
        // given a warehouse whose rows have no municipality, as V007 leaves an old one
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        Map<String, List<String>> before = warehouse.snapshotOfViews();
        long facts = warehouse.count("select count(*) from fct_indicator_values");
        warehouse.execute(String.join(";\n", TABLES.stream()
                .map(table -> "update " + table + " set municipality_code = null").toList())
                + ";\nupdate etl_sheet_loads set municipality_name = null; update etl_file_loads set municipality_name = null");

        // when a run does not name the municipality, it is refused before loading anything
        int refused = EvalSheetWarehouseApplication.run("--input=input", "--warehouse=" + warehouse.file(),
                "--feedback=" + warehouse.feedbackDir());
        assertThat(refused).isEqualTo(1);
        assertThat(warehouse.count("select count(*) from etl_load_runs")).isOne();

        // when the same input is run again, naming its municipality
        int exitCode = warehouse.ingest(Path.of("input"), "--municipality=112275_朝霞市");

        // then every row has it, nothing was loaded twice, and the views read as before
        assertThat(exitCode).isZero();
        for (String table : TABLES) {
            assertThat(warehouse.count("select count(*) from " + table + " where municipality_code is null"))
                    .as(table).isZero();
        }
        assertThat(warehouse.lines("select outcome, count(*) from etl_file_loads where load_run_id = 2 group by all"))
                .containsExactly("unchanged|16");
        assertThat(warehouse.count("select count(*) from fct_indicator_values")).isEqualTo(facts);
        assertThat(warehouse.lines("select municipality_code, municipality_name, prefecture_name from dim_municipalities"))
                .containsExactly("112275|朝霞市|埼玉県");
        assertThat(warehouse.snapshotOfViews()).isEqualTo(before);
    }
}
