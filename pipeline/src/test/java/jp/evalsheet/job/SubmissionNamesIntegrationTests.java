package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/** The names the warehouse keeps for submitted files, whatever system saved them. */
class SubmissionNamesIntegrationTests {

    private static final String PROMOTION = "R4_施策評価シート_シティ・プロモーション課.xlsx";

    @TempDir
    Path temp;

    @Test
    void shouldKeepTheComposedNameOfAFileSavedOnMacOs() throws Exception {
        // given the file as a Mac saves its name: decomposed (NFD), プ as フ followed by the combining ゜
        String decomposed = Normalizer.normalize(PROMOTION, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(PROMOTION);
        Path input = Files.createDirectory(temp.resolve("input"));
        Files.copy(Path.of("input", PROMOTION), input.resolve(decomposed));
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then the name is stored composed (NFC), as a Windows or Linux user types it in a query
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("select source_file from etl_file_loads")).containsExactly(PROMOTION);
        assertThat(warehouse.count("select count(*) from fct_project_costs where _source_file = ?", PROMOTION))
                .isPositive();
    }
}
