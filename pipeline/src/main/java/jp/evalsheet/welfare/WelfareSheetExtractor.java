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
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.NumberParser;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Status;
import jp.evalsheet.value.StatusParser;
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
 * 施策の方向性 or 施策の方向, R3年度 or 令和3年度). A label's value is the first filled cell right of it.
 *
 * <p>The year table is found by its header 年度 and its era-year columns; its rows by the labels
 * 目標値 and 実績値. A two-row indicator prints a sub-row label (啓発, 研修) between the row label and the
 * year columns, with the row label merged down over its sub-rows (in a CSV: on the first sub-row only).
 * A milestone typed once in a cell merged across several year columns counts for every year it covers.
 *
 * <p>Errors reject the sheet: a missing required label (課名, 基本目標, 施策の方向性, 事業名, 指標名, the
 * year table, 目標値, 実績値, 評価), a numbering that cannot be read (the subject code is built from it),
 * a year column whose header is not an era year, an evaluation other than A, B or C, no evaluation year.
 */
public final class WelfareSheetExtractor {

    /** The result of reading one sheet: the sheet, unless an error rejected it, and every finding. */
    public record Extraction(WelfareSheet sheet, List<Finding> findings) {

        public boolean isRejected() {
            return sheet == null;
        }
    }

    private static final Set<String> GRADES = Set.of("A", "B", "C");

    /** The labels with a value to their right, and the spellings departments use for them. */
    private enum Field {
        BUREAU(false, "部局名", "部局"),
        SECTION(true, "課名", "担当課名"),
        SUBSECTION(false, "係名", "担当係"),
        BASIC_GOAL(true, "基本目標"),
        DIRECTION(true, "施策の方向性", "施策の方向"),
        PROJECT(true, "事業名"),
        OUTLINE(false, "事業の概要", "事業概要"),
        INDICATOR(true, "指標名"),
        EVALUATION(true, "評価", "自己評価", "評価(自己評価)", "自己評価(A・B・C)");

        final boolean required;
        final String[] aliases;

        Field(boolean required, String... aliases) {
            this.required = required;
            this.aliases = aliases;
        }
    }

    /** The narrative blocks: a label with its text to the right. */
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
                || SECTION_HEADING.matcher(normalized).matches();
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

        Reading(SheetGrid grid) {
            this.grid = grid;
            this.sheet = grid.sheetName();
        }

