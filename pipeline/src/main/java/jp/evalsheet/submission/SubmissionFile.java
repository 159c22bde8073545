package jp.evalsheet.submission;

import java.nio.file.Path;

/**
 * A file found in the input folder.
 *
 * @param path where it is
 * @param name its path relative to the input folder, as stored in the lineage columns
 * @param municipality the municipality that submitted it, or null when it could not be told
 * @param municipalityProblem why the municipality could not be told (null when it could)
 */
public record SubmissionFile(Path path, String name, Municipality municipality, String municipalityProblem) {

    public SubmissionFile {
        if ((municipality == null) == (municipalityProblem == null)) {
            throw new IllegalArgumentException("a submission file has either a municipality or a problem naming it");
        }
    }

    public String municipalityCode() {
        return municipality == null ? null : municipality.code();
    }
}
