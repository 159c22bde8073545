package jp.evalsheet.welfare;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.evalsheet.extract.Located;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.Labels;

/** The printed numbering and labels shared by the welfare sheet and its overview. */
final class WelfareLabels {

    /** A numbered name: its number, its name without the number, as printed in {@code raw}. */
    record Numbered(int number, String name) {
    }

    private static final Pattern BASIC_GOAL = Pattern.compile("^(\\d{1,2})(?:[\\s.．、:：]|(?=[^\\d]))\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern DIRECTION = Pattern.compile("^[（(]\\s*(\\d{1,2})\\s*[）)]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern PROJECT = Pattern.compile("^([①-⑳])\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern SHORT_ERA_YEAR = Pattern.compile("^.{0,4}(R|H|令和|平成)(元|\\d{1,2})年度?.{0,6}$");

    /** Each alias normalized once: {@link #is} runs for every cell of every welfare sheet. */
    private static final java.util.Map<String, String> NORMALIZED_ALIASES = new java.util.concurrent.ConcurrentHashMap<>();

    private WelfareLabels() {
    }

    /** {@code １　市民の暮らしを支える仕組みづくり}: 1 and 市民の暮らしを支える仕組みづくり. */
    static Numbered basicGoal(String raw) {
        Matcher m = BASIC_GOAL.matcher(JapaneseText.collapseWhitespace(JapaneseText.toHalfWidthDigits(raw)));
        return m.matches() ? new Numbered(Integer.parseInt(m.group(1)), JapaneseText.joinLines(m.group(2))) : null;
    }

    /** {@code （１2）施設等の整備・充実}: 12 and 施設等の整備・充実. */
    static Numbered direction(String raw) {
        Matcher m = DIRECTION.matcher(JapaneseText.toHalfWidthDigits(raw).strip());
        return m.matches() ? new Numbered(Integer.parseInt(m.group(1)), JapaneseText.joinLines(m.group(2))) : null;
    }

    /** {@code ①関係機関との連携}: 1 and 関係機関との連携; a bare {@code ①} has the name {@code ""}. */
    static Numbered project(String raw) {
        Matcher m = PROJECT.matcher(raw.strip());
        return m.matches() ? new Numbered(m.group(1).charAt(0) - '①' + 1, JapaneseText.joinLines(m.group(2))) : null;
    }

    /** The sections of a 課名 cell: one per line or separated by 、 or a comma. */
    static List<String> sections(String raw) {
        List<String> names = new ArrayList<>();
        for (String name : raw.split("[、,，\\n]")) {
            String trimmed = JapaneseText.collapseWhitespace(name);
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return List.copyOf(names);
    }

    /** Whether the normalized label is one of the {@code aliases} (normalized). */
    static boolean is(String normalizedLabel, String... aliases) {
        for (String alias : aliases) {
            if (normalizedLabel.equals(NORMALIZED_ALIASES.computeIfAbsent(alias, Labels::normalize))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fiscal year printed alone in the title area ({@code Ｒ5年度}, {@code 令和5年度}) or in a title
     * such as {@code …評価一覧（令和5年度）}, in the rows above {@code beforeRow}.
     */
    static OptionalInt titleYear(SheetGrid grid, int beforeRow) {
        for (int row : grid.rowIndexes()) {
            if (row >= beforeRow) {
                break;
            }
            for (GridCell cell : grid.row(row)) {
                String label = cell.label();
                if (SHORT_ERA_YEAR.matcher(label).matches() || label.contains("評価シート") || label.contains("評価一覧")) {
                    OptionalInt year = EraYearParser.parseFiscalYear(label);
                    if (year.isPresent()) {
                        return year;
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /** The last column a cell covers: its merge's last column, or its own. */
    static int lastColumn(SheetGrid grid, GridCell cell) {
        return grid.mergeAt(cell.row(), cell.column()).map(CellRange::lastColumn).orElse(cell.column());
    }

    /** The block of cells a cell covers: its merge region, or the cell alone. */
    static CellRange rangeOf(SheetGrid grid, GridCell cell) {
        return grid.mergeAt(cell.row(), cell.column())
                .orElse(new CellRange(cell.row(), cell.row(), cell.column(), cell.column()));
    }

    /**
     * Whether a row starting with this text is a note under a table rather than data: {@code ※ …},
     * {@code （注）…}, {@code (注)…}, {@code 注：…}, {@code （以下余白）}.
     */
    static boolean isNote(String text) {
        String label = Labels.normalize(text);
        return label.startsWith("※") || label.startsWith("(注") || label.startsWith("注)") || label.startsWith("注:")
                || label.startsWith("(以下余白") || label.equals("以下余白");
    }

    /**
     * The value of a label as a person may place it: right of the label ({@link #valueRightOf}), or, when
     * nothing stands there, under it ({@link #valueUnder}); blank and located right after the label when
     * neither holds one.
     */
    static Located valueOf(SheetGrid grid, GridCell label, java.util.function.Predicate<String> isLabel) {
        Located right = valueRightOf(grid, label, isLabel);
        if (!right.rawText().isEmpty()) {
            return right;
        }
        Located under = valueUnder(grid, label, isLabel);
        return under == null ? right : under;
    }

    /**
     * The value under a label, as on the printed page (指標名 above its name): the first non-empty cell
     * below the label whose columns overlap the label's, before the next label. A row with a label at or
     * left of the label's columns belongs to that label, so the search stops there; {@code null} when
     * there is no such cell.
     */
    static Located valueUnder(SheetGrid grid, GridCell label, java.util.function.Predicate<String> isLabel) {
        CellRange span = rangeOf(grid, label);
        for (int row : grid.rowIndexes()) {
            if (row <= span.lastRow()) {
                continue;
            }
            GridCell value = null;
            for (GridCell cell : grid.row(row)) {
                CellRange box = rangeOf(grid, cell);
                if (cell.text().isBlank() || box.firstColumn() > span.lastColumn()) {
                    continue;
                }
                if (isLabel.test(cell.label())) {
                    return null;
                }
                if (value == null && box.lastColumn() >= span.firstColumn()) {
                    value = cell;
                }
            }
            if (value != null) {
                return new Located(value.address(), value.text().strip());
            }
        }
        return null;
    }

    /**
     * The value of a label: the first non-empty cell right of the label in its row, unless that cell is
     * itself a label (then the value is blank, located right after the label).
     */
    static Located valueRightOf(SheetGrid grid, GridCell label, java.util.function.Predicate<String> isLabel) {
        int after = lastColumn(grid, label) + 1;
        for (GridCell cell : grid.row(label.row())) {
            if (cell.column() < after || cell.text().isBlank()) {
                continue;
            }
            if (isLabel.test(cell.label())) {
                break;
            }
            return new Located(cell.address(), cell.text().strip());
        }
        return new Located(CellAddresses.a1(label.row(), after), "");
    }
}
