package jp.evalsheet.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import jp.evalsheet.extract.FactSink;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.submission.ExtractedSheet;
import jp.evalsheet.submission.Submission;

/**
 * Writes read submissions into the warehouse in bulk through DuckDB Appenders, inside the caller's
 * transaction. Sheets are written as {@code pending} sheet loads: the views do not see them until
 * the run publishes them, all together, in one transaction ({@link RunPublisher}).
 *
 * <p>Each sheet family appends its own facts ({@link jp.evalsheet.extract.SheetContent#appendFacts}) by
 * column name; the rows of the run log are appended by name here. The names are checked against the
 * tables' columns as the warehouse has them, read once: a column the table does not have, or one of
 * its columns left unset, stops the write before the row is appended (so two swapped or misspelt
 * columns can never load silently). The lineage columns of a fact are set here, not by the family.
 *
 * <p>Two traps of the Appender are avoided here: a statement is run before the first append so that
 * the appended rows belong to the caller's transaction, and every appender is flushed explicitly,
 * because {@code close()} would swallow a failed flush and silently drop rows.
 */
public final class WarehouseWriter {

    /** How many rows of facts one call wrote. */
    public record Written(int sheets, long facts) {
    }

    /** The tables the job appends to: the run log and the facts, each row with its municipality. */
    static final List<String> TABLES = List.of("etl_sheet_loads", "etl_messages", "etl_file_loads",
            "fct_policy_evaluations", "fct_policy_related_departments", "fct_indicators", "fct_indicator_values",
            "fct_policy_projects", "fct_project_costs", "fct_policy_cost_totals", "fct_policy_ratings", "fct_narratives",
            "fct_plan_items", "fct_statuses", "fct_overview_grades", "fct_printed_status_counts");

    /** The columns of each table, in the table's order, read from the warehouse on the first write. */
    private Map<String, Layout> layouts;

