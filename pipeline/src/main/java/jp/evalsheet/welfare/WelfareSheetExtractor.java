package jp.evalsheet.welfare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.NumberParser;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Status;
import jp.evalsheet.value.StatusParser;
import jp.evalsheet.value.ValueKind;
import jp.evalsheet.value.ValueParseException;
import jp.evalsheet.welfare.WelfareLabels.Numbered;
import jp.evalsheet.welfare.WelfareSheet.BlankYear;
import jp.evalsheet.welfare.WelfareSheet.Evaluation;
import jp.evalsheet.welfare.WelfareSheet.Kind;
import jp.evalsheet.welfare.WelfareSheet.Narrative;
import jp.evalsheet.welfare.WelfareSheet.YearValue;

/**
 * Understands a 地域福祉計画 進行管理・評価シート by its printed labels, not by fixed cell addresses:
 * sections insert rows, merge cells, leave blank rows and rename labels slightly (事　業　名 or 事業名,
 * 施策の方向性 or 施策の方向, R3年度, Ｒ３年度 or 令和3年度). A label's value is the first filled cell right of
 * it or, when nothing stands there, the first filled cell under it (指標名 above its name, as printed).
 *
 * <p>The year table is found by its header 年度 (or, without it, a row of era years) and its era-year
 * columns; its rows by the labels 目標値 and 実績値, with blank rows and notes between them. A two-row
 * indicator prints its sub-row labels (啓発, 研修) either in a column between the row label and the years,
 * or inside each year cell ({@code 啓発 21件}; a bare {@code 啓発} is a blank year), the row label merged
 * down over its sub-rows (in a CSV: on the first sub-row only). Both give the same values. A milestone
 * typed once in a cell merged across several year columns counts for every year it covers. A row
 * starting with ※, （注） or （以下余白） is a note, never data.
 *
 * <p>The grade is the value of 評価 (自己評価), else the lone letter A, B or C printed beside or below the
 * key of the grades ({@code A　着実に進捗している} … {@code C　進捗が順調でない}) or the label 進捗状況及び自己評価.
 *
 * <p>Errors reject the sheet, because without them nothing on it can be trusted or placed: a missing
 * required label (課名, 基本目標, 施策の方向性, 事業名, 指標名, the year table, 目標値, 実績値), a numbering that
 * cannot be read (the subject code is built from it), a year column whose header is not an era year, no
 * evaluation year, a grade that is missing, other than A, B or C, or two different lone letters with no
 * way to tell which is meant. A problem of one year cell or one row of the year table is a warning on that
 * cell: its value is not loaded and the rest of the sheet is.
 */
public final class WelfareSheetExtractor {

    /** The result of reading one sheet: the sheet, unless an error rejected it, and every finding. */
    public record Extraction(WelfareSheet sheet, List<Finding> findings) {

        public boolean isRejected() {
            return sheet == null;
        }
    }

    private static final Set<String> GRADES = Set.of("A", "B", "C");

    /** The labels with a value right of them or under them, and the spellings departments use for them. */
    private enum Field {
        BUREAU(false, "部局名", "部局"),
        SECTION(true, "課名", "担当課名"),
        SUBSECTION(false, "係名", "担当係"),
        BASIC_GOAL(true, "基本目標"),
        DIRECTION(true, "施策の方向性", "施策の方向"),
        PROJECT(true, "事業名"),
        OUTLINE(false, "事業の概要", "事業概要"),
        INDICATOR(true, "指標名"),
        // required, but found without its label too: the lone letter beside the key of the grades
        EVALUATION(false, "評価", "自己評価", "評価(自己評価)", "自己評価(A・B・C)");

        final boolean required;
        final String[] aliases;

        Field(boolean required, String... aliases) {
            this.required = required;
            this.aliases = aliases;
        }
    }

    /** The narrative blocks: a label with its text right of it or under it. */
    private enum Block {
        ACTIVITIES("activities", "((R|H|令和|平成)(元|\\d{1,2})年度の?)?取り?組み?内容"),
        SELF_ASSESSMENT("self_assessment", "進捗状況(及び|と|・)?自己評価"),
        ISSUES("issues", "課題"),
        NEXT_STEPS("next_steps", "今後の取り?組み?方針"),
        COOPERATION("cooperation", "(\\d\\.?)?協働事項.*"),
        COMMITTEE_OPINION("committee_opinion", "(\\d\\.?)?推進委員会の意見.*");

