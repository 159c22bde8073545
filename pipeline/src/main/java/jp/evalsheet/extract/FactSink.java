package jp.evalsheet.extract;

/**
 * Where a sheet family appends the facts it read, row by row and column by column, by the columns'
 * names in the warehouse: a family slice says what goes in each column, and the sink checks the
 * names against the table's schema (an unknown column, or a column of the table left unset, is a
 * mistake in the slice, refused before anything is written) and adds the lineage columns itself
 * (file, sheet, the {@code cell} and {@code rawText} given here, load run, sheet load, municipality).
 */
public interface FactSink {

    /** Starts a row of {@code table}, a fact read from {@code cell} of the sheet, printed as {@code rawText}. */
    Row row(String table, String cell, String rawText);

    /** A row being filled; {@link #append()} adds it. */
    interface Row {

        /** Sets {@code column} to {@code value} (null for SQL null). */
        Row set(String column, Object value);

        /** Adds the row: every column of the table that is not lineage must have been set. */
        void append();
    }
}
