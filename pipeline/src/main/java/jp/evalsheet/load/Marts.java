package jp.evalsheet.load;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analyst views whose computation is kept in a table: {@code v_x} reads {@code mart_x}, which
 * holds the rows of {@code calc_x} (the view's logic, in {@code sql/views/R__v_x.sql}) as of the last
 * published run. The warehouse changes only when a run is published, so the publishing transaction
 * refreshes them all and every reader sees them agree with the facts, while a query costs only the
 * reading of a table, however many municipalities the warehouse holds.
 */
public final class Marts {

    /** In dependency order: a mart is refreshed after those its computation reads. */
    public static final List<String> NAMES = List.of("annual_policy_costs", "grade_shares", "indicator_progress",
            "project_cost_trend", "welfare_grade_trend", "value_changes", "data_quality_findings");

    private Marts() {
    }

    /** The statements that refresh every mart from the current tables, in order. */
    public static List<String> refreshStatements() {
        return NAMES.stream()
                .flatMap(name -> java.util.stream.Stream.of("delete from mart_" + name,
                        "insert into mart_" + name + " select * from calc_" + name))
                .toList();
    }

    /** Refreshes every mart, in the caller's transaction. */
    public static void refresh(JdbcTemplate jdbc) {
        refreshStatements().forEach(jdbc::update);
    }
}