        Extraction read() {
            findLabels();
            for (Field field : Field.values()) {
                if (field.required && !labels.containsKey(field)) {
                    error(null, "missing_label", "expected the label " + field.aliases[0] + " with its value to its right", null);
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
                error(sectionsCell.cell(), "missing_section", "expected the section (課) that owns the sheet right of 課名", "");
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
                error(indicator.cell(), "missing_indicator", "expected the indicator name right of 指標名", "");
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
            if (findings.stream().anyMatch(Finding::isError)) {
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
            return label == null ? null : WelfareLabels.valueRightOf(grid, label, WelfareSheetExtractor::isLabel);
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
            GridCell header = null;
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    if (cell.label().equals("年度")) {
                        header = cell;
                        break;
                    }
                }
                if (header != null) {
                    break;
                }
            }
            if (header == null) {
                error(null, "missing_label", "expected the year table: the label 年度 followed by the columns R3年度 … R7年度", null);
                return -1;
            }
            int firstYearColumn = WelfareLabels.lastColumn(grid, header) + 1;
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
            if (yearColumns.isEmpty()) {
                error(header.address(), "missing_label", "expected the year columns R3年度 … R7年度 right of 年度", header.text());
                return header.row();
            }
            int firstYear = yearColumns.firstKey();
            Kind kind = null;
            int kindColumn = -1;
            boolean previousHadSubLabel = false;
            boolean target = false;
            boolean actual = false;
            for (int row : grid.rowIndexes()) {
                if (row <= header.row()) {
                    continue;
                }
                List<GridCell> cells = grid.row(row);
                GridCell kindCell = null;
                GridCell subLabel = null;
                for (GridCell cell : cells) {
                    if (cell.column() >= firstYear) {
                        break;
                    }
                    String label = cell.label();
                    if (kindCell == null && (label.startsWith("目標") || label.startsWith("実績"))) {
                        kindCell = cell;
                    } else if (kindCell != null || (kind != null && cell.column() > kindColumn)) {
                        subLabel = cell;
                    }
                }
                if (kindCell != null) {
                    kind = kindCell.label().startsWith("目標") ? Kind.TARGET : Kind.ACTUAL;
                    kindColumn = kindCell.column();
                    if (subLabel != null && subLabel.column() <= kindColumn) {
                        subLabel = null;
                    }
                } else {
                    boolean continues = kind != null && previousHadSubLabel && subLabel != null
                            && leftmost(cells) > kindColumn;
                    if (!continues) {
                        break;
                    }
                }
                target |= kind == Kind.TARGET;
                actual |= kind == Kind.ACTUAL;
                previousHadSubLabel = subLabel != null;
                readYearRow(row, kind, subLabel == null ? null : JapaneseText.joinLines(subLabel.text()));
            }
            if (!target) {
                error(header.address(), "missing_label", "expected the row 目標値 below the year table header 年度", header.text());
            }
            if (!actual) {
                error(header.address(), "missing_label", "expected the row 実績値 below the year table header 年度", header.text());
            }
            return header.row();
        }

        /** The column of a row's first cell: a continuation sub-row has nothing in the row-label column. */
        private static int leftmost(List<GridCell> cells) {
            return cells.isEmpty() ? Integer.MAX_VALUE : cells.get(0).column();
        }

        private void readYearRow(int row, Kind kind, String subLabel) {
            java.util.Set<Integer> covered = new java.util.HashSet<>();
            for (Map.Entry<Integer, Integer> column : yearColumns.entrySet()) {
                int col = column.getKey();
                if (covered.contains(col)) {
                    continue;
                }
                GridCell cell = grid.cell(row, col);
                String address = jp.evalsheet.grid.CellAddresses.a1(row, col);
                if (cell != null && cell.isFormulaWithoutCachedValue()) {
                    findings.add(Finding.warning(sheet, address, "formula_without_cached_value",
                            "the formula =" + cell.formula() + " has no calculated value saved in the file; "
                                    + "open and save the workbook in Excel so the value is stored", "=" + cell.formula()));
                }
                if (cell == null || cell.text().isBlank()) {
                    blanks.add(new BlankYear(column.getValue(), kind, subLabel, address));
                    continue;
                }
                ParsedValue value = NumberParser.parse(cell.text());
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

        private List<Integer> yearsIn(CellRange merge) {
            return List.copyOf(yearColumns.subMap(merge.firstColumn(), true, merge.lastColumn(), true).keySet());
        }

        private Evaluation readEvaluation() {
            GridCell label = labels.get(Field.EVALUATION);
            if (label == null) {
                return null;
            }
            Located value = WelfareLabels.valueRightOf(grid, label, WelfareSheetExtractor::isLabel);
            if (value.rawText().isEmpty() || isLegend(value.rawText())) {
                error(value.cell(), "missing_evaluation", "expected the self-evaluation right of 評価: "
                        + "A 着実に進捗している, B ある程度進捗している or C 進捗が順調でない", "");
                return null;
            }
            try {
                Status status = StatusParser.parse(value.rawText(), GRADES);
                return Evaluation.of(status, value.cell());
            } catch (ValueParseException e) {
                error(value.cell(), "invalid_evaluation", "評価: " + e.getMessage(), value.rawText());
                return null;
            }
        }

        /** The printed key of the grades (A…, B…, C… on separate lines) is not an evaluation. */
        private static boolean isLegend(String text) {
            return text.strip().split("\\R").length >= 3 && text.contains("B") && text.contains("C");
        }

        private void readNarratives() {
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    String label = cell.label();
                    for (Block block : Block.values()) {
                        if (label.length() <= 60 && block.pattern.matcher(label).matches()
                                && narratives.stream().noneMatch(n -> n.key().equals(block.key))) {
                            Located text = WelfareLabels.valueRightOf(grid, cell, WelfareSheetExtractor::isLabel);
                            if (!text.rawText().isEmpty()) {
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

        private static String text(Located located) {
            return located == null ? "" : located.rawText();
        }

        private static Located blankToNull(Located located) {
            return located == null || located.rawText().isEmpty() ? null : located;
        }
    }
}
