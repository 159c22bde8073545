package jp.evalsheet.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table transcribed from the published reports, from the test resources {@code truth/}: the
 * expected values of the integration tests and the source of the sample submissions in {@code input/}.
 * See {@code truth/NOTES.md} for every judgement made while transcribing.
 */
public record TruthTable(String name, List<Map<String, String>> rows) {

    public static TruthTable load(String name) {
        String resource = "/truth/" + name + ".csv";
        try (InputStream in = TruthTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no truth table " + resource);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    rows.add(new LinkedHashMap<>(record.toMap()));
                }
                return new TruthTable(name, List.copyOf(rows));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Map<String, String>> where(String column, String value) {
        return rows.stream().filter(row -> value.equals(row.get(column))).toList();
    }
}
