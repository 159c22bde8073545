package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The marts are the view files' {@code calc_} views, each refreshed after the marts its computation
 * reads, whatever the files' names; a name in a comment or a string does not count as a reading.
 */
class MartsTests {

    @Test
    void shouldDeriveTheMartsOfSqlViewsInDependencyOrder() {
        assertThat(Marts.NAMES).containsExactly("annual_policy_costs", "data_quality_findings", "grade_shares",
                "indicator_progress", "project_cost_trend", "value_changes", "welfare_grade_trend");
        assertThat(Marts.NAMES.indexOf("grade_shares")).isLessThan(Marts.NAMES.indexOf("welfare_grade_trend"));
    }

    @Test
    void shouldOrderAMartAfterThoseItReadsButNotAfterNamesInCommentsOrStrings() {
        Map<String, String> files = Map.of(
                "R__v_a.sql", "create or replace view calc_a as select * from v_c; -- reads v_b? no",
                "R__v_b.sql", "create or replace view calc_b as select 'v_a' as note",
                "R__v_c.sql", "create or replace view calc_c as select * from mart_b",
                "R__v_plain.sql", "create or replace view v_plain as select 1");
        assertThat(Marts.ordered(files)).containsExactly("b", "c", "a");
    }

    @Test
    void shouldRefuseMartsThatReadEachOtherInACircle() {
        assertThatThrownBy(() -> Marts.ordered(Map.of("R__v_a.sql", "create or replace view calc_a as select * from v_b",
                "R__v_b.sql", "create or replace view calc_b as select * from calc_a")))
                .hasMessageContaining("in a circle");
    }
}
