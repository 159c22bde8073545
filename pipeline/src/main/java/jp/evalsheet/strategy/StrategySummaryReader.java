package jp.evalsheet.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.extract.Located;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.strategy.StrategySheet.PrintedCount;
import jp.evalsheet.strategy.StrategySheet.PrintedSummary;
import jp.evalsheet.value.JapaneseText;

/**
 * Reads the printed roll-up of the strategy verification (総括), wherever a person lays it out: under
 * a heading ＜数値目標の達成状況＞ or ＜KPIの進捗状況＞, rows of a status ({@code A　目標達成}, or the letter
 * alone with its wording beside it, and {@code 合計}) with a count ({@code 3件}, {@code 3}) and a share
 * ({@code 42.9%}) in any of the cells right of it; and the A+B shares printed after 指標の総括 or
 * 目標達成に向け概ね進捗している（AとBの割合の合計）, 数値目標 first, unless a cell beside a share names its
 * category. A status printed twice in a category (the report's chart labels repeat the shares) is read
 * once.
 */
final class StrategySummaryReader {

    /** A status row's first cell: the letter, then its wording if it is in the same cell. */
    private static final Pattern STATUS = Pattern.compile("^([ABC])(?:[\\s　].*|[^A-Za-z0-9+].*)?$", Pattern.DOTALL);
    private static final Pattern COUNT = Pattern.compile("^(\\d{1,4})\\s*件?$");
    /** The heading of the KPI roll-up: ＜KPIの進捗状況＞ (not 各KPIの進捗状況, a narrative). */
    private static final Pattern KPI_HEADING = Pattern.compile("[<＜〈]?KPIの進捗状況[>＞〉]?");
    private static final Pattern SHARE = Pattern.compile("^(\\d{1,3}(?:\\.\\d+)?)\\s*[%％]$");

    private StrategySummaryReader() {
    }

    /** Whether the sheet prints the roll-up: at least three status rows under a category heading. */
    static boolean recognizes(SheetGrid grid) {
        return read(grid, new ArrayList<>()) != null;
    }

    /**
     * Whether the sheet prints a 合計 (every roll-up does; a KPI table does not): a cheap test before
     * the roll-up is read, since every strategy sheet is asked for one.
     */
    private static boolean mayPrintSummary(SheetGrid grid) {
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                String label = cell.label();
                if (label.equals("合計") || label.equals("計")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The title of a 総括 sheet: the first cell that names 総括 or 効果検証, or {@code null}. */
    static Located title(SheetGrid grid) {
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                String text = cell.text();
                if (text.length() <= 80 && (text.contains("総括") || text.contains("効果検証"))) {
                    return new Located(cell.address(), text.strip().replaceAll("\\s*\\n\\s*", ""));
                }
            }
        }
        return null;
    }

    /** The roll-up the sheet prints, or {@code null} when it prints none. */
    static PrintedSummary read(SheetGrid grid, List<Finding> findings) {
        if (!mayPrintSummary(grid)) {
            return null;
        }
        List<PrintedCount> counts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String category = null;
        boolean shares = false;
        int statusRows = 0;
        List<String> abOrder = new ArrayList<>(List.of("数値目標", "KPI"));
        for (int row : grid.rowIndexes()) {
            List<GridCell> cells = grid.row(row);
            String rowCategory = null;
            for (GridCell cell : cells) {
                String label = JapaneseText.toHalfWidthLetters(cell.label());
                if (label.length() > 40) {
                    continue;
                }
                if (label.contains("数値目標の達成状況")) {
                    rowCategory = "数値目標";
                } else if (KPI_HEADING.matcher(label).matches()) {
                    rowCategory = "KPI";
                }
                if (label.contains("指標の総括") || label.contains("AとBの割合")) {
                    shares = true;
                }
            }
            // a heading of one category starts its block, also after the A+B shares of the previous one;
            // both categories in one row are the column heads of the A+B shares
            long markers = cells.stream().map(c -> JapaneseText.toHalfWidthLetters(c.label()))
                    .filter(l -> l.length() <= 40 && (l.contains("数値目標の達成状況") || KPI_HEADING.matcher(l).matches()))
                    .count();
            if (markers == 1 && cells.stream().noneMatch(c -> SHARE.matcher(JapaneseText.toHalfWidthDigits(c.text().strip())).matches())
                    && !cells.stream().anyMatch(c -> c.label().contains("AとB"))) {
                shares = false;
            }
            if (rowCategory != null && !shares) {
                category = rowCategory;
            }
            // the status: the row's first cell, or the cell after its category (a flat list: 区分 | 進捗状況 | 件数 | 割合)
            GridCell first = null;
            String code = null;
            for (GridCell cell : cells) {
                if (cell.text().isBlank()) {
                    continue;
                }
                code = statusCode(cell);
                if (code != null || rowCategory == null || first != null) {
                    first = cell;
                    break;
                }
                first = cell;
            }
            if (first == null) {
                continue;
            }
            if (rowCategory != null && code != null) {
                category = rowCategory;
            }
            if (code != null && category != null && !shares) {
                GridCell count = null;
                GridCell share = null;
                for (GridCell cell : cells) {
                    String text = JapaneseText.toHalfWidthDigits(cell.text().strip());
                    if (cell.column() <= first.column()) {
                        continue;
                    }
                    if (count == null && share == null && COUNT.matcher(text).matches()) {
                        count = cell;
                    } else if (share == null && SHARE.matcher(text).matches()) {
                        share = cell;
                    }
                }
                if (count == null && share == null) {
                    continue;
                }
                statusRows++;
                if (seen.add(category + "/" + code)) {
                    counts.add(count(category, code, count, share));
                }
                continue;
            }
            if (shares) {
                for (GridCell cell : cells) {
                    String text = JapaneseText.toHalfWidthDigits(cell.text().strip());
                    if (!SHARE.matcher(text).matches() || abOrder.isEmpty()) {
                        continue;
                    }
                    String of = rowCategory != null && abOrder.contains(rowCategory) ? rowCategory : abOrder.get(0);
                    abOrder.remove(of);
                    if (seen.add(of + "/A+B")) {
                        counts.add(count(of, "A+B", null, cell));
                    }
                }
            }
        }
        return statusRows >= 3 ? new PrintedSummary(List.copyOf(counts)) : null;
    }

    private static PrintedCount count(String category, String code, GridCell count, GridCell share) {
        Integer number = null;
        if (count != null) {
            Matcher m = COUNT.matcher(JapaneseText.toHalfWidthDigits(count.text().strip()));
            m.matches();
            number = Integer.valueOf(m.group(1));
        }
        BigDecimal percent = null;
        if (share != null) {
            Matcher m = SHARE.matcher(JapaneseText.toHalfWidthDigits(share.text().strip()));
            m.matches();
            percent = new BigDecimal(m.group(1));
        }
        GridCell at = count != null ? count : share;
        return new PrintedCount(category, code, number, percent, at.address(), at.text().strip());
    }

    /** A, B, C or 合計 when the cell is a status row's label, else {@code null}. */
    private static String statusCode(GridCell cell) {
        String label = JapaneseText.toHalfWidthLetters(cell.label());
        Matcher status = STATUS.matcher(label);
        return status.matches() ? status.group(1) : label.equals("合計") || label.equals("計") ? "合計" : null;
    }
}
