package jp.evalsheet.welfare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.StatusParser;
import jp.evalsheet.value.ValueParseException;
import jp.evalsheet.welfare.WelfareLabels.Numbered;
import jp.evalsheet.welfare.WelfareOverview.Grade;
import jp.evalsheet.welfare.WelfareOverview.Row;

/**
 * Understands the overview of the welfare plan (評価一覧) by its printed labels: a header row with
 * 基本目標, 施策の方向性 and 事業名, era-year columns (R3 … R7, 令和3年度 …) in that row or one of the two below
 * it (under 進捗状況), then one row per project, its number and name in one cell ({@code ①関係機関との連携})
 * or two. 基本目標 and 施策の方向性 are merged down over their projects; in a CSV they stand on the first row
 * only, so each row takes the last one printed above it. Blank rows are skipped, and so are the header rows
 * printed again at the top of a later page (with the page's title). A note ({@code ※ 部分は、重点的評価施策},
 * （注）, （以下余白）) ends the table until the next page starts it again: a header row, or a row that starts
 * a 基本目標 or 施策の方向性.
 *
 * <p>Errors reject the sheet, because then no row can be placed: no header row, a year column whose header is
 * not an era year, no project row at all, no evaluation year. A problem of one row costs that row only and
 * is a warning on its cell: a grade other than A, B or C (that grade is not loaded), a row with grades but no
 * project number, a 基本目標 or 施策の方向性 whose number cannot be read (the rows under it are not loaded
 * until the next one that can).
 */
public final class WelfareOverviewExtractor {

    /** The result of reading the overview: the overview, unless an error rejected it, and every finding. */
    public record Extraction(WelfareOverview overview, List<Finding> findings) {

        public boolean isRejected() {
            return overview == null;
        }
    }

    private static final Set<String> GRADES = Set.of("A", "B", "C");
    private static final String[] GOAL = {"基本目標"};
    private static final String[] DIRECTION = {"施策の方向性", "施策の方向"};
    private static final String[] PROJECT = {"事業名", "事業"};
    /** Header labels that may stand among the year columns without being a year. */
    private static final String[] OTHER_COLUMNS = {"担当課", "所管課", "頁", "ページ", "備考", "進捗状況", "評価"};

    /** Whether the sheet looks like the overview: a header of 基本目標, 施策の方向性 and 事業名, and no 指標名. */
    public static boolean recognizes(SheetGrid grid) {
        return findHeader(grid) != null && !WelfareSheetExtractor.recognizes(grid);
    }

