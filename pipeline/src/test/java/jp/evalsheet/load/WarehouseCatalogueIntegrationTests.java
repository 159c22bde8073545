package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * What a BI catalogue (DBeaver, Metabase) shows of the warehouse: every view an analyst reads
 * ({@code v_*}) and every dimension ({@code dim_*}) has a comment in Japanese and English on itself and
 * on each of its columns, returned by DuckDB's JDBC driver as REMARKS; every dimension has a primary
 * key; and both survive what changes the schema later: a view's repeatable migration applied again
 * (as when its file changes), the dimensions rebuilt by a publish, and the upgrade of a warehouse
 * whose dimensions hold rows without a municipality.
 */
class WarehouseCatalogueIntegrationTests {

    private static final String CATALOGUE_TABLES = """
            (table_name like 'v\\_%' escape '\\' or table_name like 'dim\\_%' escape '\\') and schema_name = 'main'
            """;
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
    private static final List<String> PRIMARY_KEYS = List.of(
            "dim_departments|[municipality_code, department_name]",
            "dim_fiscal_years|[fiscal_year]",
            "dim_indicators|[municipality_code, indicator_id]",
            "dim_municipalities|[municipality_code]",
            "dim_plans|[plan_id]",
            "dim_policies|[municipality_code, plan_id, policy_code]",
            "dim_prefectures|[prefecture_code]",
            "dim_projects|[municipality_code, project_name]",
            "dim_status_scales|[plan_id, category, status]");

    @TempDir
    static Path temp;

    static Warehouse warehouse;

    @BeforeAll
    static void ingestSampleInput() {
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
    }

    @Test
    void shouldCommentEveryColumnOfEveryViewAndDimensionInJapaneseAndEnglish() {
        assertThat(warehouse.count("select count(*) from duckdb_columns() where " + CATALOGUE_TABLES)).isGreaterThan(250);
        assertThat(uncommentedColumns(warehouse)).isEmpty();
        assertThat(warehouse.lines("""
                select view_name from duckdb_views()
                where view_name like 'v\\_%' escape '\\' and coalesce(trim(comment), '') = ''
                union all
                select table_name from duckdb_tables()
                where table_name like 'dim\\_%' escape '\\' and coalesce(trim(comment), '') = ''
                """)).isEmpty();
        List<String> notBilingual = new ArrayList<>();
        for (String line : warehouse.lines("select table_name, column_name, comment from duckdb_columns() where "
                + CATALOGUE_TABLES + " union all select view_name, '', comment from duckdb_views() "
                + "where view_name like 'v\\_%' escape '\\' union all select table_name, '', comment from duckdb_tables() "
                + "where table_name like 'dim\\_%' escape '\\' order by all")) {
            String comment = line.substring(line.indexOf('|', line.indexOf('|') + 1) + 1);
            if (!JAPANESE.matcher(comment).find() || !ENGLISH.matcher(comment).find()) {
                notBilingual.add(line);
            }
        }
        assertThat(notBilingual).isEmpty();
    }

