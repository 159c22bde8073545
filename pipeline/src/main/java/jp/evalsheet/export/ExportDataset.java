package jp.evalsheet.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One view or table of the export: its name, its columns in order with their DuckDB types, and the
 * columns its Parquet files are Hive-partitioned by, chosen by its columns:
 * {@code municipality_code} when it has one (every analyst view, fact and per-municipality
 * dimension), then the fiscal year of its grain, {@code fiscal_year} or else
 * {@code evaluation_fiscal_year}. A dataset without {@code municipality_code} (the reference
 * dimensions, a few rows each) is one file.
 *
 * @param name the view or table ({@code v_policy_cost_trend})
 * @param kind {@code view} or {@code table}
 * @param columns column name to DuckDB type ({@code DECIMAL(38,3)}), in the view's order
 */
public record ExportDataset(String name, String kind, Map<String, String> columns) {

    /** The column that partitions every municipality's rows. */
    static final String MUNICIPALITY = "municipality_code";

    /** The fiscal-year columns a grain can have, the one preferred first. */
    private static final List<String> FISCAL_YEARS = List.of("fiscal_year", "evaluation_fiscal_year");

    public ExportDataset {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The partition columns, outermost first; empty for a dataset written as one file. */
    public List<String> partitionColumns() {
        List<String> partitions = new ArrayList<>();
        if (columns.containsKey(MUNICIPALITY)) {
            partitions.add(MUNICIPALITY);
            FISCAL_YEARS.stream().filter(columns::containsKey).findFirst().ifPresent(partitions::add);
        }
        return partitions;
    }

    /** The columns written into the Parquet files: all but the partition columns, which the folder names carry. */
    public List<String> fileColumns() {
        return columns.keySet().stream().filter(column -> !partitionColumns().contains(column)).toList();
    }

    /** The VARCHAR columns, quoted in the CSV so that a code such as 012017 reads as text. */
    public List<String> textColumns() {
        return columns.entrySet().stream().filter(column -> column.getValue().equals("VARCHAR")).map(Map.Entry::getKey)
                .toList();
    }
}
