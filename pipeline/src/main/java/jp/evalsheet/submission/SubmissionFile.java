package jp.evalsheet.submission;

import java.nio.file.Path;

/**
 * A file found in the input folder.
 *
 * @param path where it is
 * @param name its path relative to the input folder, as stored in the lineage columns
 */
public record SubmissionFile(Path path, String name) {
}
