package jp.evalsheet.strategy;

import jp.evalsheet.extract.SheetFamily;
import jp.evalsheet.grid.SheetGrid;

/**
 * The 総合戦略 効果検証 family: recognized and read by {@link StrategySheetExtractor}, written by
 * {@link StrategyFacts}. {@link #pagesWithoutTable()} recognizes the pages that print no KPI table
 * (the 総括, a page of narratives), whose labels are loose enough to be asked after every other family.
 */
public final class StrategyFamily implements SheetFamily {

    private final StrategySheetExtractor extractor = new StrategySheetExtractor();
    private final boolean withoutTable;

    private StrategyFamily(boolean withoutTable) {
        this.withoutTable = withoutTable;
    }

    /** Sheets with a 数値目標 or KPI table. */
    public static StrategyFamily withTables() {
        return new StrategyFamily(false);
    }

    /** Pages without a table: the 総括, narratives. */
    public static StrategyFamily pagesWithoutTable() {
        return new StrategyFamily(true);
    }

    @Override
    public boolean recognizes(SheetGrid grid) {
        return withoutTable ? StrategySheetExtractor.recognizesPageWithoutTable(grid) : StrategySheetExtractor.recognizes(grid);
    }

    @Override
    public Extracted extract(SheetGrid grid, String fileName) {
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid, fileName);
        return new Extracted(extraction.sheet(), extraction.findings());
    }
}
