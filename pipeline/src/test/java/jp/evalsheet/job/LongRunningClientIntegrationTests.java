package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/**
 * A BI tool that lives in one long-running JVM (Metabase, DBeaver) and keeps a pool of connections
 * open across runs. The DuckDB driver shares one open database per file within a JVM: while any
 * connection to the file stays open, a new connection is handed the same open database, that is the
 * file as it was before the run replaced it. Once every connection is closed, the next one opens the
 * published file anew. This test pins that behaviour, which docs/operations.md tells BI users.
 */
class LongRunningClientIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void shouldSeeTheNewRunOnlyAfterEveryConnectionToTheOldFileIsClosed() throws Exception {
        // given a published warehouse and a client holding a connection to it
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        assertThat(warehouse.ingest(fixture("next-year"))).isZero();
        String url = IngestionCommand.readOnlyUrl(warehouse.file());
        try (Connection held = DriverManager.getConnection(url)) {
            assertThat(runs(held)).isEqualTo(1);

            // when the next run publishes
            assertThat(warehouse.ingest(Path.of("input"))).isZero();

            // then a new connection of the same process still reads the old file, as the held one does
            try (Connection fresh = DriverManager.getConnection(url)) {
                assertThat(runs(fresh)).isEqualTo(1);
            }
            assertThat(runs(held)).isEqualTo(1);
        }

        // and once every connection is closed, the next one reads the published run
        try (Connection reopened = DriverManager.getConnection(url)) {
            assertThat(runs(reopened)).isEqualTo(2);
        }
    }

    private static long runs(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from etl_load_runs where status = 'completed'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LongRunningClientIntegrationTests.class.getResource("/fixtures/policy/" + name).toURI());
    }
}
