package jp.evalsheet.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code _manifest.json} of an export, written last: which run of which warehouse it holds, when
 * it was made, and for each dataset its Parquet folder and CSV file, row count, partition columns and
 * schema (column name to DuckDB type, in the view's order), which a reader needs to type the
 * partition columns (a folder name {@code municipality_code=012017} says nothing of its type).
 *
 * @param runId the load run the published warehouse shows (its last completed run)
 * @param runFinishedAt when that run finished, ISO local time
 * @param exportedAt when the export was made, ISO with offset
 * @param warehouse the warehouse file it was read from
 * @param datasets each dataset written, in name order
 */
record ExportManifest(long runId, String runFinishedAt, String exportedAt, String warehouse, List<Written> datasets) {

    /** The layout version, raised when a reader would have to read the export differently. */
    static final int FORMAT_VERSION = 1;

    /**
     * A dataset as written.
     *
     * @param dataset the view or table
     * @param path its Parquet folder, relative to the export
     * @param csv its CSV file, relative to the export
     * @param rows the rows written
     * @param files the Parquet files written
     */
    record Written(ExportDataset dataset, String path, String csv, long rows, long files) {
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"format_version\": ").append(FORMAT_VERSION).append(",\n");
        json.append("  \"run_id\": ").append(runId).append(",\n");
        json.append("  \"run_finished_at\": ").append(quote(runFinishedAt)).append(",\n");
        json.append("  \"exported_at\": ").append(quote(exportedAt)).append(",\n");
        json.append("  \"warehouse\": ").append(quote(warehouse)).append(",\n");
        json.append("  \"datasets\": {");
        for (int i = 0; i < datasets.size(); i++) {
            Written written = datasets.get(i);
            ExportDataset dataset = written.dataset();
            json.append(i == 0 ? "\n" : ",\n");
            json.append("    ").append(quote(dataset.name())).append(": {\n");
            json.append("      \"kind\": ").append(quote(dataset.kind())).append(",\n");
            json.append("      \"path\": ").append(quote(written.path())).append(",\n");
            json.append("      \"csv\": ").append(quote(written.csv())).append(",\n");
            json.append("      \"row_count\": ").append(written.rows()).append(",\n");
            json.append("      \"parquet_files\": ").append(written.files()).append(",\n");
            json.append("      \"partition_columns\": [")
                    .append(dataset.partitionColumns().stream().map(ExportManifest::quote).collect(Collectors.joining(", ")))
                    .append("],\n");
            json.append("      \"schema\": {");
            boolean first = true;
            for (Map.Entry<String, String> column : dataset.columns().entrySet()) {
                json.append(first ? "\n" : ",\n").append("        ").append(quote(column.getKey())).append(": ")
                        .append(quote(column.getValue()));
                first = false;
            }
            json.append("\n      }\n    }");
        }
        json.append("\n  }\n}\n");
        return json.toString();
    }

    /** A JSON string. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
