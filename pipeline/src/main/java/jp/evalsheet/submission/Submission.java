package jp.evalsheet.submission;

import java.util.List;

import jp.evalsheet.extract.Finding;

/**
 * A submitted file after reading: its identity (SHA-256 of its bytes), its sheets, and the findings
 * about the file as a whole. An {@code unchanged} submission was already loaded in full by an
 * earlier run with the same bytes; it is not read again.
 */
public record Submission(SubmissionFile file, String sha256, long sizeBytes, String format, boolean unchanged,
        List<ExtractedSheet> sheets, List<Finding> fileFindings) {

    public long loadableSheetCount() {
        return sheets.stream().filter(ExtractedSheet::isLoadable).count();
    }

    /** Sheets of a known family that an error kept out of the warehouse. */
    public long rejectedSheetCount() {
        return sheets.stream().filter(s -> s.findings().stream().anyMatch(Finding::rejectsSheet)).count();
    }

    /** loaded, partially_loaded, unchanged or rejected, as written to etl_file_loads. */
    public String outcome() {
        if (unchanged) {
            return "unchanged";
        }
        long loadable = loadableSheetCount();
        if (loadable == 0) {
            return "rejected";
        }
        boolean anyProblem = fileFindings.stream().anyMatch(Finding::isError)
                || sheets.stream().anyMatch(s -> s.findings().stream().anyMatch(Finding::isError));
        return anyProblem ? "partially_loaded" : "loaded";
    }
}
