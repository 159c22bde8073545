package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.evalsheet.support.Warehouse;

/**
 * The statements the Java code runs are the files of {@code sql/queries/}: each one binds against a
 * warehouse the job has built (its tables, views and columns exist, with the parameters its header
 * names), says what it is in its first line, and is run by name from the code, so that no file is
 * left behind when its caller goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryFilesIntegrationTests {

    private static final Pattern NUMBERED = Pattern.compile("\\$(\\d+)");

    private Path file;

    @BeforeAll
    void loadInput(@TempDir Path temp) {
        Warehouse warehouse = new Warehouse(temp.resolve("w.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
        file = warehouse.file();
    }

    List<String> queries() {
        return SqlFiles.read("queries").keySet().stream().map(name -> name.replaceFirst("\\.sql$", "")).toList();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void shouldBindAgainstTheWarehouseWithTheParametersItsHeaderNames(String name) throws SQLException {
        String sql = SqlFiles.query(name);
        String header = sql.lines().takeWhile(line -> line.startsWith("--")).reduce("", String::concat);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            if (parameters == 0) {
                assertThat(header).as(name).doesNotContain("?:").doesNotContain("$1");
            } else if (sql.contains("$1")) {
                Matcher numbered = NUMBERED.matcher(header);
                int named = 0;
                while (numbered.find()) {
                    named = Math.max(named, Integer.parseInt(numbered.group(1)));
                }
                assertThat(named).as(name + ": the parameters its header names").isEqualTo(parameters);
            } else {
                assertThat(header).as(name + ": a header naming its parameters").contains("?");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void shouldSayWhatItIsInItsFirstLine(String name) {
        assertThat(SqlFiles.query(name).lines().findFirst().orElse("")).startsWith("-- " + name + ": ");
    }

    @Test
    void everyQueryShouldBeRunByNameFromTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> sources = Files.walk(Path.of("pipeline/src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(source));
            }
        }
        assertThat(queries()).isNotEmpty()
                .allSatisfy(name -> assertThat(code).as(name).contains("\"" + name + "\""));
    }
}
