package jp.evalsheet.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.extract.FactSink;
import jp.evalsheet.extract.SheetContent;
import jp.evalsheet.submission.ExtractedSheet;
import jp.evalsheet.submission.Municipality;
import jp.evalsheet.submission.Submission;
import jp.evalsheet.submission.SubmissionFile;
import jp.evalsheet.support.Warehouse;

/**
 * A sheet family appends its facts by column name, checked against the table as the warehouse has
 * it: a column the table lacks, or one of its columns left unset, is refused before the row is
 * appended, naming the table and the column; a row set in any order lands in the right columns, and
 * the writer adds the lineage. Written into a real warehouse file made by the job.
 */
class WarehouseWriterIntegrationTests {

    @TempDir
    Path temp;

    private Path file;

    @BeforeEach
    void makeWarehouse() throws Exception {
        // a warehouse made by the job over an empty folder: every table, nothing in them
        Warehouse warehouse = new Warehouse(temp.resolve("w.duckdb"));
        assertThat(warehouse.ingest(java.nio.file.Files.createDirectory(temp.resolve("empty")))).isZero();
        file = warehouse.file();
    }

    @Test
    void shouldRefuseAColumnTheTableDoesNotHave() {
        assertThatThrownBy(() -> write(sink -> sink.row("fct_statuses", "K16", "B")
                .set("plan_id", "regional_strategy_2").set("statsu", "B")))
                .hasMessageStartingWith("fct_statuses has no column statsu (its columns: plan_id, category, owner_code");
    }

    @Test
    void shouldRefuseARowWithAColumnLeftUnset() {
        assertThatThrownBy(() -> write(sink -> statusRow(sink).set("status_label", null).append()))
                .hasMessage("fct_statuses.category was not set by the sheet family's facts: every column of a row is named");
    }

    @Test
    void shouldPutEachValueInItsNamedColumnWhateverTheOrder() throws Exception {
        write(sink -> sink.row("fct_statuses", "K16", "B　策定当初より良くなっている")
                .set("status_label", "策定当初より良くなっている").set("status", "B").set("evaluation_fiscal_year", 2024)
                .set("indicator_no", 1).set("owner_code", "1-ア").set("category", "KPI").set("plan_id", "regional_strategy_2")
                .append());
        assertThat(new Warehouse(file).lines("select plan_id, category, owner_code, indicator_no, evaluation_fiscal_year, "
                + "status, status_label, _source_file, _sheet_name, _cell, _raw_text, municipality_code from fct_statuses"))
                .containsExactly("regional_strategy_2|KPI|1-ア|1|2024|B|策定当初より良くなっている|R6_test.xlsx|基本目標1|K16|"
                        + "B　策定当初より良くなっている|112275");
    }

    private static FactSink.Row statusRow(FactSink sink) {
        return sink.row("fct_statuses", "K16", "B").set("plan_id", "regional_strategy_2").set("owner_code", "1-ア")
                .set("indicator_no", 1).set("evaluation_fiscal_year", 2024).set("status", "B");
    }

    /** Writes one submission of one sheet whose facts {@code facts} appends, in a transaction committed when it succeeds. */
    private void write(Consumer<FactSink> facts) throws Exception {
        SheetContent content = new SheetContent() {
            @Override
            public String family() {
                return "strategy_kpi";
            }

            @Override
            public String planId() {
                return "regional_strategy_2";
            }

            @Override
            public String subjectCode() {
                return "1";
            }

            @Override
            public int evaluationFiscalYear() {
                return 2024;
            }

            @Override
            public String departmentName() {
                return null;
            }

            @Override
            public void appendFacts(FactSink sink) {
                facts.accept(sink);
            }
        };
        Submission submission = new Submission(new SubmissionFile(temp.resolve("R6_test.xlsx"), "R6_test.xlsx",
                Municipality.require("112275_朝霞市"), null), "0".repeat(64), 1, "xlsx", false,
                List.of(new ExtractedSheet("基本目標1", content, List.of())), List.of());
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            connection.setAutoCommit(false);
            try {
                new WarehouseWriter().write(connection, 1, List.of(submission), LocalDateTime.of(2026, 12, 3, 10, 0));
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
