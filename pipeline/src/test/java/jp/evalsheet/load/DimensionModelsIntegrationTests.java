package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.evalsheet.support.Warehouse;

/**
 * Each dimension is its model in {@code sql/models/}: after a run over {@code input/}, every
 * dimension holds exactly the rows its model's select returns from the published facts, and at
 * least one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DimensionModelsIntegrationTests {

    private Warehouse warehouse;

    @BeforeAll
    void loadInput(@TempDir Path temp) {
        warehouse = new Warehouse(temp.resolve("w.duckdb"));
        assertThat(warehouse.ingest(Path.of("input"))).isZero();
    }

    List<String> models() {
        return List.copyOf(SqlFiles.read("models").keySet());
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldHoldWhatItsModelSelects(String model) {
        String table = model.replaceFirst("\\.sql$", "");
        List<String> columns = warehouse.lines("select column_name from information_schema.columns where table_name = ? "
                + "order by ordinal_position", table);
        String select = String.join(", ", columns);
        List<String> held = warehouse.lines("select " + select + " from " + table + " order by all");
        assertThat(held).as(table).isNotEmpty()
                .isEqualTo(warehouse.lines("select " + select + " from (" + SqlFiles.read("models", model) + ") order by all"));
    }

    @ParameterizedTest
    @MethodSource("models")
    void shouldHaveAPrimaryKey(String model) {
        List<Map<String, Object>> keys = warehouse.query("select constraint_type from duckdb_constraints() "
                + "where table_name = ? and constraint_type = 'PRIMARY KEY'", model.replaceFirst("\\.sql$", ""));
        assertThat(keys).as(model).hasSize(1);
    }
}
