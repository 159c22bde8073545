package jp.evalsheet.load;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The subject dimensions (dim_municipalities, dim_policies, dim_departments, dim_indicators,
 * dim_projects), each a model in {@code sql/models/dim_<name>.sql}: a select over the current facts,
 * inserted by column name. Their rows are deleted and inserted again when a run is published, never
 * the tables dropped, so that their primary keys (migration V012) and the comments BI tools show
 * ({@code sql/views/R__comments_on_dimensions.sql}) stay.
 */
final class Dimensions {

    private Dimensions() {
    }

    /** Rebuilds every dimension from its model, in the caller's transaction. */
    static void rebuild(JdbcTemplate jdbc) {
        Map<String, String> models = SqlFiles.read("models");
        if (models.isEmpty()) {
            throw new IllegalStateException("no dimension models under sql/models/ on the class path");
        }
        models.forEach((file, select) -> {
            String table = file.replaceFirst("\\.sql$", "");
            jdbc.update("delete from " + table);
            jdbc.update("insert into " + table + " by name select * from (" + select.strip().replaceFirst(";$", "") + ")");
        });
    }
}
