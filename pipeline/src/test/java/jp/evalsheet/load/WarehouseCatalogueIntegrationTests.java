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
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * What a BI catalogue (DBeaver, Metabase) shows of the warehouse: every view an analyst reads
 * ({@code v_*}) and every dimension ({@code dim_*}) has a comment in Japanese and English on itself and
 * on each of its columns, returned by DuckDB's JDBC driver as REMARKS; and they survive what changes
 * the schema later: a view's repeatable migration applied again (as when its file changes) and the
 * dimensions rebuilt by a publish.
 */
class WarehouseCatalogueIntegrationTests {

    private static final String CATALOGUE_TABLES = """
            (table_name like 'v\\_%' escape '\\' or table_name like 'dim\\_%' escape '\\') and schema_name = 'main'
            """;
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
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
    void shouldKeepTheCommentsWhenAViewIsAppliedAgainAndTheDimensionsAreRebuilt(@TempDir Path own) {
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
        assertThat(upgraded.count("select count(*) from dim_indicators")).isEqualTo(warehouse.count("select count(*) from dim_indicators"));
    }

    private static List<String> uncommentedColumns(Warehouse warehouse) {
        return warehouse.lines("select table_name, column_name from duckdb_columns() where " + CATALOGUE_TABLES
                + " and coalesce(trim(comment), '') = '' order by all");
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
