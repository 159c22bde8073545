package jp.evalsheet.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data tests of {@code sql/tests/}: queries that must return no rows (uniqueness, relationships,
 * accepted values, shares that add up), run after every load before the run is published.
 */
public final class DataTests {

    /** One data test: its file name and its query. */
    public record DataTest(String name, String sql) {
    }

    private final List<DataTest> tests;

    public DataTests(List<DataTest> tests) {
        this.tests = List.copyOf(tests);
    }

    /** The tests packaged from {@code sql/tests/*.sql}, in name order. */
    public static DataTests fromClasspath() {
        List<DataTest> tests = new ArrayList<>();
        SqlFiles.read("tests").forEach((name, sql) -> tests.add(new DataTest(name, sql)));
        if (tests.isEmpty()) {
            throw new IllegalStateException("no data tests found under sql/tests/ on the classpath");
        }
        return new DataTests(tests);
    }

    public List<DataTest> tests() {
        return tests;
    }

    /** The failing tests with up to three offending rows each; empty when all pass. */
    public List<String> failures(JdbcTemplate jdbc) {
        List<String> failures = new ArrayList<>();
        for (DataTest test : tests) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from (" + test.sql() + ") limit 3");
            if (!rows.isEmpty()) {
                failures.add(test.name() + " returned rows such as " + rows);
            }
        }
        return failures;
    }

    /** Throws, so that the publishing transaction rolls back, when any data test returns rows. */
    public void assertPass(JdbcTemplate jdbc) {
        List<String> failures = failures(jdbc);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("data tests failed, the run was not published: " + String.join("; ", failures));
        }
    }
}
