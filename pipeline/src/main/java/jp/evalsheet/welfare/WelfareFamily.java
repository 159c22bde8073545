package jp.evalsheet.welfare;

import jp.evalsheet.extract.SheetFamily;
import jp.evalsheet.grid.SheetGrid;

/**
 * The 地域福祉計画 family, whose two kinds of sheet are read apart: the 進行管理・評価シート of one
 * project ({@link WelfareSheetExtractor}) and the 評価一覧 overview ({@link WelfareOverviewExtractor});
 * both are written by {@link WelfareFacts}.
 */
public final class WelfareFamily implements SheetFamily {

    private final WelfareSheetExtractor sheets;
    private final WelfareOverviewExtractor overviews;

    private WelfareFamily(WelfareSheetExtractor sheets, WelfareOverviewExtractor overviews) {
        this.sheets = sheets;
        this.overviews = overviews;
    }

    /** The 進行管理・評価シート of one project. */
    public static WelfareFamily projectSheets() {
        return new WelfareFamily(new WelfareSheetExtractor(), null);
    }

    /** The 評価一覧 overview, which prints the labels of a project sheet too and so is asked first. */
    public static WelfareFamily overview() {
        return new WelfareFamily(null, new WelfareOverviewExtractor());
    }

    @Override
    public boolean recognizes(SheetGrid grid) {
        return overviews != null ? WelfareOverviewExtractor.recognizes(grid) : WelfareSheetExtractor.recognizes(grid);
    }

    @Override
    public Extracted extract(SheetGrid grid, String fileName) {
        if (overviews != null) {
            WelfareOverviewExtractor.Extraction extraction = overviews.extract(grid);
            return new Extracted(extraction.overview(), extraction.findings());
        }
        WelfareSheetExtractor.Extraction extraction = sheets.extract(grid);
        return new Extracted(extraction.sheet(), extraction.findings());
    }
}