    public Written write(Connection connection, long loadRunId, List<Submission> submissions, LocalDateTime now)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // joins the appenders' rows to the caller's transaction, which DuckDB opens lazily
            statement.execute("select 1");
        }
        if (layouts == null) {
            layouts = layouts(connection);
        }
        DuckDBConnection duckdb = connection.unwrap(DuckDBConnection.class);
        Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();
        try {
            for (String table : TABLES) {
                appenders.put(table, duckdb.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
            }
            int loadable = submissions.stream().mapToInt(sub -> (int) sub.loadableSheetCount()).sum();
            Batch batch = new Batch(appenders, layouts, loadRunId, now, sheetLoadIds(connection, loadable));
            int sheets = 0;
            for (Submission submission : submissions) {
                sheets += batch.submission(submission);
            }
            for (DuckDBAppender appender : appenders.values()) {
                appender.flush();
            }
            return new Written(sheets, batch.facts);
        } finally {
            for (DuckDBAppender appender : appenders.values()) {
                appender.close();
            }
        }
    }

    /** A table's columns: their positions by name, and which are the lineage columns the writer sets. */
    record Layout(String table, Map<String, Integer> positions, List<String> columns) {

        /** The columns of a fact that say where it came from, set by the writer for every row. */
        static final List<String> LINEAGE = List.of("_source_file", "_source_sha256", "_sheet_name", "_cell", "_raw_text",
                "_load_run_id", "_sheet_load_id", "municipality_code");

        int position(String column) {
            Integer position = positions.get(column);
            if (position == null) {
                throw new IllegalStateException(table + " has no column " + column + " (its columns: "
                        + String.join(", ", columns) + ")");
            }
            return position;
        }
    }

    /** The columns of the tables the writer appends to, as the warehouse has them. */
    static Map<String, Layout> layouts(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select table_name, column_name "
                + "from information_schema.columns where table_schema = 'main' order by table_name, ordinal_position");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new java.util.ArrayList<>()).add(rows.getString(2));
            }
        }
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> names = columns.get(table);
            if (names == null) {
                throw new IllegalStateException("the warehouse has no table " + table);
            }
            Map<String, Integer> positions = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                positions.put(names.get(i), i);
            }
            layouts.put(table, new Layout(table, Map.copyOf(positions), List.copyOf(names)));
        }
        return layouts;
    }

    /** Appends the rows of one write call. */
    private static final class Batch implements FactSink {
        private final Map<String, DuckDBAppender> appenders;
        private final Map<String, Layout> layouts;
        private final long loadRunId;
        private final LocalDateTime now;
        private long facts;

        private final java.util.Iterator<Long> sheetLoadIds;

        /** Where the facts being appended come from: the sheet being written. */
        private Lineage lineage;

        Batch(Map<String, DuckDBAppender> appenders, Map<String, Layout> layouts, long loadRunId, LocalDateTime now,
                List<Long> sheetLoadIds) {
            this.appenders = appenders;
            this.layouts = layouts;
            this.loadRunId = loadRunId;
            this.now = now;
            this.sheetLoadIds = sheetLoadIds.iterator();
        }

        int submission(Submission submission) throws SQLException {
            String file = submission.file().name();
            String municipality = submission.file().municipalityCode();
            long factsBefore = facts;
            int loaded = 0;
            for (Finding finding : submission.fileFindings()) {
                message(null, file, municipality, finding);
            }
            for (ExtractedSheet sheet : submission.sheets()) {
                Long sheetLoadId = null;
                if (sheet.isLoadable()) {
                    sheetLoadId = sheetLoadIds.next();
                    long sheetFactsBefore = facts;
                    lineage = new Lineage(file, submission.sha256(), sheet.sheetName(), loadRunId, sheetLoadId, municipality);
                    sheet.content().appendFacts(this);
                    lineage = null;
                    sheetLoad(sheetLoadId, submission, sheet, (int) (facts - sheetFactsBefore));
                    loaded++;
                }
                for (Finding finding : sheet.findings()) {
                    message(sheetLoadId, file, municipality, finding);
                }
            }
            new TableRow(layouts.get("etl_file_loads"), false).set("load_run_id", loadRunId).set("source_file", file)
                    .set("source_sha256", submission.sha256()).set("size_bytes", submission.sizeBytes())
                    .set("file_format", submission.format()).set("outcome", submission.outcome())
                    .set("sheets_found", submission.sheets().size()).set("sheets_loaded", loaded)
                    .set("sheets_rejected", (int) submission.rejectedSheetCount()).set("facts_loaded", facts - factsBefore)
                    .set("message", summary(submission)).set("municipality_code", municipality)
                    .set("municipality_name", submission.file().municipality() == null ? null
                            : submission.file().municipality().name())
                    // named when the feedback is written, after the run is published
                    .set("feedback_workbook", null).append();
            return loaded;
        }

        @Override
        public Row row(String table, String cell, String rawText) {
            if (lineage == null) {
                throw new IllegalStateException("a fact of " + table + " appended outside the writing of a sheet");
            }
            TableRow row = new TableRow(layouts.get(table), true);
            row.set("_source_file", lineage.file()).set("_source_sha256", lineage.sha256())
                    .set("_sheet_name", lineage.sheet()).set("_cell", cell).set("_raw_text", rawText)
                    .set("_load_run_id", lineage.loadRunId()).set("_sheet_load_id", lineage.sheetLoadId())
                    .set("municipality_code", lineage.municipality());
            return row;
        }

        /** A row of a table being filled by column name; appended when every column is set. */
        private final class TableRow implements FactSink.Row {
            private final Layout layout;
            private final boolean fact;
            private final Object[] values;
            private final boolean[] set;

            TableRow(Layout layout, boolean fact) {
                if (layout == null) {
                    throw new IllegalStateException("the writer appends to " + TABLES + " only");
                }
                this.layout = layout;
                this.fact = fact;
                this.values = new Object[layout.columns().size()];
                this.set = new boolean[values.length];
            }

            @Override
            public TableRow set(String column, Object value) {
                int position = layout.position(column);
                values[position] = value;
                set[position] = true;
                return this;
            }

            @Override
            public void append() {
                for (int i = 0; i < set.length; i++) {
                    if (!set[i]) {
                        throw new IllegalStateException(layout.table() + "." + layout.columns().get(i) + " was not set by "
                                + (fact ? "the sheet family's facts" : "the writer") + ": every column of a row is named");
                    }
                }
                try {
                    row(layout.table(), values);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not append a row of " + layout.table(), e);
                }
                if (fact) {
                    facts++;
                }
            }
        }

        private void sheetLoad(long sheetLoadId, Submission submission, ExtractedSheet sheet, int sheetFacts)
                throws SQLException {
            var content = sheet.content();
            new TableRow(layouts.get("etl_sheet_loads"), false).set("sheet_load_id", sheetLoadId).set("load_run_id", loadRunId)
                    .set("source_file", submission.file().name()).set("source_sha256", submission.sha256())
                    .set("sheet_name", sheet.sheetName()).set("sheet_family", content.family())
                    .set("plan_id", content.planId()).set("subject_code", content.subjectCode())
                    .set("evaluation_fiscal_year", content.evaluationFiscalYear())
                    .set("department_name", content.departmentName()).set("facts_loaded", sheetFacts)
                    .set("status", "pending").set("superseded_by_load_run_id", null).set("loaded_at", now)
                    .set("municipality_code", submission.file().municipality().code())
                    .set("municipality_name", submission.file().municipality().name()).append();
        }

        private void message(Long sheetLoadId, String file, String municipality, Finding finding) {
            new TableRow(layouts.get("etl_messages"), false).set("load_run_id", loadRunId).set("sheet_load_id", sheetLoadId)
                    .set("source_file", file).set("sheet_name", finding.sheetName()).set("cell", finding.cell())
                    .set("severity", finding.severity().sqlName()).set("rule", finding.rule())
                    .set("message", finding.message()).set("raw_text", finding.rawText())
                    .set("municipality_code", municipality).append();
        }

        private void row(String table, Object... values) throws SQLException {
            DuckDBAppender appender = appenders.get(table);
            appender.beginRow();
            for (Object value : values) {
                if (value == null) {
                    appender.appendNull();
                } else if (value instanceof String text) {
                    appender.append(text);
                } else if (value instanceof Integer number) {
                    appender.append(number.intValue());
                } else if (value instanceof Long number) {
                    appender.append(number.longValue());
                } else if (value instanceof Boolean flag) {
                    appender.append(flag.booleanValue());
                } else if (value instanceof BigDecimal decimal) {
                    appender.append(decimal);
                } else if (value instanceof LocalDateTime time) {
                    appender.append(time);
                } else {
                    throw new IllegalArgumentException("cannot append " + value.getClass());
                }
            }
            appender.endRow();
        }

        private static String summary(Submission submission) {
            List<Finding> errors = new java.util.ArrayList<>(submission.fileFindings().stream().filter(Finding::isError).toList());
            submission.sheets().forEach(s -> errors.addAll(s.findings().stream().filter(Finding::isError).toList()));
            if (errors.isEmpty()) {
                return null;
            }
            String first = errors.get(0).describe();
            return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more errors)";
        }
    }

    /** The ids of the sheet loads of one write call, drawn from the sequence in one query. */
    private static List<Long> sheetLoadIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>(count);
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval('etl_sheet_load_id_seq') from range(?) order by 1")) {
            statement.setInt(1, count);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        return ids;
    }

    private record Lineage(String file, String sha256, String sheet, long loadRunId, long sheetLoadId,
            String municipality) {
    }
}
