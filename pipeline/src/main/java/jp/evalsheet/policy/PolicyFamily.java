package jp.evalsheet.policy;

import jp.evalsheet.extract.SheetFamily;
import jp.evalsheet.grid.SheetGrid;

/** The 施策評価シート family: recognized and read by {@link PolicySheetExtractor}, written by {@link PolicyFacts}. */
public final class PolicyFamily implements SheetFamily {

    private final PolicySheetExtractor extractor = new PolicySheetExtractor();

    @Override
    public boolean recognizes(SheetGrid grid) {
        return PolicySheetExtractor.recognizes(grid);
    }

    @Override
    public Extracted extract(SheetGrid grid, String fileName) {
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid);
        return new Extracted(extraction.sheet(), extraction.findings());
    }
}