        final String key;
        final Pattern pattern;

        Block(String key, String regex) {
            this.key = key;
            this.pattern = Pattern.compile(regex);
        }
    }

    private static final Pattern SECTION_HEADING = Pattern.compile("\\d\\.?(取り?組み?内容・成果・進捗状況|課題・今後の取り?組み?方針).*");

    /** The vertical caption beside the plan's part of the header: 第４期計画掲載内容. */
    private static final Pattern CAPTION = Pattern.compile("(第\\d+期)?計画掲載内容");

    /** An era year alone, as a column header of the year table: R3年度, 令和3年度, R3. */
    private static final Pattern YEAR_HEADER = Pattern.compile("(R|H|令和|平成)(元|\\d{1,2})(年度?)?");

    /** A value Excel shows for a formula that failed: not a value of the sheet. */
    private static final Pattern EXCEL_ERROR = Pattern.compile("#(DIV/0!|N/A|NAME\\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)");

    /** Whether the sheet looks like a welfare progress sheet: 施策の方向性, 指標名 and a 目標値 row. */
    public static boolean recognizes(SheetGrid grid) {
        boolean direction = false;
        boolean indicator = false;
        boolean target = false;
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                String label = cell.label();
                direction |= WelfareLabels.is(label, Field.DIRECTION.aliases);
                indicator |= WelfareLabels.is(label, Field.INDICATOR.aliases);
                target |= label.equals("目標値") || label.equals("目標");
            }
        }
        return direction && indicator && target;
    }

    public Extraction extract(SheetGrid grid) {
        return new Reading(grid).read();
    }

    static boolean isLabel(String normalized) {
        for (Field field : Field.values()) {
            if (WelfareLabels.is(normalized, field.aliases)) {
                return true;
            }
        }
        for (Block block : Block.values()) {
            if (block.pattern.matcher(normalized).matches()) {
                return true;
            }
        }
        return normalized.equals("年度") || normalized.startsWith("目標値") || normalized.startsWith("実績値")
                || SECTION_HEADING.matcher(normalized).matches() || CAPTION.matcher(normalized).matches();
    }

    /** The state of reading one sheet. */
    private static final class Reading {
        private final SheetGrid grid;
        private final String sheet;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<Field, GridCell> labels = new LinkedHashMap<>();
        private final List<Narrative> narratives = new ArrayList<>();
        private final List<YearValue> values = new ArrayList<>();
        private final List<BlankYear> blanks = new ArrayList<>();
        /** Year columns of the year table: column index to fiscal year. */
        private final TreeMap<Integer, Integer> yearColumns = new TreeMap<>();
        /** The rows the year table takes, header to last value row; none until it is read. */
        private int tableFirstRow = -1;
        private int tableLastRow = -1;

        Reading(SheetGrid grid) {
            this.grid = grid;
            this.sheet = grid.sheetName();
        }

        Extraction read() {
            findLabels();
            for (Field field : Field.values()) {
                if (field.required && !labels.containsKey(field)) {
                    error(null, "missing_label", "expected the label " + field.aliases[0]
                            + " with its value right of it or under it", null);
                }
            }
            Located bureau = optional(Field.BUREAU);
            Located sectionsCell = optional(Field.SECTION);
            Located subsection = optional(Field.SUBSECTION);
            Located basicGoal = optional(Field.BASIC_GOAL);
            Located direction = optional(Field.DIRECTION);
            Located project = optional(Field.PROJECT);
            Located outline = optional(Field.OUTLINE);
            Located indicator = optional(Field.INDICATOR);

            List<String> sections = sectionsCell == null ? List.of() : WelfareLabels.sections(sectionsCell.rawText());
            if (sectionsCell != null && sections.isEmpty()) {
                error(sectionsCell.cell(), "missing_section", "expected the section (課) that owns the sheet right of 課名 or under it", "");
            }
            Numbered goal = numbered(basicGoal, WelfareLabels.basicGoal(text(basicGoal)), "invalid_basic_goal",
                    "expected 基本目標 to start with its number, e.g. '１　市民の暮らしを支える仕組みづくり'");
            Numbered dir = numbered(direction, WelfareLabels.direction(text(direction)), "invalid_policy_direction",
                    "expected 施策の方向性 to start with its number in parentheses, e.g. '（１）地域共生社会の実現に向けた仕組みづくり'");
            Numbered proj = numbered(project, WelfareLabels.project(text(project)), "invalid_project",
                    "expected 事業名 to start with its circled number, e.g. '①関係機関との連携'");
            if (proj != null && proj.name().isEmpty()) {
                error(project.cell(), "invalid_project", "expected the project name after its number in 事業名", project.rawText());
                proj = null;
            }
            if (indicator != null && indicator.rawText().isEmpty()) {
                error(indicator.cell(), "missing_indicator", "expected the indicator name right of 指標名 or under it", "");
            }
            int headerRow = readYearTable();
            Evaluation evaluation = readEvaluation();
            readNarratives();

            OptionalInt year = WelfareLabels.titleYear(grid, headerRow < 0 ? grid.lastRowIndex() + 1 : headerRow);
            if (year.isEmpty()) {
                year = values.stream().filter(v -> v.kind() == Kind.ACTUAL).mapToInt(YearValue::fiscalYear).max();
            }
            if (year.isEmpty() && headerRow >= 0) {
                error(null, "missing_evaluation_year", "expected the evaluation year in the title (e.g. Ｒ5年度) "
                        + "or at least one 実績値 in the year table", null);
            }
            if (findings.stream().anyMatch(Finding::rejectsSheet)) {
                return new Extraction(null, List.copyOf(findings));
            }
            WelfareSheet result = new WelfareSheet(sheet, year.getAsInt(), blankToNull(bureau), sections, sectionsCell,
                    blankToNull(subsection), goal.number(), goal.name(), basicGoal, dir.number(), dir.name(), direction,
                    proj.number(), proj.name(), project, blankToNull(outline), JapaneseText.joinLines(indicator.rawText()),
                    indicator, List.copyOf(yearColumns.values()), List.copyOf(values), List.copyOf(blanks), evaluation,
                    List.copyOf(narratives));
            return new Extraction(result, List.copyOf(findings));
        }

        /** The first cell of each field's label, top to bottom, left to right. */
        private void findLabels() {
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    String label = cell.label();
                    for (Field field : Field.values()) {
                        if (!labels.containsKey(field) && WelfareLabels.is(label, field.aliases)) {
                            labels.put(field, cell);
                        }
                    }
                }
            }
        }

        private Located optional(Field field) {
            GridCell label = labels.get(field);
            return label == null ? null : WelfareLabels.valueOf(grid, label, WelfareSheetExtractor::isLabel);
        }

        private Numbered numbered(Located cell, Numbered parsed, String rule, String message) {
            if (cell != null && parsed == null) {
                error(cell.cell(), rule, message, cell.rawText());
            }
            return parsed;
        }

        /**
         * Reads the year table: the header row (年度 and era-year columns), then the 目標値 and 実績値 rows
         * and their sub-rows. Returns the header row, or -1 when there is none.
         */
        private int readYearTable() {
            GridCell header = findYearHeader();
            if (header == null) {
                error(null, "missing_label", "expected the year table: the label 年度 followed by the columns R3年度 … R7年度", null);
                return -1;
            }
            boolean labelled = header.label().equals("年度");
            int firstYearColumn = labelled ? WelfareLabels.lastColumn(grid, header) + 1 : header.column();
            for (GridCell cell : grid.row(header.row())) {
                if (cell.column() < firstYearColumn || cell.text().isBlank()) {
                    continue;
                }
                OptionalInt year = EraYearParser.parseFiscalYear(cell.label());
                if (year.isEmpty()) {
                    error(cell.address(), "invalid_year_header", "expected an era fiscal year such as R3年度 or 令和3年度 "
                            + "as the header of a column of the year table", cell.text());
                } else {
                    yearColumns.put(cell.column(), year.getAsInt());
                }
            }
            tableFirstRow = header.row();
            tableLastRow = header.row();
            if (yearColumns.isEmpty()) {
                error(header.address(), "missing_label", "expected the year columns R3年度 … R7年度 right of 年度", header.text());
                return header.row();
            }
            boolean target = false;
            boolean actual = false;
            for (RowGroup group : rowGroups(header.row())) {
                target |= group.kind == Kind.TARGET;
                actual |= group.kind == Kind.ACTUAL;
                readGroup(group);
            }
            if (!target) {
                error(header.address(), "missing_label", "expected the row 目標値 below the year table header 年度", header.text());
            }
            if (!actual) {
                error(header.address(), "missing_label", "expected the row 実績値 below the year table header 年度", header.text());
            }
            return header.row();
        }

        /**
         * The header of the year table: the label 年度, else the first of two or more era years side by side
         * in a row that has a 目標値 or 実績値 row below it.
         */
        private GridCell findYearHeader() {
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    if (cell.label().equals("年度")) {
                        return cell;
                    }
                }
            }
            for (int row : grid.rowIndexes()) {
                List<GridCell> years = grid.row(row).stream().filter(c -> YEAR_HEADER.matcher(c.label()).matches()).toList();
                if (years.size() >= 2 && hasKindRowBelow(row)) {
                    return years.get(0);
                }
            }
            return null;
        }

        private boolean hasKindRowBelow(int headerRow) {
            for (int row : grid.rowIndexes()) {
                if (row > headerRow && grid.row(row).stream().anyMatch(c -> kindOf(c) != null)) {
                    return true;
                }
            }
            return false;
        }

        /** 目標値 or 実績値 by a row label (目標, 目標値, 実績値 (件) …), else {@code null}. */
        private static Kind kindOf(GridCell cell) {
            String label = cell.label();
            return label.startsWith("目標") ? Kind.TARGET : label.startsWith("実績") ? Kind.ACTUAL : null;
        }

        /** A row label (目標値 or 実績値) and the rows it stands for: one, or one per sub-row. */
        private static final class RowGroup {
            final Kind kind;
            final GridCell label;
            final CellRange labelRange;
            final List<GroupRow> rows = new ArrayList<>();

            RowGroup(Kind kind, GridCell label, CellRange labelRange) {
                this.kind = kind;
                this.label = label;
                this.labelRange = labelRange;
            }

            boolean hasSubLabelColumn() {
                return rows.stream().anyMatch(r -> r.subLabel != null);
            }
        }

        /** One row of a group and its sub-label cell between the row label and the years, if any. */
        private record GroupRow(int row, GridCell subLabel) {
        }

        /**
         * The rows of the year table below its header, grouped under their row labels. A row belongs to the
         * group above it when it has nothing left of the group's label column and it is covered by the
         * label's merge, or carries a sub-label as the row above it does, or holds only year cells (sub-labels
         * inside the cells). Blank rows are skipped; a note closes the group; any other row ends the table.
         */
        private List<RowGroup> rowGroups(int headerRow) {
            int firstYear = yearColumns.firstKey();
            List<RowGroup> groups = new ArrayList<>();
            RowGroup open = null;
            for (int row : grid.rowIndexes()) {
                if (row <= headerRow) {
                    continue;
                }
                List<GridCell> cells = grid.row(row).stream().filter(c -> !c.text().isBlank() || c.formula() != null).toList();
                if (cells.isEmpty()) {
                    continue;
                }
                if (WelfareLabels.isNote(cells.get(0).text())) {
                    open = null;
                    continue;
                }
                GridCell kindCell = null;
                GridCell subLabel = null;
                for (GridCell cell : cells) {
                    if (cell.column() >= firstYear) {
                        break;
                    }
                    if (kindCell == null && kindOf(cell) != null) {
                        kindCell = cell;
                    } else if (kindCell != null || (open != null && cell.column() > open.labelRange.lastColumn())) {
                        subLabel = cell;
                    }
                }
                if (kindCell != null) {
                    CellRange range = WelfareLabels.rangeOf(grid, kindCell);
                    if (subLabel != null && subLabel.column() <= range.lastColumn()) {
                        subLabel = null;
                    }
                    open = new RowGroup(kindOf(kindCell), kindCell, range);
                    open.rows.add(new GroupRow(row, subLabel));
                    groups.add(open);
                    tableLastRow = row;
                    continue;
                }
                if (open != null && cells.get(0).column() > open.labelRange.lastColumn()) {
                    boolean underLabel = row <= open.labelRange.lastRow();
                    boolean subRow = subLabel != null && open.rows.get(open.rows.size() - 1).subLabel() != null;
                    boolean yearCellsOnly = subLabel == null && cells.get(0).column() >= firstYear && !open.hasSubLabelColumn();
                    if (underLabel || subRow || yearCellsOnly) {
                        open.rows.add(new GroupRow(row, subLabel));
                        tableLastRow = row;
                        continue;
                    }
                }
                break;
            }
            return groups;
        }

        /**
         * Reads the rows of one group: one row of values; sub-rows with their labels in a column of their own;
         * or sub-rows whose labels stand inside the year cells ({@code 啓発 21件}). A row that fits none of
         * these is reported and not loaded.
         */
        private void readGroup(RowGroup group) {
            if (group.rows.size() == 1 || group.hasSubLabelColumn()) {
                for (GroupRow row : group.rows) {
                    readYearRow(row.row(), group.kind, row.subLabel() == null ? null : JapaneseText.joinLines(row.subLabel().text()), false);
                }
                return;
            }
            List<String> heads = group.rows.stream().map(r -> rowHead(r.row())).toList();
            boolean someValue = group.rows.stream().anyMatch(r -> hasValueAfterHead(r.row(), rowHead(r.row())));
            boolean merged = group.labelRange.lastRow() > group.labelRange.firstRow();
            boolean inCell = heads.get(0) != null && (someValue || merged);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < group.rows.size(); i++) {
                int row = group.rows.get(i).row();
                String head = heads.get(i);
                if (!inCell && i == 0) {
                    readYearRow(row, group.kind, null, false);
                } else if (inCell && head != null && seen.add(head)) {
                    readYearRow(row, group.kind, head, true);
                } else {
                    GridCell first = grid.row(row).get(0);
                    rowError(first.address(), "unread_row", "expected each row under " + JapaneseText.joinLines(group.label.text())
                            + " to carry its own sub-label (啓発, 研修), in a column before the years or at the start of "
                            + "each year cell (啓発 21件); the values of this row were not loaded", first.text());
                }
            }
        }

        /**
         * The sub-label this row's year cells start with: the word most of them start with, when it is text
         * and not a value; {@code null} when there is none.
         */
        private String rowHead(int row) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int column : yearColumns.keySet()) {
                GridCell cell = grid.cell(row, column);
                if (cell != null && !cell.text().isBlank()) {
                    counts.merge(head(cell.text()), 1, Integer::sum);
                }
            }
            String best = null;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (best == null || entry.getValue() > counts.get(best)) {
                    best = entry.getKey();
                }
            }
            return best != null && NumberParser.parse(best).kind() == ValueKind.TEXT ? best : null;
        }

        private boolean hasValueAfterHead(int row, String head) {
            if (head == null) {
                return false;
            }
            for (int column : yearColumns.keySet()) {
                String text = trim(grid.text(row, column));
                if (text.startsWith(head) && !trim(text.substring(head.length())).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The sub-label a year cell starts with: the text before its first space ({@code 啓発 21件}), else
         * before a number that ends it ({@code SNS12回}), else the whole text (a bare {@code 啓発}).
         */
        private static String head(String text) {
            String trimmed = trim(text);
            for (int i = 0; i < trimmed.length(); i++) {
                if (JapaneseText.isWhitespace(trimmed.charAt(i))) {
                    return trimmed.substring(0, i);
                }
            }
            java.util.regex.Matcher m = GLUED_VALUE.matcher(trimmed);
            if (m.matches() && NumberParser.parse(m.group(2)).isNumber()) {
                return m.group(1);
            }
            return trimmed;
        }

        private static final Pattern GLUED_VALUE = Pattern.compile("(.+?)([-+△▲−]?[0-9０-９].*)");

        /**
         * Reads one row of the year table. With {@code inCell}, each year cell starts with {@code subLabel}
         * and the value follows it; a cell holding only the sub-label is a blank year.
         */
        private void readYearRow(int row, Kind kind, String subLabel, boolean inCell) {
            java.util.Set<Integer> covered = new java.util.HashSet<>();
            for (Map.Entry<Integer, Integer> column : yearColumns.entrySet()) {
                int col = column.getKey();
                if (covered.contains(col)) {
                    continue;
                }
                GridCell cell = grid.cell(row, col);
                String address = CellAddresses.a1(row, col);
                if (cell != null && cell.isFormulaWithoutCachedValue()) {
                    findings.add(Finding.warning(sheet, address, "formula_without_cached_value",
                            "the formula =" + cell.formula() + " has no calculated value saved in the file; "
                                    + "open and save the workbook in Excel so the value is stored", "=" + cell.formula()));
                }
                String text = cell == null ? "" : trim(cell.text());
                if (inCell && !text.isEmpty()) {
                    if (!text.startsWith(subLabel)) {
                        rowError(address, "unreadable_value", "expected the sub-label " + subLabel + " then the value "
                                + "(e.g. '" + subLabel + " 21件') in this cell of the " + kindLabel(kind) + " row, as in the "
                                + "other cells of its row; this value was not loaded", cell.text());
                        continue;
                    }
                    text = trim(text.substring(subLabel.length()));
                }
                if (text.isEmpty()) {
                    blanks.add(new BlankYear(column.getValue(), kind, subLabel, address));
                    continue;
                }
                if (EXCEL_ERROR.matcher(text).matches()) {
                    rowError(address, "unreadable_value", "the cell of " + kindLabel(kind) + " " + EraYearParser.eraLabel(column.getValue())
                            + " shows the Excel error " + text + " instead of a value; this value was not loaded: "
                            + "correct the formula or type the value", cell.text());
                    continue;
                }
                ParsedValue value = NumberParser.parse(inCell ? text : cell.text());
                CellRange merge = grid.mergeAt(row, col)
                        .filter(m -> m.firstRow() == row && m.firstColumn() == col && yearsIn(m).size() > 1)
                        .orElse(null);
                values.add(new YearValue(column.getValue(), kind, value, subLabel, address, merge, false));
                if (merge != null) {
                    for (int other : yearsIn(merge)) {
                        if (other != col) {
                            covered.add(other);
                            values.add(new YearValue(yearColumns.get(other), kind, value, subLabel, address, merge, true));
                        }
                    }
                }
            }
        }

        private static String kindLabel(Kind kind) {
            return kind == Kind.TARGET ? "目標値" : "実績値";
        }

        private List<Integer> yearsIn(CellRange merge) {
            return List.copyOf(yearColumns.subMap(merge.firstColumn(), true, merge.lastColumn(), true).keySet());
        }

        /**
         * The grade: the value of 評価 when it starts with a letter, else the lone letter A, B or C beside or
         * below the key of the grades or the label 進捗状況及び自己評価.
         */
        private Evaluation readEvaluation() {
            Legend legend = findLegend();
            GridCell label = labels.get(Field.EVALUATION);
            Located labelled = null;
            if (label != null) {
                labelled = WelfareLabels.valueOf(grid, label, WelfareSheetExtractor::isLabel);
                String text = labelled.rawText();
                if (!text.isEmpty() && !isLegend(text) && startsWithLetter(text)) {
                    try {
                        return evaluation(StatusParser.parse(text, GRADES), labelled.cell(), legend);
                    } catch (ValueParseException e) {
                        error(labelled.cell(), "invalid_evaluation", "評価: " + e.getMessage(), text);
                        return null;
                    }
                }
            }
            GridCell letter = loneLetter(legend);
            if (letter != null) {
                return evaluation(StatusParser.parse(letter.text(), GRADES), letter.address(), legend);
            }
            if (findings.stream().anyMatch(f -> f.rule().equals("ambiguous_evaluation") && f.isError())) {
                return null;
            }
            if (labelled != null) {
                error(labelled.cell(), "missing_evaluation", "expected the self-evaluation right of 評価: "
                        + "A 着実に進捗している, B ある程度進捗している or C 進捗が順調でない", "");
            } else {
                error(null, "missing_evaluation", "expected the self-evaluation: the label 評価 with A, B or C right of it, "
                        + "or the letter A, B or C alone in a cell beside or below the key of the grades "
                        + "(A 着実に進捗している … C 進捗が順調でない) or the label 進捗状況及び自己評価", null);
            }
            return null;
        }

        /** The grade; a letter printed alone takes its wording from the key of the grades when there is one. */
        private static Evaluation evaluation(Status status, String cell, Legend legend) {
            String label = status.label().isEmpty() && legend != null ? legend.labels.getOrDefault(status.code(), "") : status.label();
            return new Evaluation(status.code(), label, status.raw(), cell);
        }

        private static boolean startsWithLetter(String text) {
            char first = JapaneseText.toHalfWidthLetters(text.strip()).charAt(0);
            return (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
        }

        /** The printed key of the grades (A…, B…, C… on separate lines) is not an evaluation. */
        private static boolean isLegend(String text) {
            return text.strip().split("\\R").length >= 3 && text.contains("B") && text.contains("C");
        }

        /**
         * The printed key of the grades: the cells that print it and their bounds, and the wording of each
         * letter (A 着実に進捗している).
         */
        private record Legend(CellRange box, Map<String, String> labels) {
        }

        private static final Pattern LEGEND_LINE = Pattern.compile("([A-CＡ-Ｃ])[\\s　]*(.*進捗.*)");

        /** The key of the grades: one cell with a line per letter, or three cells A, B, C in a column or row. */
        private Legend findLegend() {
            Map<String, GridCell> single = new LinkedHashMap<>();
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    Map<String, String> lines = legendLines(cell.text());
                    if (lines.size() == 3) {
                        return new Legend(WelfareLabels.rangeOf(grid, cell), lines);
                    }
                    if (lines.size() == 1 && cell.text().strip().lines().count() == 1) {
                        single.putIfAbsent(lines.keySet().iterator().next(), cell);
                    }
                }
            }
            GridCell a = single.get("A");
            GridCell b = single.get("B");
            GridCell c = single.get("C");
            if (a == null || b == null || c == null) {
                return null;
            }
            boolean column = a.column() == b.column() && b.column() == c.column() && a.row() < b.row() && b.row() < c.row()
                    && c.row() - a.row() <= 4;
            boolean row = a.row() == b.row() && b.row() == c.row() && a.column() < b.column() && b.column() < c.column();
            if (!column && !row) {
                return null;
            }
            CellRange first = WelfareLabels.rangeOf(grid, a);
            CellRange last = WelfareLabels.rangeOf(grid, c);
            Map<String, String> labels = new LinkedHashMap<>();
            for (GridCell cell : List.of(a, b, c)) {
                labels.putAll(legendLines(cell.text()));
            }
            return new Legend(new CellRange(first.firstRow(), last.lastRow(), first.firstColumn(), last.lastColumn()), labels);
        }

        /** The lines of a cell that read as a line of the key: letter to wording. */
        private static Map<String, String> legendLines(String text) {
            Map<String, String> lines = new LinkedHashMap<>();
            if (!text.contains("進捗")) {
                return lines; // most cells; the key's every line speaks of 進捗
            }
            for (String line : text.split("\\R")) {
                java.util.regex.Matcher m = LEGEND_LINE.matcher(line.strip());
                if (m.matches()) {
                    lines.putIfAbsent(JapaneseText.toHalfWidthLetters(m.group(1)), JapaneseText.joinLines(m.group(2)));
                }
            }
            return lines;
        }

        /**
         * The lone letter A, B or C meant as the grade: among the letters beside or below the key of the grades
         * or the label 進捗状況及び自己評価, the only one, else the only one next to the key. Letters that agree are
         * one grade (a warning says where else it stands); letters that disagree are an error.
         */
        private GridCell loneLetter(Legend legend) {
            List<CellRange> anchors = new ArrayList<>();
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    if (Block.SELF_ASSESSMENT.pattern.matcher(cell.label()).matches()) {
                        anchors.add(WelfareLabels.rangeOf(grid, cell));
                    }
                }
            }
            List<GridCell> near = new ArrayList<>();
            List<GridCell> nextToKey = new ArrayList<>();
            for (int row : grid.rowIndexes()) {
                if (row >= tableFirstRow && row <= tableLastRow) {
                    continue;
                }
                for (GridCell cell : grid.row(row)) {
                    if (!isLoneLetter(cell.text())) {
                        continue;
                    }
                    CellRange box = WelfareLabels.rangeOf(grid, cell);
                    boolean byKey = legend != null && (beside(box, legend.box, true) || below(box, legend.box));
                    boolean byLabel = anchors.stream().anyMatch(a -> beside(box, a, false) || below(box, a));
                    if (byKey || byLabel) {
                        near.add(cell);
                    }
                    if (legend != null && (besideWithNothingBetween(box, legend.box) || below(box, legend.box))) {
                        nextToKey.add(cell);
                    }
                }
            }
            List<GridCell> candidates = near.size() > 1 && !nextToKey.isEmpty() ? nextToKey : near;
            if (candidates.isEmpty()) {
                return null;
            }
            List<String> codes = candidates.stream().map(c -> JapaneseText.toHalfWidthLetters(c.text().strip())).distinct().toList();
            String where = String.join(", ", candidates.stream().map(GridCell::address).toList());
            if (codes.size() > 1) {
                error(candidates.get(0).address(), "ambiguous_evaluation", "expected one self-evaluation letter beside the key "
                        + "of the grades, found " + String.join(" and ", codes) + " alone in the cells " + where
                        + ": leave the grade in one cell only", where);
                return null;
            }
            if (candidates.size() > 1) {
                warning(candidates.get(0).address(), "ambiguous_evaluation", "the self-evaluation " + codes.get(0)
                        + " stands alone in several cells (" + where + "); the one in " + candidates.get(0).address()
                        + " was loaded", where);
            }
            return candidates.get(0);
        }

        private static boolean isLoneLetter(String text) {
            StringBuilder letters = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (!JapaneseText.isWhitespace(c)) {
                    letters.append(c);
                }
            }
            return GRADES.contains(JapaneseText.toHalfWidthLetters(letters.toString()));
        }

        /** In the rows of {@code anchor}, right of it (or left of it too, when {@code eitherSide}). */
        private static boolean beside(CellRange box, CellRange anchor, boolean eitherSide) {
            boolean sameRows = box.firstRow() <= anchor.lastRow() && box.lastRow() >= anchor.firstRow();
            return sameRows && (box.firstColumn() > anchor.lastColumn() || (eitherSide && box.lastColumn() < anchor.firstColumn()));
        }

        /** The first filled cell under {@code anchor}, in its columns. */
        private boolean below(CellRange box, CellRange anchor) {
            for (int row : grid.rowIndexes()) {
                if (row <= anchor.lastRow()) {
                    continue;
                }
                for (GridCell cell : grid.row(row)) {
                    CellRange other = WelfareLabels.rangeOf(grid, cell);
                    if (!cell.text().isBlank() && other.firstColumn() <= anchor.lastColumn() && other.lastColumn() >= anchor.firstColumn()) {
                        return other.equals(box);
                    }
                }
            }
            return false;
        }

        /** Beside the key in one of its rows, with no filled cell between. */
        private boolean besideWithNothingBetween(CellRange box, CellRange key) {
            if (!beside(box, key, true)) {
                return false;
            }
            int from = Math.min(box.lastColumn(), key.lastColumn()) + 1;
            int to = Math.max(box.firstColumn(), key.firstColumn()) - 1;
            int row = box.firstRow();
            return grid.row(row).stream().noneMatch(c -> c.column() >= from && c.column() <= to && !c.text().isBlank());
        }

        private void readNarratives() {
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    String label = cell.label();
                    for (Block block : Block.values()) {
                        if (label.length() <= 60 && block.pattern.matcher(label).matches()
                                && narratives.stream().noneMatch(n -> n.key().equals(block.key))) {
                            Located text = WelfareLabels.valueOf(grid, cell, WelfareSheetExtractor::isLabel);
                            // the grade and the printed key of the grades may stand where a narrative would
                            if (!text.rawText().isEmpty() && !isLoneLetter(text.rawText()) && !isLegend(text.rawText())) {
                                narratives.add(new Narrative(block.key, JapaneseText.joinLines(cell.text()),
                                        text.rawText(), text.cell()));
                            }
                        }
                    }
                }
            }
        }

        private void error(String cell, String rule, String message, String raw) {
            findings.add(Finding.error(sheet, cell, rule, message, raw));
        }

        /** A value or row that could not be read and was not loaded: an error on its cell that costs only it. */
        private void rowError(String cell, String rule, String message, String raw) {
            findings.add(Finding.rowError(sheet, cell, rule, message, raw));
        }

        private void warning(String cell, String rule, String message, String raw) {
            findings.add(Finding.warning(sheet, cell, rule, message, raw));
        }

        private static String text(Located located) {
            return located == null ? "" : located.rawText();
        }

        private static Located blankToNull(Located located) {
            return located == null || located.rawText().isEmpty() ? null : located;
        }

        /** Trims whitespace of any width (the full-width space too) from both ends. */
        private static String trim(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && JapaneseText.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && JapaneseText.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }
    }
}