    @Test
    void shouldGiveTheCommentsToJdbcClientsAsRemarks() throws SQLException {
        List<String> expected = warehouse.lines("select table_name, column_name, comment from duckdb_columns() where "
                + CATALOGUE_TABLES + " order by table_name, column_index");
        List<String> columns = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection connection = analystConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getColumns(null, "main", "%", "%")) {
                while (rows.next()) {
                    if (isCatalogued(rows.getString("TABLE_NAME"))) {
                        columns.add(rows.getString("TABLE_NAME") + "|" + rows.getString("COLUMN_NAME") + "|"
                                + rows.getString("REMARKS"));
                    }
                }
            }
            try (ResultSet rows = metaData.getTables(null, "main", "%", new String[] {"TABLE", "VIEW"})) {
                while (rows.next()) {
                    if (isCatalogued(rows.getString("TABLE_NAME")) && rows.getString("REMARKS") == null) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
            }
        }
        assertThat(columns).containsExactlyElementsOf(expected);
        assertThat(tables).isEmpty();
    }

    @Test
    void shouldDeclareTheKeyOfEveryDimension() throws SQLException {
        assertThat(primaryKeys(warehouse)).containsExactlyElementsOf(PRIMARY_KEYS);
        List<String> overJdbc = new ArrayList<>();
        try (Connection connection = analystConnection()) {
            for (String key : PRIMARY_KEYS) {
                String table = key.substring(0, key.indexOf('|'));
                Map<Short, String> keyColumns = new TreeMap<>();
                try (ResultSet rows = connection.getMetaData().getPrimaryKeys(null, "main", table)) {
                    while (rows.next()) {
                        keyColumns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                    }
                }
                overJdbc.add(table + "|" + keyColumns.values());
            }
        }
        assertThat(overJdbc).containsExactlyElementsOf(PRIMARY_KEYS);
    }

    @Test
    void shouldKeepCommentsAndKeysWhenAViewIsAppliedAgainAndTheDimensionsAreRebuilt(@TempDir Path own) {
        // given a published warehouse, whose views of indicator progress and grade shares a later version changes
        Warehouse upgraded = new Warehouse(own.resolve("warehouse.duckdb"));
        assertThat(upgraded.ingest(Path.of("input"))).isZero();
        upgraded.execute("""
                update flyway_schema_history set checksum = checksum + 1
                where script in ('R__v_indicator_progress.sql', 'R__v_grade_shares.sql')
                """);

        // when the next run migrates it (applying those two files alone again) and publishes
        assertThat(upgraded.ingest(Path.of("input"))).isZero();

        // then
        assertThat(upgraded.lines("select script from flyway_schema_history group by script having count(*) > 1 order by 1"))
                .containsExactly("R__v_grade_shares.sql", "R__v_indicator_progress.sql");
        assertThat(uncommentedColumns(upgraded)).isEmpty();
        assertThat(upgraded.count("select count(*) from duckdb_columns() where table_name = 'v_indicator_progress' "
                + "and comment is not null")).isEqualTo(29);
        assertThat(primaryKeys(upgraded)).containsExactlyElementsOf(PRIMARY_KEYS);
        assertThat(upgraded.count("select count(*) from dim_indicators")).isEqualTo(warehouse.count("select count(*) from dim_indicators"));
    }

    @Test
    void shouldKeyTheDimensionsOfAWarehouseThatHeldRowsWithoutMunicipality(@TempDir Path own) {
        // given a warehouse migrated as far as V010 whose dimensions hold a row from before municipalities (V007)
        Warehouse old = new Warehouse(own.resolve("warehouse.duckdb"));
        Flyway.configure().dataSource("jdbc:duckdb:" + old.file(), null, null).locations("classpath:sql/migrations")
                .target("10").load().migrate();
        old.execute("insert into dim_policies values ('comprehensive_plan', '611', '人権教育・啓発活動', '人権庶務課', 2022, 2022, null)");

        // when the next run migrates it and publishes
        assertThat(old.ingest(Path.of("input"))).isZero();

        // then the keys are declared, and the dimension was derived again from the facts
        assertThat(primaryKeys(old)).containsExactlyElementsOf(PRIMARY_KEYS);
        assertThat(old.lines("select municipality_code, policy_name from dim_policies where policy_code = '611'"))
                .containsExactly("112275|人権教育・啓発活動");
    }

    private static List<String> uncommentedColumns(Warehouse warehouse) {
        return warehouse.lines("select table_name, column_name from duckdb_columns() where " + CATALOGUE_TABLES
                + " and coalesce(trim(comment), '') = '' order by all");
    }

    private static List<String> primaryKeys(Warehouse warehouse) {
        return warehouse.lines("""
                select table_name, constraint_column_names::varchar from duckdb_constraints()
                where table_name like 'dim\\_%' escape '\\' and constraint_type = 'PRIMARY KEY' order by table_name
                """);
    }

    private static boolean isCatalogued(String table) {
        return table.startsWith("v_") || table.startsWith("dim_");
    }

    /** A connection as an analyst's BI tool opens it (README: read-only). */
    private static Connection analystConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse.file(), properties);
    }
}