    public Extraction extract(SheetGrid grid) {
        String sheet = grid.sheetName();
        List<Finding> findings = new ArrayList<>();
        GridCell[] header = findHeader(grid);
        if (header == null) {
            findings.add(Finding.error(sheet, null, "missing_label",
                    "expected a header row with the labels 基本目標, 施策の方向性 and 事業名", null));
            return new Extraction(null, List.copyOf(findings));
        }
        int headerRow = header[2].row();
        int projectColumn = header[2].column();
        int afterProject = WelfareLabels.lastColumn(grid, header[2]) + 1;

        // the year columns: the row (the header row or one of the two below it) with the most era years
        int yearRow = -1;
        int bestCount = 0;
        for (int row = headerRow; row <= headerRow + 2; row++) {
            int count = 0;
            for (GridCell cell : grid.row(row)) {
                if (cell.column() >= afterProject && EraYearParser.parseFiscalYear(cell.label()).isPresent()) {
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                yearRow = row;
            }
        }
        TreeMap<Integer, Integer> yearColumns = new TreeMap<>();
        if (yearRow < 0) {
            findings.add(Finding.error(sheet, header[2].address(), "missing_label",
                    "expected the year columns R3 … R7 right of 事業名 (under 進捗状況)", header[2].text()));
        } else {
            for (GridCell cell : grid.row(yearRow)) {
                String label = cell.label();
                if (cell.column() < afterProject || label.isEmpty() || WelfareLabels.is(label, OTHER_COLUMNS)) {
                    continue;
                }
                OptionalInt year = EraYearParser.parseFiscalYear(label);
                if (year.isPresent()) {
                    yearColumns.put(cell.column(), year.getAsInt());
                } else {
                    findings.add(Finding.error(sheet, cell.address(), "invalid_year_header",
                            "expected an era fiscal year such as R3 or 令和3年度 as the header of a grade column", cell.text()));
                }
            }
        }
        int firstYear = yearColumns.isEmpty() ? Integer.MAX_VALUE : yearColumns.firstKey();
        int goalColumn = header[0].column();
        int directionColumn = header[1].column();

        List<Row> rows = new ArrayList<>();
        Located goalCell = null;
        Numbered goal = null;
        Located directionCell = null;
        Numbered direction = null;
        boolean ended = false;
        for (int row : grid.rowIndexes()) {
            if (row <= Math.max(headerRow, yearRow)) {
                continue;
            }
            List<GridCell> cells = grid.row(row).stream().filter(c -> !c.text().isBlank()).toList();
            if (cells.isEmpty()) {
                continue;
            }
            if (isHeaderRow(cells, yearColumns)) {
                ended = false; // the header printed again at the top of a page
                continue;
            }
            if (WelfareLabels.isNote(cells.get(0).text())) {
                ended = true; // e.g. ※ 部分は、重点的評価施策 under the table
                continue;
            }
            if (ended && !startsGoalOrDirection(grid, row, goalColumn, directionColumn)) {
                continue;
            }
            ended = false; // the next page, printed without the header again, starts with its 基本目標 or 施策の方向性
            GridCell projectText = projectCell(grid, row, projectColumn, goalColumn, directionColumn, firstYear);
            boolean hasGrades = yearColumns.keySet().stream().anyMatch(c -> !grid.text(row, c).isEmpty());
            GridCell goalText = grid.cell(row, goalColumn);
            if (goalText != null && !goalText.text().isBlank()) {
                Numbered parsed = WelfareLabels.basicGoal(goalText.text());
                if (parsed == null && projectText == null && !hasGrades && isTitle(goalText.label())) {
                    continue; // the title printed again at the top of a page
                }
                goalCell = new Located(goalText.address(), goalText.text().strip());
                goal = parsed;
                if (goal == null) {
                    findings.add(Finding.rowError(sheet, goalText.address(), "invalid_basic_goal",
                            "expected 基本目標 to start with its number, e.g. '１　市民の暮らしを支える仕組みづくり'; "
                                    + "the projects under it were not loaded", goalText.text()));
                }
            }
            GridCell directionText = grid.cell(row, directionColumn);
            if (directionText != null && !directionText.text().isBlank()) {
                directionCell = new Located(directionText.address(), directionText.text().strip());
                direction = WelfareLabels.direction(directionText.text());
                if (direction == null) {
                    findings.add(Finding.rowError(sheet, directionText.address(), "invalid_policy_direction",
                            "expected 施策の方向性 to start with its number in parentheses, e.g. '（１）地域共生社会の実現に向けた仕組みづくり'; "
                                    + "the projects under it were not loaded", directionText.text()));
                }
            }
            Numbered project = projectText == null ? null : WelfareLabels.project(projectText.text());
            if (project == null) {
                if (hasGrades) {
                    GridCell at = grid.cell(row, projectColumn);
                    findings.add(Finding.rowError(sheet, CellAddresses.a1(row, projectColumn), "invalid_project",
                            "expected the project's circled number (①, ②, …) in the 事業名 column of a row with grades; "
                                    + "the grades of this row were not loaded", at == null ? "" : at.text()));
                }
                continue;
            }
            String name = project.name();
            if (name.isEmpty()) {
                for (GridCell cell : cells) {
                    if (cell.column() > projectText.column() && cell.column() < firstYear) {
                        name = JapaneseText.joinLines(cell.text());
                        break;
                    }
                }
            }
            if (goal == null || direction == null) {
                if (goalCell == null || directionCell == null) {
                    findings.add(Finding.rowError(sheet, projectText.address(), "missing_label",
                            "expected the 基本目標 and 施策の方向性 of this project in its row or above it; "
                                    + "the row was not loaded", projectText.text()));
                }
                continue;
            }
            List<Grade> grades = new ArrayList<>();
            for (Map.Entry<Integer, Integer> column : yearColumns.entrySet()) {
                GridCell cell = grid.cell(row, column.getKey());
                if (cell == null || cell.text().isBlank()) {
                    continue;
                }
                try {
                    grades.add(Grade.of(column.getValue(), StatusParser.parse(cell.text(), GRADES), cell.address()));
                } catch (ValueParseException e) {
                    findings.add(Finding.rowError(sheet, cell.address(), "invalid_grade", "進捗状況 "
                            + EraYearParser.eraLabel(column.getValue()) + ": " + e.getMessage() + "; this grade was not loaded",
                            cell.text()));
                }
            }
            rows.add(new Row(goal.number(), goal.name(), goalCell, direction.number(), direction.name(), directionCell,
                    project.number(), name, new Located(projectText.address(), projectText.text().strip()), List.copyOf(grades)));
        }
        if (rows.isEmpty()) {
            findings.add(Finding.error(sheet, header[2].address(), "missing_projects",
                    "expected one row per project (①, ②, …) below the header", null));
        }
        OptionalInt year = WelfareLabels.titleYear(grid, headerRow);
        if (year.isEmpty()) {
            year = rows.stream().flatMap(r -> r.grades().stream()).mapToInt(Grade::fiscalYear).max();
        }
        if (year.isEmpty()) {
            findings.add(Finding.error(sheet, null, "missing_evaluation_year",
                    "expected the evaluation year in the title (e.g. 令和5年度) or at least one grade", null));
        }
        String department = null;
        for (int row : grid.rowIndexes()) {
            if (row >= headerRow) {
                break;
            }
            for (GridCell cell : grid.row(row)) {
                if (WelfareLabels.is(cell.label(), "担当課", "作成課", "所管課")) {
                    String value = WelfareLabels.valueRightOf(grid, cell, label -> false).rawText();
                    department = value.isEmpty() ? null : value;
                }
            }
        }
        if (findings.stream().anyMatch(Finding::rejectsSheet)) {
            return new Extraction(null, List.copyOf(findings));
        }
        return new Extraction(new WelfareOverview(sheet, year.getAsInt(), department,
                List.copyOf(yearColumns.values()), List.copyOf(rows)), List.copyOf(findings));
    }

    /** Whether a row is a header row: a label of the header, or era years over the grade columns. */
    private static boolean isHeaderRow(List<GridCell> cells, Map<Integer, Integer> yearColumns) {
        int years = 0;
        for (GridCell cell : cells) {
            String label = cell.label();
            if (WelfareLabels.is(label, GOAL) || WelfareLabels.is(label, DIRECTION) || WelfareLabels.is(label, PROJECT)
                    || WelfareLabels.is(label, "進捗状況")) {
                return true;
            }
            if (yearColumns.containsKey(cell.column()) && EraYearParser.parseFiscalYear(label).isPresent()) {
                years++;
            }
        }
        return years >= 2;
    }

    private static boolean startsGoalOrDirection(SheetGrid grid, int row, int goalColumn, int directionColumn) {
        return WelfareLabels.basicGoal(grid.text(row, goalColumn)) != null
                || WelfareLabels.direction(grid.text(row, directionColumn)) != null;
    }

    /** Whether a text in the 基本目標 column is the sheet's title, printed again at the top of a page. */
    private static boolean isTitle(String label) {
        return label.contains("評価一覧") || label.contains("評価シート") || label.contains("進行管理")
                || label.contains("地域福祉計画") || label.matches("\\(?(続き?|つづき)\\)?");
    }

    /**
     * The cell of a row's project number: in the 事業名 column, else the first cell left of the grades, outside
     * the 基本目標 and 施策の方向性 columns, that starts with a circled number; {@code null} when there is none.
     */
    private static GridCell projectCell(SheetGrid grid, int row, int projectColumn, int goalColumn, int directionColumn,
            int firstYear) {
        GridCell inColumn = grid.cell(row, projectColumn);
        if (inColumn != null && WelfareLabels.project(inColumn.text()) != null) {
            return inColumn;
        }
        for (GridCell cell : grid.row(row)) {
            if (cell.column() < firstYear && cell.column() != goalColumn && cell.column() != directionColumn
                    && WelfareLabels.project(cell.text()) != null) {
                return cell;
            }
        }
        return null;
    }

    /** The 基本目標, 施策の方向性 and 事業名 label cells of the header row, or {@code null}. */
    private static GridCell[] findHeader(SheetGrid grid) {
        for (int row : grid.rowIndexes()) {
            GridCell[] found = new GridCell[3];
            for (GridCell cell : grid.row(row)) {
                String label = cell.label();
                if (found[0] == null && WelfareLabels.is(label, GOAL)) {
                    found[0] = cell;
                } else if (found[1] == null && WelfareLabels.is(label, DIRECTION)) {
                    found[1] = cell;
                } else if (found[2] == null && WelfareLabels.is(label, PROJECT)) {
                    found[2] = cell;
                }
            }
            if (found[0] != null && found[1] != null && found[2] != null) {
                return found;
            }
        }
        return null;
    }
}
