package jp.evalsheet.submission;

import java.util.List;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.extract.SheetContent;

/**
 * One sheet of a submission after reading: its content, unless it was rejected or is of no known
 * family (then {@code content} is {@code null}), and every finding about it.
 */
public record ExtractedSheet(String sheetName, SheetContent content, List<Finding> findings) {

    public boolean isLoadable() {
        return content != null && findings.stream().noneMatch(Finding::rejectsSheet);
    }
}
