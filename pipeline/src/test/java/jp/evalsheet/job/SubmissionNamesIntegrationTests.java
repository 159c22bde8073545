package jp.evalsheet.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.support.Warehouse;

/** Which files a run finds in its input folder, and the names the warehouse keeps for them. */
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

    @Test
    void shouldReadAMunicipalityFolderThatIsASymbolicLink() throws Exception {
        // given the municipality's folder is a link to where its departments keep their files
        Path kept = Files.createDirectories(temp.resolve("shared/朝霞市"));
        Files.copy(Path.of("input", PROMOTION), kept.resolve(PROMOTION));
        Path input = Files.createDirectory(temp.resolve("input"));
        Files.createSymbolicLink(input.resolve("112275_朝霞市"), kept);
        // and a link that leads back to the input folder, which must not be followed round
        Files.createSymbolicLink(kept.resolve("loop"), input);
        Warehouse warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));

        // when
        int exitCode = warehouse.ingest(input);

        // then
        assertThat(exitCode).isZero();
        assertThat(warehouse.lines("select source_file, municipality_code, outcome from etl_file_loads"))
                .containsExactly("112275_朝霞市/" + PROMOTION + "|112275|loaded");
    }
}
