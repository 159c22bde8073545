package jp.evalsheet.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.strategy.StrategySheet.Goal;
import jp.evalsheet.strategy.StrategySheet.Kpi;
import jp.evalsheet.strategy.StrategySheet.Measure;
import jp.evalsheet.strategy.StrategySheet.Narrative;
import jp.evalsheet.strategy.StrategySheet.NumericTarget;
import jp.evalsheet.strategy.StrategySheet.PrintedSummary;
import jp.evalsheet.strategy.StrategySheet.StatusCell;
import jp.evalsheet.strategy.StrategySheet.ValueKind;
import jp.evalsheet.strategy.StrategySheet.YearValue;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.ExcelErrors;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.Labels;
import jp.evalsheet.value.NameAndUnit;
import jp.evalsheet.value.NumberParser;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Status;
import jp.evalsheet.value.StatusParser;
import jp.evalsheet.value.UnitSplitter;
import jp.evalsheet.value.ValueParseException;

/**
 * Understands a sheet of the 総合戦略 効果検証 by its printed labels, not by fixed cell addresses: rows
 * may be inserted or left blank, cells merged (or, in a CSV, the merge lost and the value standing in
 * the first column only) and column labels slightly renamed. A sheet may hold one basic goal whole
 * (基本目標, its 数値目標 table, its measures (ア)(イ)(ウ) with 担当課 and a KPI table each, narrative
 * blocks), the 数値目標 tables of several goals under their headings {@code 基本目標1.　…}, one measure's
 * page as the report prints it, or the 総括 roll-up ({@link StrategySummaryReader}).
 *
 * <p>The goal of a table is the last 基本目標 heading above it, or a 基本目標 label with the goal's name
 * beside it, with its number from a title cell ({@code 1} beside {@code （ア）}) or the sheet name
 * ({@code 1(ア)}). The measure of a KPI table is the heading {@code （ア） name} above it, or a title cell
 * {@code （ア）} (or the sheet name) for its letter and the label 具体的な施策 (above or below the table)
 * for its name.
 *
 * <p>A table is found by its header row: a name column (数値目標, or 指標名 / KPI) and a 策定当初 column,
 * with 単位, 実績値 or era-year columns (R2, 実績値（R3）), 目標値 and 評価 / 進捗状況. A header label owns
 * the columns up to the next label, so a value one or two columns right of its label is read. The year
 * of a column is read from its label or, as the printed report does it, from a row of years in
 * parentheses under (or over) each value row ({@code （H28） (R2） … （R7）}); a year beside a value wins
 * over the column label, since baselines differ by row (H28, H2７, R元). A header printed again ends
 * nothing; rows that start with {@code ※}, {@code （注）} or {@code （以下余白）} end a table.
 *
 * <p>Errors that reject the sheet: no basic goal, no table (and no 総括), a table without its required
 * columns, a column year that cannot be read, a KPI table whose measure letter is printed nowhere, no
 * evaluation year. Errors that cost only their row ({@link Finding#rowError}): a status that is not A, B
 * or C, a year under a value that cannot be read ({@code R0}, {@code X5}), text that is not a number in a
 * value column of a numeric row. The rest are warnings.
 */
public final class StrategySheetExtractor {

    /** The status letters of both tables: A 目標達成…, B …, C …. */
    public static final Set<String> STATUS_CODES = Set.of("A", "B", "C");

    /** The result of reading one sheet: the sheet, unless an error rejected it, and every finding. */
    public record Extraction(StrategySheet sheet, List<Finding> findings) {

        public boolean isRejected() {
            return sheet == null;
        }
    }

    /** 基本目標1 / 基本目標１．産業の… / 基本目標 4: the number, then the name if it is in the same cell. */
    private static final Pattern GOAL = Pattern.compile("^\\s*基本目標\\s*(\\d{1,2})\\s*[.．:：、。]?\\s*(.*)$", Pattern.DOTALL);
    /** (ア) 暮らしにマッチした… with half- or full-width parentheses. */
    private static final Pattern MEASURE = Pattern.compile("^\\s*[(（]\\s*([ァ-ヶ])\\s*[)）]\\s*(.*)$", Pattern.DOTALL);
    /** 1(ア) 暮らしにマッチした…: a measure heading with its goal's number in front. */
    private static final Pattern GOAL_MEASURE = Pattern.compile("^\\s*(\\d{1,2})\\s*[-ー－]?\\s*[(（]\\s*([ァ-ヶ])\\s*[)）]\\s*(.*)$",
            Pattern.DOTALL);
    /** A lone number in a title cell: the goal of a measure's page ({@code 1} beside {@code （ア）}). */
    private static final Pattern TITLE_NUMBER = Pattern.compile("^\\d{1,2}\\.?$");
    /** A sheet named after a measure's page: {@code 1(ア)}, {@code 基本目標1（ア）}, {@code 1-ア}. */
    private static final Pattern SHEET_MEASURE = Pattern.compile("(\\d{1,2})\\s*[-ー－_]?\\s*[(（]?\\s*([ァ-ヶ])\\s*[)）]?\\s*$");
    /** A file named after its measure: {@code 基本目標1_施策ア}. */
    private static final Pattern FILE_MEASURE = Pattern.compile("施策\\s*[(（]?([ァ-ヶ])[)）]?(?![ァ-ヶ])");
    /** A sheet or file named after its goal: {@code 基本目標1}. */
    private static final Pattern SHEET_GOAL = Pattern.compile("基本目標\\s*(\\d{1,2})");
    /** A year printed under a value: (R2), （H2７）, R元, (令和2年度). */
    private static final Pattern YEAR_TOKEN = Pattern.compile(
            "^[(（]?\\s*(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|令和|平成|昭和)\\s*[0-9０-９元]{1,2}\\s*(?:年度?)?\\s*[)）]?$");
    /** Something that looks like an era year in parentheses inside a label, readable or not. */
    private static final Pattern YEAR_IN_LABEL = Pattern.compile(
            "[(（]\\s*(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|令和|平成|昭和)\\s*[0-9０-９元]{1,2}\\s*(?:年度?)?\\s*[)）]");
    /** A label that starts with an era year: R7目標, 令和7年度目標. */
    private static final Pattern YEAR_IN_LABEL_START = Pattern.compile("^(?:[A-Za-z]{1,2}|令和|平成)\\s*[0-9元]{1,2}");
    private static final Pattern NUMBERING = Pattern.compile("^[(（]?(\\d{1,2})[)）.]?$");
    /** Headings that only structure the page: 1 数値目標の達成状況, 重要業績評価指標（KPI）, 具体的な施策. */
    private static final Pattern SECTION = Pattern.compile(
            "^(\\d{1,2}[.．、]?)?(数値目標.*|重要業績評価指標.*|KPI.*|基本目標ごと.*)$");
    /** Brackets around a heading: 【重要業績評価指標（KPI）】. */
    private static final Pattern BRACKETS = Pattern.compile("^[【\\[<＜〔]|[】\\]>＞〕]$");
    /** A page number printed at a page break: - 2 -, 2/5, p.2. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("[-ー－―]\\s*\\d{1,3}\\s*[-ー－―]|\\d{1,3}\\s*/\\s*\\d{1,3}|[pP]\\.?\\s*\\d{1,3}");
    /** The printed key of the statuses: 進捗状況　A：目標達成…　B：…. */
    private static final Pattern LEGEND = Pattern.compile(".*A[:：].*B[:：].*");
    /** The label of a column of the baseline's year: 基準年度, 策定当初年度. */
    private static final Pattern BASELINE_YEAR = Pattern.compile("(策定当初|基準|策定)(の)?年(度)?");
    /** The （年度） printed under a header. */
    private static final Pattern YEAR_LABEL = Pattern.compile("\\(?年度\\)?");
    /** A row that ends a table: a note (※…, （注）…) or the end mark （以下余白）. */
    private static final Pattern NOTE = Pattern.compile("^(※|\\(注\\)|注[)）:：]|\\(?以下余白\\)?|〈|<).*", Pattern.DOTALL);

    private enum Block {
        KPI_PROGRESS("kpi_progress", "(\\d{1,2}[.．、]?)?各?KPIの進捗状況.*", true),
        MAIN_EFFORTS("main_efforts", ".*主な取組(と|及び)?(の)?成果.*", true),
        ISSUES("issues", "(\\d{1,2}[.．、]?)?今後の課題.*", true),
        COMMITTEE("committee_opinion", ".*外部評価委員会.*意見.*", false),
        TARGET_COMMENT("target_comment", ".*指標へのコメント.*", false);

        final String key;
        final Pattern pattern;
        final boolean ofMeasure;

        Block(String key, String regex, boolean ofMeasure) {
            this.key = key;
            this.pattern = Pattern.compile(regex);
            this.ofMeasure = ofMeasure;
        }
    }

    private enum RowKind {
        NUMERIC_HEADER, KPI_HEADER, GOAL, GOAL_LABEL, MEASURE, MEASURE_LABEL, TITLE, DEPARTMENT, BLOCK, SECTION,
        NOTE, OTHER
    }

    /**
     * Whether the sheet looks like a strategy verification sheet: a 基本目標 label and a table with
     * 策定当初, or the printed 総括 roll-up.
     */
    public static boolean recognizes(SheetGrid grid) {
        boolean goal = false;
        boolean table = false;
        for (int row : grid.rowIndexes()) {
            List<GridCell> cells = grid.row(row);
            for (GridCell cell : cells) {
                String label = label(cell);
                goal |= label.startsWith("基本目標") && label.length() <= 80;
            }
            table |= headerKind(cells) != null;
            if (goal && table) {
                return true;
            }
        }
        return table && SHEET_MEASURE.matcher(grid.sheetName()).find();
    }

    /**
     * Whether a sheet that no family recognized is a page of the strategy without a table: the 総括
     * roll-up, or a page of its narratives. Asked last, so that the sheets of the other families (most
     * of a run) are not read again for it.
     */
    public static boolean recognizesPageWithoutTable(SheetGrid grid) {
        boolean goal = false;
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                String label = label(cell);
                goal |= label.startsWith("基本目標") && label.length() <= 80;
            }
        }
        return StrategySummaryReader.recognizes(grid) || isNarrativeSheet(grid, goal);
    }

    /**
     * A page of the strategy's narratives alone: the headings 各KPIの進捗状況, 主な取組と成果 or
     * 外部評価委員会からの意見, two of them, or one under a 基本目標 label.
     */
    private static boolean isNarrativeSheet(SheetGrid grid, boolean goal) {
        int headings = 0;
        for (int row : grid.rowIndexes()) {
            for (GridCell cell : grid.row(row)) {
                String label = label(cell);
                if (label.length() <= 50 && (Block.KPI_PROGRESS.pattern.matcher(label).matches()
                        || Block.MAIN_EFFORTS.pattern.matcher(label).matches() || Block.COMMITTEE.pattern.matcher(label).matches())) {
                    headings++;
                }
            }
        }
        return headings >= 2 || (headings == 1 && goal);
    }

    public Extraction extract(SheetGrid grid) {
        return extract(grid, null);
    }

    /**
     * Reads a sheet of the file {@code fileName} (without its extension), whose name may give the goal
     * and measure ({@code 基本目標1_施策ア}) when neither the sheet nor its name prints them.
     */
    public Extraction extract(SheetGrid grid, String fileName) {
        return new Reading(grid, fileName).read();
    }

    /**
     * A cell's label made comparable: no spaces or line breaks, ASCII digits, letters and parentheses.
     * Letters are made ASCII after normalizing rather than before, so that the cell's memoized
     * {@link GridCell#label()} serves: the order makes no difference, as the two map different
     * characters, one at a time.
     */
    private static String label(GridCell cell) {
        return JapaneseText.toHalfWidthLetters(cell.label());
    }

    /** Whether a row is a table header, and of which table. */
    private static RowKind headerKind(List<GridCell> cells) {
        boolean baseline = false;
        RowKind kind = null;
        for (GridCell cell : cells) {
            String label = label(cell);
            if (label.length() > 30) {
                continue;
            }
            baseline |= label.contains("策定当初");
            if (label.startsWith("数値目標")) {
                kind = RowKind.NUMERIC_HEADER;
            } else if (kind == null && isKpiNameLabel(label)) {
                kind = RowKind.KPI_HEADER;
            }
        }
        return baseline ? kind : null;
    }

    private static boolean isKpiNameLabel(String label) {
        return label.startsWith("指標名") || label.equals("指標") || label.equals("KPI") || label.equals("KPI名")
                || label.startsWith("重要業績評価指標") || label.equals("指標名(KPI)") || label.equals("KPI(指標名)");
    }

    private static boolean isMeasureLabel(String label) {
        return label.equals("具体的な施策") || label.equals("具体的な施策名") || label.equals("具体的施策");
    }

    /** The first non-blank cell right of {@code cell} in its row, or {@code null}. */
    private static GridCell rightOf(List<GridCell> row, GridCell cell) {
        for (GridCell other : row) {
            if (other.column() > cell.column() && !other.text().isBlank()) {
                return other;
            }
        }
        return null;
    }

    /** The state of reading one sheet. */
    private static final class Reading {
        private final SheetGrid grid;
        private final String sheet;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Integer> rows;
        private final List<RowKind> kinds = new ArrayList<>();
        private final List<GoalBuilder> goals = new ArrayList<>();
        private final List<NarrativeDraft> narratives = new ArrayList<>();
        /** The goal number of a title cell or of the sheet name, or -1. */
        private int titleGoal = -1;
        private GridCell titleGoalCell;
        /** The measure letter the sheet or file name gives ({@code 1(ア)}, {@code 基本目標1_施策ア}), or {@code null}. */
        private String nameMeasureLabel;
        /** The printed 総括, or {@code null}: its headings (＜KPIの進捗状況＞) are not narratives of a goal. */
        private PrintedSummary summary;
        /** While rows are classified: whether a table header stands above the row. */
        private boolean tableAbove;
        private GoalBuilder goal;

        /** The name of the file, or {@code null}: the last place a goal's number or measure's letter is looked for. */
        private final String fileName;

        Reading(SheetGrid grid, String fileName) {
            this.fileName = fileName;
            this.grid = grid;
            this.sheet = grid.sheetName();
            this.rows = grid.rowIndexes();
        }

        Extraction read() {
            for (int row : rows) {
                RowKind kind = classify(grid.row(row));
                kinds.add(kind);
                tableAbove |= kind == RowKind.NUMERIC_HEADER || kind == RowKind.KPI_HEADER;
            }
            summary = StrategySummaryReader.read(grid, findings);
            Located title = null;
            boolean anyTable = false;
            boolean anyRead = false;

            for (int i = 0; i < rows.size(); i++) {
                int row = rows.get(i);
                List<GridCell> cells = grid.row(row);
                switch (kinds.get(i)) {
                    case GOAL -> readGoal(cells);
                    case GOAL_LABEL -> {
                        GridCell right = rightOf(cells, cells.get(0));
                        if (right != null) {
                            String name = collapse(right.text());
                            if (goal == null) {
                                goal = new GoalBuilder(-1, name, new Located(right.address(), right.text().strip()));
                                goals.add(goal);
                            } else if (goal.name.isEmpty()) {
                                goal.name = name;
                                goal.cell = new Located(right.address(), right.text().strip());
                            }
                        }
                    }
                    case TITLE -> {
                        // a goal's number alone (a 数値目標 page titled 1), or with a measure's letter (1 | （ア）)
                        int rowGoal = -1;
                        GridCell rowGoalCell = null;
                        for (GridCell cell : cells) {
                            String text = JapaneseText.toHalfWidthDigits(cell.text().strip());
                            if (TITLE_NUMBER.matcher(text).matches() && rowGoal < 0) {
                                rowGoal = Integer.parseInt(text.replace(".", ""));
                                rowGoalCell = cell;
                            }
                        }
                        if (titleGoal < 0) {
                            titleGoal = rowGoal;
                            titleGoalCell = rowGoalCell;
                        }
                        for (GridCell cell : cells) {
                            Matcher m = MEASURE.matcher(cell.text());
                            if (m.matches()) {
                                String name = collapse(m.group(2));
                                GridCell right = name.isEmpty() ? rightOf(cells, cell) : null;
                                if (right != null && !MEASURE.matcher(right.text()).matches()) {
                                    name = collapse(right.text());
                                }
                                startMeasure(m.group(1), name, cell.address(), rowGoal, rowGoalCell);
                            }
                        }
                    }
                    case MEASURE -> {
                        GridCell cell = cells.get(0);
                        String text = JapaneseText.toHalfWidthDigits(cell.text());
                        Matcher withGoal = GOAL_MEASURE.matcher(text);
                        Matcher m = withGoal.matches() ? null : MEASURE.matcher(cell.text());
                        if (m != null) {
                            m.matches();
                        }
                        String name = collapse(withGoal.matches() ? withGoal.group(3) : m.group(2));
                        GridCell next = rightOf(cells, cell);
                        if (name.isEmpty() && next != null) {
                            name = collapse(next.text());
                            next = rightOf(cells, next);
                        }
                        int goalNumber = withGoal.matches() ? Integer.parseInt(withGoal.group(1)) : -1;
                        startMeasure(withGoal.matches() ? withGoal.group(2) : m.group(1), name, cell.address(), goalNumber,
                                withGoal.matches() ? cell : null);
                        // 担当課 printed in the heading's row: (ア) name | 担当課 | 産業振興課
                        if (next != null && label(next).equals("担当課")) {
                            GridCell department = rightOf(cells, next);
                            MeasureBuilder measure = currentMeasure();
                            if (department != null && measure.departmentsRaw == null) {
                                measure.departmentsRaw = department.text().strip();
                                measure.departmentsCell = department.address();
                            }
                        }
                    }
                    case MEASURE_LABEL -> {
                        GridCell right = rightOf(cells, cells.get(0));
                        Matcher lettered = right == null ? null : MEASURE.matcher(right.text());
                        if (lettered != null && lettered.matches()) {
                            // 具体的な施策 | （ア）暮らしにマッチした…
                            startMeasure(lettered.group(1), collapse(lettered.group(2)), right.address(), -1, null);
                        } else if (right != null) {
                            MeasureBuilder measure = currentMeasure();
                            String name = collapse(right.text());
                            if (measure == null || (!measure.name.isEmpty() && !measure.name.equals(name))) {
                                measure = newMeasure(null, name, right.address());
                            } else if (measure.name.isEmpty()) {
                                measure.name = name;
                            }
                        }
                    }
                    case DEPARTMENT -> {
                        MeasureBuilder measure = currentMeasure();
                        GridCell right = rightOf(cells, cells.get(0));
                        if (measure == null) {
                            warning(cells.get(0).address(), "department_without_measure",
                                    "the label 担当課 stands above every measure heading such as (ア) and was ignored", null);
                        } else if (right != null && measure.departmentsRaw == null) {
                            measure.departmentsRaw = right.text().strip();
                            measure.departmentsCell = right.address();
                        }
                    }
                    case NUMERIC_HEADER -> {
                        anyTable = true;
                        List<Item> items = readTable(i, "数値目標");
                        anyRead |= !items.isEmpty();
                        for (Item item : items) {
                            GoalBuilder owner = item.goalNumber >= 0 ? goalOf(item.goalNumber, item.goalName, item.cell)
                                    : currentGoal();
                            owner.targets.add(new NumericTarget(item.number, item.name, item.nameAsPrinted, item.unit,
                                    item.cell, item.baseline, item.actuals, item.target, item.status));
                        }
                    }
                    case KPI_HEADER -> {
                        anyTable = true;
                        List<Item> items = readTable(i, "KPI");
                        anyRead |= !items.isEmpty();
                        for (Item item : items) {
                            MeasureBuilder measure = item.measureLabel != null
                                    ? measureOf(item.goalNumber >= 0 ? goalOf(item.goalNumber, item.goalName, item.cell)
                                            : currentGoal(), item)
                                    : currentMeasure();
                            if (measure == null) {
                                currentGoal();
                                measure = newMeasure(null, "", null);
                            }
                            if (measure.tableCell == null) {
                                measure.tableCell = cells.get(0).address();
                            }
                            measure.kpis.add(new Kpi(item.number, item.name, item.nameAsPrinted, item.unit,
                                    item.department, UnitSplitter.isCumulative(item.name), item.cell, item.baseline,
                                    item.actuals, item.target, item.status));
                        }
                    }
                    case BLOCK -> readNarrative(i);
                    default -> {
                        if (title == null && goals.isEmpty() && !cells.isEmpty()) {
                            String text = cells.get(0).text();
                            if (text.contains("総合戦略") || text.contains("効果検証") || text.contains("総括")) {
                                title = new Located(cells.get(0).address(), collapse(text));
                            }
                        }
                    }
                }
            }
            if (summary != null && title == null) {
                title = StrategySummaryReader.title(grid);
            }

            resolveGoals(anyTable);
            if (!anyTable && summary == null && narratives.isEmpty()) {
                error(null, "missing_label", "expected a 数値目標 table or a KPI table with the columns 数値目標 / 指標名, "
                        + "単位, 策定当初, 実績値 (R2 …), 目標値 and 評価", null);
            }
            List<Goal> builtGoals = new ArrayList<>();
            for (GoalBuilder builder : goals) {
                builtGoals.add(builder.build());
            }
            OptionalInt year = evaluationYear(title, builtGoals);
            if (year.isEmpty() && anyTable && anyRead) {
                error(null, "missing_evaluation_year", "expected the evaluation year in the title, e.g. "
                        + "'効果検証（令和6年度）', or an actual column with its year such as R6", null);
            }
            if (findings.stream().anyMatch(Finding::rejectsSheet)) {
                return new Extraction(null, List.copyOf(findings));
            }
            List<Narrative> builtNarratives = new ArrayList<>();
            for (NarrativeDraft draft : narratives) {
                GoalBuilder owner = draft.goal != null ? draft.goal : goals.isEmpty() ? null : goals.get(0);
                if (owner != null) {
                    // a page of one measure's narratives names its measure in the sheet or file name only
                    String measureLabel = draft.measure != null ? draft.measure.label
                            : draft.ofMeasure && !anyTable ? nameMeasureLabel : null;
                    builtNarratives.add(new Narrative(draft.key, draft.heading, draft.text, draft.cell, owner.number,
                            measureLabel));
                }
            }
            StrategySheet strategy = new StrategySheet(sheet, year.orElse(0), title, List.copyOf(builtGoals),
                    List.copyOf(builtNarratives), summary);
            return new Extraction(strategy, List.copyOf(findings));
        }

        /** Gives every goal its number and every measure its letter, or reports what is missing. */
        private void resolveGoals(boolean anyTable) {
            int sheetGoalNumber = -1;
            String sheetMeasureLabel = null;
            for (String name : fileName == null ? List.of(sheet) : List.of(sheet, fileName)) {
                String digits = JapaneseText.toHalfWidthDigits(name);
                Matcher sheetMeasure = SHEET_MEASURE.matcher(digits);
                Matcher sheetGoal = SHEET_GOAL.matcher(digits);
                Matcher fileMeasure = FILE_MEASURE.matcher(digits);
                if (sheetGoalNumber < 0) {
                    sheetGoalNumber = sheetMeasure.find() ? Integer.parseInt(sheetMeasure.group(1))
                            : sheetGoal.find() ? Integer.parseInt(sheetGoal.group(1)) : -1;
                }
                if (sheetMeasureLabel == null) {
                    sheetMeasureLabel = sheetMeasure.find(0) ? sheetMeasure.group(2) : fileMeasure.find() ? fileMeasure.group(1) : null;
                }
            }
            nameMeasureLabel = sheetMeasureLabel;
            boolean goalMissing = false;
            for (GoalBuilder builder : goals) {
                if (builder.number < 0) {
                    builder.number = titleGoal >= 0 ? titleGoal : sheetGoalNumber;
                }
                if (builder.number < 0) {
                    goalMissing = true;
                }
                if (builder.cell == null && titleGoalCell != null) {
                    builder.cell = new Located(titleGoalCell.address(), titleGoalCell.text().strip());
                }
                long unlabelled = builder.measures.stream().filter(m -> m.label == null).count();
                for (MeasureBuilder measure : builder.measures) {
                    if (measure.label == null && unlabelled == 1 && sheetMeasureLabel != null) {
                        measure.label = sheetMeasureLabel;
                    } else if (measure.label == null) {
                        error(measure.tableCell != null ? measure.tableCell : measure.cell, "missing_label",
                                "expected a measure heading such as '(ア) 暮らしにマッチした生活環境の創造' above the KPI "
                                        + "table, or the measure's letter (ア) in a title cell", null);
                    }
                }
            }
            if ((goals.isEmpty() && anyTable) || goalMissing) {
                error(null, "missing_label", "expected the label 基本目標 with its number and name, e.g. "
                        + "'基本目標1 産業の振興により市民生活と調和した豊かな暮らしを実現する'", null);
            }
        }

        /** A heading 基本目標1.　name (or with the name in the next cell): that goal becomes the current one. */
        private void readGoal(List<GridCell> cells) {
            GridCell cell = cells.get(0);
            Matcher m = GOAL.matcher(JapaneseText.toHalfWidthDigits(cell.text()));
            m.matches();
            String name = collapse(m.group(2));
            if (name.isEmpty()) {
                GridCell right = rightOf(cells, cell);
                name = right == null ? "" : collapse(right.text());
            }
            startGoal(Integer.parseInt(m.group(1)), name, new Located(cell.address(), cell.text().strip()));
        }

        private void startGoal(int number, String name, Located cell) {
            for (GoalBuilder existing : goals) {
                if (existing.number == number) {
                    goal = existing;
                    if (existing.name.isEmpty()) {
                        existing.name = name;
                    }
                    return;
                }
            }
            if (goal != null && goal.number < 0 && goal.targets.isEmpty() && goal.measures.isEmpty()) {
                goal.number = number;
                goal.cell = cell;
                if (!name.isEmpty()) {
                    goal.name = name;
                }
                return;
            }
            goal = new GoalBuilder(number, name, cell);
            goals.add(goal);
        }

        /** The goal a flat list names in a row: found by its number, or added; the current goal is not changed. */
        private GoalBuilder goalOf(int number, String name, String cell) {
            for (GoalBuilder existing : goals) {
                if (existing.number == number) {
                    if (existing.name.isEmpty() && name != null) {
                        existing.name = name;
                    }
                    return existing;
                }
            }
            GoalBuilder added = new GoalBuilder(number, name == null ? "" : name, new Located(cell, name == null ? "" : name));
            goals.add(added);
            return added;
        }

        /** The measure a flat list names in a row, with the row's 担当課: found in its goal by letter, or added. */
        private MeasureBuilder measureOf(GoalBuilder owner, Item item) {
            for (MeasureBuilder existing : owner.measures) {
                if (item.measureLabel.equals(existing.label)) {
                    return existing;
                }
            }
            MeasureBuilder added = new MeasureBuilder(item.measureLabel, item.measureName == null ? "" : item.measureName, item.cell);
            if (item.department != null) {
                added.departmentsRaw = item.department;
                added.departmentsCell = item.cell;
            }
            owner.measures.add(added);
            return added;
        }

        /** The current goal, or a new one whose number the title cells, sheet or file name give at the end. */
        private GoalBuilder currentGoal() {
            if (goal == null) {
                goal = new GoalBuilder(-1, "", null);
                goals.add(goal);
            }
            return goal;
        }

        private MeasureBuilder currentMeasure() {
            return goal == null || goal.measures.isEmpty() ? null : goal.measures.get(goal.measures.size() - 1);
        }

        /** A measure heading or title cell: names the current measure if it has no letter yet, else starts one. */
        private void startMeasure(String label, String name, String cell, int goalNumber, GridCell goalCell) {
            if (goalNumber >= 0 && (goal == null || (goal.number >= 0 && goal.number != goalNumber))) {
                startGoal(goalNumber, "", goalCell == null ? null : new Located(goalCell.address(), goalCell.text().strip()));
            }
            MeasureBuilder measure = currentMeasure();
            if (measure != null && measure.label == null) {
                measure.label = label;
                if (measure.name.isEmpty()) {
                    measure.name = name;
                }
                measure.cell = cell;
                return;
            }
            if (measure != null && label.equals(measure.label)) {
                if (measure.name.isEmpty()) {
                    measure.name = name;
                }
                return;
            }
            newMeasure(label, name, cell);
        }

        private MeasureBuilder newMeasure(String label, String name, String cell) {
            currentGoal();
            MeasureBuilder measure = new MeasureBuilder(label, name, cell);
            goal.measures.add(measure);
            return measure;
        }

        private RowKind classify(List<GridCell> cells) {
            if (cells.isEmpty()) {
                return RowKind.OTHER;
            }
            RowKind header = headerKind(cells);
            if (header != null) {
                return header;
            }
            String text = cells.get(0).text();
            String label = label(cells.get(0));
            if (label.length() <= 80 && GOAL.matcher(JapaneseText.toHalfWidthDigits(text)).matches()) {
                return RowKind.GOAL;
            }
            if (label.equals("基本目標")) {
                return RowKind.GOAL_LABEL;
            }
            if (isTitleRow(cells)) {
                return RowKind.TITLE;
            }
            if (label.length() <= 80 && (MEASURE.matcher(text).matches()
                    || GOAL_MEASURE.matcher(JapaneseText.toHalfWidthDigits(text)).matches())) {
                return RowKind.MEASURE;
            }
            if (isMeasureLabel(label)) {
                return RowKind.MEASURE_LABEL;
            }
            if (label.equals("担当課") || label.equals("所管課") || label.equals("担当部署")) {
                return RowKind.DEPARTMENT;
            }
            if (NOTE.matcher(label).matches() || isLegend(label)) {
                return label.contains("指標へのコメント") ? RowKind.BLOCK : RowKind.NOTE;
            }
            if (label.length() <= 50) {
                String bare = BRACKETS.matcher(label).replaceAll("");
                if (SECTION.matcher(bare).matches()) {
                    return RowKind.SECTION;
                }
                for (Block block : Block.values()) {
                    if (block.pattern.matcher(label).matches()) {
                        return RowKind.BLOCK;
                    }
                }
                if (SECTION.matcher(label).matches()) {
                    return RowKind.SECTION;
                }
            }
            return RowKind.OTHER;
        }

        /**
         * A row of title cells: a goal number and a measure letter ({@code 1 | （ア）}), possibly with the
         * measure's name after the letter.
         */
        private boolean isTitleRow(List<GridCell> cells) {
            if (cells.size() > 6) {
                return false;
            }
            boolean number = false;
            boolean measure = false;
            for (GridCell cell : cells) {
                String text = JapaneseText.toHalfWidthDigits(cell.text().strip());
                if (text.isEmpty()) {
                    continue;
                }
                if (!measure && TITLE_NUMBER.matcher(text).matches()) {
                    number = true;
                } else if (MEASURE.matcher(text).matches()) {
                    measure = true;
                } else if (!measure) {
                    return false;
                }
            }
            return number && measure || number && !tableAbove && cells.stream().filter(c -> !c.text().isBlank()).count() == 1;
        }

        /**
         * The columns of a table, found by the labels of its header row. A label owns the columns from
         * its own up to the next label (or the end of its merge), so that a value typed one or two
         * columns right of its label, or a label merged over two columns, is read.
         */
        private final class Columns {
            int number = -1;
            int name = -1;
            int unit = -1;
            int status = -1;
            int department = -1;
            /** A column of the baseline's year (基準年度, 策定当初年度), when the table prints one. */
            int baselineYear = -1;
            /** The columns of a flat list that names each row's goal and measure (基本目標, 施策, 施策名). */
            int goal = -1;
            int goalName = -1;
            int measure = -1;
            int measureName = -1;
            GridCell baseline;
            GridCell target;
            final List<GridCell> actuals = new ArrayList<>();
            /** Years printed in a row of their own under the header, by value column. */
            final Map<Integer, GridCell> headerYears = new HashMap<>();
            /** Each labelled column's last column. */
            final TreeMap<Integer, Integer> spans = new TreeMap<>();

            boolean isValueColumn(int column) {
                return (baseline != null && baseline.column() == column) || (target != null && target.column() == column)
                        || actuals.stream().anyMatch(c -> c.column() == column);
            }

            /** The labelled column whose span holds {@code column}, or -1. */
            int owner(int column) {
                Map.Entry<Integer, Integer> entry = spans.floorEntry(column);
                return entry != null && column <= entry.getValue() ? entry.getKey() : -1;
            }

            /** The first non-blank cell of a row in the span of the labelled {@code column}, or {@code null}. */
            GridCell cell(int row, int column) {
                if (column < 0) {
                    return null;
                }
                int last = spans.getOrDefault(column, column);
                for (int c = column; c <= last; c++) {
                    GridCell cell = grid.cell(row, c);
                    if (cell != null && !cell.text().isBlank()) {
                        return cell;
                    }
                }
                return null;
            }

            String text(int row, int column) {
                GridCell cell = cell(row, column);
                return cell == null ? "" : cell.text();
            }

            /**
             * The name of a row: the first cell of the name column's span that is not only a number
             * (the label 指標名 is often printed over the number column too), or {@code null}.
             */
            GridCell name(int row) {
                int last = spans.getOrDefault(name, name);
                for (int c = name; c <= last; c++) {
                    GridCell cell = grid.cell(row, c);
                    if (cell != null && !cell.text().isBlank() && !isNumbering(label(cell))) {
                        return cell;
                    }
                }
                return null;
            }
        }

        /** A page number printed at a page break inside a table: {@code - 2 -}, {@code 2/5}. */
        private static boolean isPageNumber(List<GridCell> cells) {
            if (cells.size() > 3) {
                return false;
            }
            List<GridCell> filled = cells.stream().filter(c -> !c.text().isBlank()).toList();
            return filled.size() == 1
                    && PAGE_NUMBER.matcher(JapaneseText.toHalfWidthDigits(filled.get(0).text().strip())).matches();
        }

        /** The printed key of the statuses under a table: 進捗状況　A：目標達成…　B：…　C：… */
        private static boolean isLegend(String label) {
            return label.startsWith("凡例") || label.indexOf('B') > 0 && LEGEND.matcher(label).matches();
        }

        /** A printed number alone: ①, (1), 1. */
        private static boolean isNumbering(String label) {
            return (label.length() == 1 && label.charAt(0) >= '①' && label.charAt(0) <= '⑳') || NUMBERING.matcher(label).matches();
        }

        private Columns columns(List<GridCell> header, RowKind kind) {
            Columns columns = new Columns();
            List<GridCell> labelled = new ArrayList<>();
            for (GridCell cell : header) {
                String label = label(cell);
                if (label.isEmpty() || label.length() > 30) {
                    continue;
                }
                labelled.add(cell);
                if (columns.name < 0 && (kind == RowKind.NUMERIC_HEADER ? label.startsWith("数値目標") : isKpiNameLabel(label))) {
                    columns.name = cell.column();
                } else if (label.equals("No.") || label.equals("No") || label.equals("番号") || label.equals("NO.")) {
                    columns.number = cell.column();
                } else if (label.startsWith("単位")) {
                    columns.unit = cell.column();
                } else if (BASELINE_YEAR.matcher(label).matches()) {
                    columns.baselineYear = cell.column();
                } else if (label.equals("基本目標") || label.equals("基本目標No.") || label.equals("基本目標番号")) {
                    columns.goal = cell.column();
                } else if (label.equals("基本目標名")) {
                    columns.goalName = cell.column();
                } else if (label.equals("施策") || label.equals("具体的な施策") || label.equals("施策No.")) {
                    columns.measure = cell.column();
                } else if (label.equals("施策名") || label.equals("具体的な施策名")) {
                    columns.measureName = cell.column();
                } else if (label.contains("策定当初") || label.startsWith("基準値")) {
                    columns.baseline = cell;
                } else if (label.startsWith("目標") || (label.contains("目標") && YEAR_IN_LABEL_START.matcher(label).find())) {
                    columns.target = cell;
                } else if (label.contains("評価") || label.contains("進捗状況") || label.contains("達成状況")) {
                    columns.status = cell.column();
                } else if (label.contains("担当課") || label.contains("所管課")) {
                    columns.department = cell.column();
                } else if (label.contains("実績") || YEAR_TOKEN.matcher(label).matches()) {
                    columns.actuals.add(cell);
                }
            }
            for (int i = 0; i < labelled.size(); i++) {
                GridCell cell = labelled.get(i);
                int mergeEnd = grid.mergeAt(cell.row(), cell.column()).map(CellRange::lastColumn).orElse(cell.column());
                int next = i + 1 < labelled.size() ? labelled.get(i + 1).column() - 1 : cell.column() + 2;
                columns.spans.put(cell.column(), Math.max(cell.column(), Math.max(mergeEnd, Math.min(next, cell.column() + 2))));
            }
            return columns;
        }

        /** One row of a table before it becomes a {@link NumericTarget} or {@link Kpi}. */
        private static final class Item {
            int number;
            String name;
            String nameAsPrinted;
            String unit;
            String department;
            String cell;
            YearValue baseline;
            List<YearValue> actuals;
            YearValue target;
            StatusCell status;
            boolean rejected;
            /** The goal and measure a flat list names in the row, or -1 / {@code null}. */
            int goalNumber = -1;
            String goalName;
            String measureLabel;
            String measureName;
        }

        /**
         * Reads the rows below the header at position {@code headerIndex} up to the next labelled row:
         * value rows (a name in the name column) and rows of years, which belong to the value row they
         * follow, or, when the table prints them over its values (it starts with one and ends with a
         * value row), to the value row after them.
         */
        private List<Item> readTable(int headerIndex, String tableName) {
            int headerRow = rows.get(headerIndex);
            List<GridCell> header = grid.row(headerRow);
            Columns columns = columns(header, kinds.get(headerIndex));
            GridCell first = header.get(0);
            List<String> missing = new ArrayList<>();
            if (columns.name < 0) {
                missing.add(tableName.equals("KPI") ? "指標名" : "数値目標");
            }
            if (columns.baseline == null) {
                missing.add("策定当初");
            }
            if (columns.actuals.isEmpty()) {
                missing.add("実績値 (R2 …)");
            }
            if (columns.target == null) {
                missing.add("目標値");
            }
            if (columns.status < 0) {
                missing.add("評価");
            }
            if (!missing.isEmpty()) {
                error(first.address(), "missing_label", "expected the column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing) + " in the header of the " + tableName + " table", null);
                return List.of();
            }

            // the rows of the table: value rows (name set) and year rows, in order
            List<Integer> valueRows = new ArrayList<>();
            List<Map<Integer, GridCell>> yearRows = new ArrayList<>();
            List<Boolean> isYear = new ArrayList<>();
            for (int i = headerIndex + 1; i < rows.size() && kinds.get(i) == RowKind.OTHER; i++) {
                int row = rows.get(i);
                List<GridCell> cells = grid.row(row);
                if (isPageNumber(cells)) {
                    continue;
                }
                if (isYearRow(cells, columns)) {
                    Map<Integer, GridCell> years = new HashMap<>();
                    for (GridCell cell : cells) {
                        int owner = columns.owner(cell.column());
                        years.put(owner >= 0 ? owner : cell.column(), cell);
                    }
                    yearRows.add(years);
                    isYear.add(true);
                    continue;
                }
                GridCell name = columns.name(row);
                if (name != null) {
                    valueRows.add(row);
                    isYear.add(false);
                    continue;
                }
                boolean values = cells.stream().anyMatch(c -> columns.isValueColumn(columns.owner(c.column())) && !c.text().isBlank());
                boolean yearLabels = cells.stream().allMatch(c -> YEAR_LABEL.matcher(label(c)).matches());
                if (values && !yearLabels) {
                    warning(cells.get(0).address(), "row_without_name", "the row holds values in the " + tableName
                            + " table but no name in the column " + CellAddresses.columnLetters(columns.name)
                            + "; it was ignored", null);
                }
            }
            // years over the values: the first row is a year row, the last a value row, one year row each
            boolean yearsOver = !isYear.isEmpty() && isYear.get(0) && !isYear.get(isYear.size() - 1)
                    && (yearRows.size() >= 2 || valueRows.size() == 1);
            List<Map<Integer, GridCell>> itemYears = new ArrayList<>();
            for (int v = 0; v < valueRows.size(); v++) {
                itemYears.add(new HashMap<>());
            }
            int value = -1;
            int year = 0;
            for (boolean y : isYear) {
                if (!y) {
                    value++;
                    continue;
                }
                Map<Integer, GridCell> years = yearRows.get(year++);
                int target = yearsOver ? value + 1 : value;
                if (target < 0) {
                    columns.headerYears.putAll(years);
                } else if (target < valueRows.size() && itemYears.get(target).isEmpty()) {
                    itemYears.get(target).putAll(years);
                }
            }

            List<Item> items = new ArrayList<>();
            // unique within the table, or within a row's goal and measure in a flat list
            Set<Integer> numbers = new HashSet<>();
            for (int p = 0; p < valueRows.size(); p++) {
                Item item = item(valueRows.get(p), itemYears.get(p), columns, tableName, p + 1);
                if (item == null || item.rejected) {
                    continue;
                }
                if (!numbers.add(item.goalNumber * 10000 + (item.measureLabel == null ? 0 : item.measureLabel.charAt(0)) * 100
                        + item.number)) {
                    warning(item.cell, "duplicate_number", "the " + tableName + " number " + item.number
                            + " is printed twice in the table", item.nameAsPrinted);
                }
                items.add(item);
            }
            return items;
        }

        /** A row of years under (or over) a value row or under the header: (R1) (R２) … (R7), nothing else. */
        private boolean isYearRow(List<GridCell> cells, Columns columns) {
            boolean any = false;
            for (GridCell cell : cells) {
                if (cell.text().isBlank()) {
                    continue;
                }
                if (columns.owner(cell.column()) == columns.name || !YEAR_TOKEN.matcher(cell.text().strip()).matches()) {
                    return false;
                }
                any = true;
            }
            return any;
        }

        private Item item(int row, Map<Integer, GridCell> years, Columns columns, String tableName, int position) {
            Item item = new Item();
            GridCell nameCell = columns.name(row);
            item.cell = nameCell.address();
            item.nameAsPrinted = nameCell.text().strip();
            item.name = collapse(item.nameAsPrinted);
            item.number = position;
            int numberColumn = columns.number >= 0 ? columns.number : columns.name > 0 ? columns.name - 1 : -1;
            {
                // the number in its own column, left of the name, or in the name's span (指標名 over ① and the name)
                GridCell numberCell = columns.number >= 0 ? columns.cell(row, numberColumn)
                        : numberColumn >= 0 ? grid.cell(row, numberColumn) : null;
                if (numberCell == null || numberCell.column() == nameCell.column()) {
                    numberCell = columns.cell(row, columns.name);
                }
                String printed = numberCell == null || numberCell.column() == nameCell.column() ? "" : label(numberCell);
                if (printed.length() == 1 && printed.charAt(0) >= '①' && printed.charAt(0) <= '⑳') {
                    item.number = printed.charAt(0) - '①' + 1;
                } else if (NUMBERING.matcher(printed).matches()) {
                    Matcher m = NUMBERING.matcher(printed);
                    m.matches();
                    item.number = Integer.parseInt(m.group(1));
                }
            }
            // a number printed in front of the name: ①民営事業所従業員数の向上
            if (!item.name.isEmpty() && item.name.charAt(0) >= '①' && item.name.charAt(0) <= '⑳' && item.name.length() > 1) {
                item.number = item.name.charAt(0) - '①' + 1;
                item.name = item.name.substring(1).strip();
            }
            if (columns.unit >= 0) {
                String unit = collapse(columns.text(row, columns.unit));
                item.unit = unit.isEmpty() ? null : unit;
            } else {
                NameAndUnit split = UnitSplitter.split(item.name);
                item.name = split.name();
                item.unit = split.unit();
            }
            if (columns.department >= 0) {
                String department = collapse(columns.text(row, columns.department));
                item.department = department.isEmpty() ? null : department;
            }
            if (columns.goal >= 0) {
                Matcher goal = NUMBERING.matcher(JapaneseText.toHalfWidthDigits(columns.text(row, columns.goal).strip()));
                item.goalNumber = goal.matches() ? Integer.parseInt(goal.group(1)) : -1;
                item.goalName = columns.goalName >= 0 ? collapse(columns.text(row, columns.goalName)) : "";
            }
            if (columns.measure >= 0) {
                Matcher measure = Pattern.compile("^[(（]?([ァ-ヶ])[)）]?$").matcher(columns.text(row, columns.measure).strip());
                item.measureLabel = measure.matches() ? measure.group(1) : null;
                item.measureName = columns.measureName >= 0 ? collapse(columns.text(row, columns.measureName)) : "";
            }

            long rowErrors = rowErrorCount();
            boolean ok = true;
            YearValue baseline = value(row, columns.baseline, ValueKind.BASELINE, years, columns, tableName, item);
            ok &= baseline != null;
            List<YearValue> actuals = new ArrayList<>();
            for (GridCell column : columns.actuals) {
                YearValue actual = value(row, column, ValueKind.ACTUAL, years, columns, tableName, item);
                ok &= actual != null;
                if (actual != null) {
                    actuals.add(actual);
                }
            }
            YearValue target = value(row, columns.target, ValueKind.TARGET, years, columns, tableName, item);
            ok &= target != null;
            if (!ok) {
                item.rejected = true;
                return item;
            }
            checkValues(item, baseline, actuals, target);
            for (int i = 1; i < actuals.size(); i++) {
                if (actuals.get(i).fiscalYear() <= actuals.get(i - 1).fiscalYear()) {
                    warning(actuals.get(i).cell(), "years_out_of_order", "the actual of " + actuals.get(i).yearRaw()
                            + " follows the one of " + actuals.get(i - 1).yearRaw() + " in the " + tableName
                            + " table; expected the years left to right in ascending order", actuals.get(i).value().raw());
                }
            }
            item.baseline = baseline;
            item.actuals = List.copyOf(actuals);
            item.target = target;
            item.status = status(row, columns, item, actuals, tableName);
            item.rejected = rowErrorCount() > rowErrors;
            return item;
        }

        private long rowErrorCount() {
            return findings.stream().filter(f -> f.isError() && !f.rejectsSheet()).count();
        }

        /**
         * The value at {@code row} in a value column, with the year printed beside it or in the column
         * label; {@code null} (after reporting an error) when the year cannot be read.
         */
        private YearValue value(int row, GridCell column, ValueKind kind, Map<Integer, GridCell> years,
                Columns columns, String tableName, Item item) {
            GridCell ownYear = years.get(column.column());
            if (kind == ValueKind.BASELINE && columns.baselineYear >= 0) {
                GridCell printed = columns.cell(row, columns.baselineYear);
                ownYear = printed != null ? printed : ownYear;
            }
            GridCell yearCell = ownYear != null ? ownYear : columns.headerYears.get(column.column());
            GridCell cell = columns.cell(row, column.column());
            String address = cell != null ? cell.address() : CellAddresses.a1(row, column.column());
            String what = kind == ValueKind.BASELINE ? "baseline (策定当初)" : kind == ValueKind.TARGET ? "target (目標値)" : "actual (実績値)";
            String rule = kind == ValueKind.BASELINE ? "invalid_baseline_year" : "invalid_year";
            String yearRaw;
            OptionalInt year;
            if (yearCell != null) {
                yearRaw = yearCell.text().strip();
                year = EraYearParser.parseFiscalYear(yearRaw);
                if (year.isEmpty()) {
                    String message = "expected the year of the " + what + " of " + tableName + " '" + item.name
                            + "' as an era year such as (R1), (H28) or (R元), found " + yearRaw;
                    if (ownYear != null) {
                        findings.add(Finding.rowError(sheet, yearCell.address(), rule, message + "; the row was not loaded", yearRaw));
                    } else {
                        error(yearCell.address(), rule, message, yearRaw);
                    }
                    return null;
                }
            } else {
                yearRaw = column.text().strip();
                year = EraYearParser.parseFiscalYear(yearRaw);
                if (year.isEmpty()) {
                    boolean unreadable = YEAR_IN_LABEL.matcher(yearRaw).find();
                    error(unreadable ? column.address() : address,
                            unreadable ? rule : kind == ValueKind.BASELINE ? "missing_baseline_year" : "missing_year",
                            unreadable ? "expected the year of the column " + yearRaw + " as an era year such as (R1), (H28) or (R元)"
                                    : "expected the year of the " + what + " of " + tableName + " '" + item.name
                                            + "' in the column label (e.g. 策定当初（R1）) or in parentheses under the value",
                            yearRaw);
                    return null;
                }
            }
            if (cell != null && cell.isFormulaWithoutCachedValue()) {
                warning(address, "formula_without_cached_value", "the formula =" + cell.formula() + " has no calculated "
                        + "value saved in the file; open and save the workbook in Excel so the value is stored", "=" + cell.formula());
            }
            ParsedValue value = NumberParser.parse(cell == null ? "" : cell.text());
            return new YearValue(year.getAsInt(), kind, yearRaw, value, address);
        }

        /**
         * Text in a value column is an error in a row of numbers and whenever it holds a digit (a
         * mistyped number); a row without any number is a qualitative indicator (全項目) and may hold text.
         * The error costs the row.
         */
        private void checkValues(Item item, YearValue baseline, List<YearValue> actuals, YearValue target) {
            List<YearValue> all = new ArrayList<>();
            all.add(baseline);
            all.addAll(actuals);
            all.add(target);
            boolean numeric = all.stream().anyMatch(v -> v.value().isNumber());
            for (YearValue v : all) {
                ParsedValue value = v.value();
                if (ExcelErrors.isErrorValue(value.raw())) {
                    findings.add(Finding.rowError(sheet, v.cell(), "excel_error_value", ExcelErrors.message(value.raw(),
                            "the " + v.kind().sqlName() + " value of " + v.yearRaw() + " of '" + item.name + "'"), value.raw()));
                    continue;
                }
                if (value.kind() == jp.evalsheet.value.ValueKind.TEXT
                        && (numeric || JapaneseText.toHalfWidthDigits(value.raw()).matches("(?s).*\\d.*"))) {
                    findings.add(Finding.rowError(sheet, v.cell(), "value_not_a_number", "expected a number such as 40,923, "
                            + "58.2% or -84 (or -, ※, 中止 or blank) for the " + v.kind().sqlName() + " value of "
                            + v.yearRaw() + " of '" + item.name + "', found text; the row was not loaded", value.raw()));
                }
                if (value.isNumber() && value.unit() != null && item.unit != null
                        && !unitText(value.unit()).equals(unitText(item.unit))) {
                    warning(v.cell(), "unit_mismatch", "the value carries the unit " + value.unit() + " but the 単位 of '"
                            + item.name + "' is " + item.unit, value.raw());
                }
            }
        }

        /** The status in its column: {@code B　策定当初より…}, or the letter alone with its wording beside it. */
        private StatusCell status(int row, Columns columns, Item item, List<YearValue> actuals, String tableName) {
            GridCell cell = columns.cell(row, columns.status);
            String address = cell != null ? cell.address() : CellAddresses.a1(row, columns.status);
            if (cell == null) {
                boolean latestMissing = actuals.isEmpty() || !actuals.get(actuals.size() - 1).value().isNumber()
                        && actuals.get(actuals.size() - 1).value().kind() != jp.evalsheet.value.ValueKind.NOT_APPLICABLE;
                if (!latestMissing) {
                    warning(address, "missing_status", "the " + tableName + " '" + item.name + "' has no status (評価) "
                            + "although its latest actual is printed; expected A, B or C", null);
                }
                return null;
            }
            try {
                Status status = StatusParser.parse(cell.text(), STATUS_CODES);
                String raw = status.raw();
                String wording = status.label();
                if (wording.isEmpty()) {
                    GridCell beside = grid.cell(row, cell.column() + 1);
                    if (beside != null && columns.owner(beside.column()) == columns.status && !beside.text().isBlank()) {
                        wording = JapaneseText.joinLines(beside.text().strip());
                    }
                }
                return new StatusCell(status.code(), wording, raw, address);
            } catch (ValueParseException e) {
                findings.add(Finding.rowError(sheet, address, "invalid_status", "the status (評価) of " + tableName + " '"
                        + item.name + "': " + e.getMessage() + "; the row was not loaded", cell.text()));
                return null;
            }
        }

        /** The text of the rows below a heading, up to the next labelled row. */
        private void readNarrative(int headingIndex) {
            int headingRow = rows.get(headingIndex);
            GridCell heading = grid.row(headingRow).get(0);
            String headingLabel = label(heading);
            Block block = null;
            for (Block candidate : Block.values()) {
                if (candidate.pattern.matcher(headingLabel).matches()) {
                    block = candidate;
                    break;
                }
            }
            if (block == null) {
                return;
            }
            StringBuilder text = new StringBuilder();
            String firstCell = null;
            int first = headingIndex + 1;
            if (first < rows.size() && kinds.get(first) == RowKind.GOAL) {
                // 外部評価委員会からの意見, then the goal it is about, then the text
                readGoal(grid.row(rows.get(first)));
                first++;
            }
            for (int i = headingIndex; i < rows.size() && (i == headingIndex || i < first || kinds.get(i) == RowKind.OTHER); i++) {
                if (i > headingIndex && i < first) {
                    continue;
                }
                for (GridCell cell : grid.row(rows.get(i))) {
                    if (i == headingIndex && cell.column() == heading.column()) {
                        continue;
                    }
                    String value = cell.text().strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (firstCell == null) {
                        firstCell = cell.address();
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(value);
                }
            }
            if (firstCell == null) {
                return;
            }
            MeasureBuilder measure = block.ofMeasure ? currentMeasure() : null;
            if (goal == null && summary == null
                    && kinds.stream().noneMatch(k -> k == RowKind.NUMERIC_HEADER || k == RowKind.KPI_HEADER)) {
                currentGoal();
            }
            narratives.add(new NarrativeDraft(block.key, collapse(heading.text()), text.toString(), firstCell, goal, measure,
                    block.ofMeasure));
        }

        private OptionalInt evaluationYear(Located title, List<Goal> built) {
            OptionalInt latest = built.stream().flatMap(g -> Stream.concat(
                    g.numericTargets().stream().flatMap(t -> t.actuals().stream()),
                    g.measures().stream().flatMap(m -> m.kpis().stream()).flatMap(k -> k.actuals().stream())))
                    .mapToInt(YearValue::fiscalYear).max();
            OptionalInt titled = title == null ? OptionalInt.empty() : EraYearParser.parseFiscalYear(title.rawText());
            if (titled.isPresent()) {
                if (latest.isPresent() && latest.getAsInt() != titled.getAsInt()) {
                    warning(title.cell(), "evaluation_year_mismatch", "the title names fiscal " + titled.getAsInt()
                            + " but the latest actual column is of fiscal " + latest.getAsInt(), title.rawText());
                }
                return titled;
            }
            return latest;
        }

        /** A goal while its tables are read. */
        private final class GoalBuilder {
            int number;
            String name;
            Located cell;
            final List<NumericTarget> targets = new ArrayList<>();
            final List<MeasureBuilder> measures = new ArrayList<>();

            GoalBuilder(int number, String name, Located cell) {
                this.number = number;
                this.name = name;
                this.cell = cell;
            }

            Goal build() {
                List<Measure> built = new ArrayList<>();
                for (MeasureBuilder measure : measures) {
                    built.add(measure.build());
                }
                // a goal known only from the sheet or file name is placed at its first figure or narrative
                Located at = cell != null ? cell
                        : !targets.isEmpty() ? new Located(targets.get(0).cell(), name)
                        : !built.isEmpty() ? new Located(built.get(0).cell(), name)
                        : new Located(narratives.stream().filter(n -> n.goal() == this).map(NarrativeDraft::cell).findFirst()
                                .orElse("A1"), name);
                return new Goal(number, name, at, List.copyOf(targets), List.copyOf(built));
            }
        }

        /** A measure while its 担当課 and KPI table are read. */
        private final class MeasureBuilder {
            String label;
            String name;
            String cell;
            /** The header of its first KPI table, where a missing letter is reported. */
            String tableCell;
            String departmentsRaw;
            String departmentsCell;
            final List<Kpi> kpis = new ArrayList<>();

            MeasureBuilder(String label, String name, String cell) {
                this.label = label;
                this.name = name;
                this.cell = cell;
            }

            Measure build() {
                String at = cell != null ? cell : tableCell;
                if (departmentsRaw == null || departmentsRaw.isEmpty()) {
                    warning(at, "missing_department", "the measure (" + label + ") " + name
                            + " has no 担当課 (owning department) row", null);
                }
                if (kpis.isEmpty()) {
                    warning(at, "measure_without_kpis", "the measure (" + label + ") " + name
                            + " has no KPI table with a KPI row", null);
                }
                return new Measure(label, name, at, departmentsRaw == null || departmentsRaw.isEmpty() ? null : departmentsRaw,
                        departments(departmentsRaw), departmentsCell, List.copyOf(kpis));
            }
        }

        /** A narrative block before its goal's number and measure's letter are known. */
        private record NarrativeDraft(String key, String heading, String text, String cell, GoalBuilder goal, MeasureBuilder measure,
                boolean ofMeasure) {
        }

        private void error(String cell, String rule, String message, String raw) {
            findings.add(Finding.error(sheet, cell, rule, message, raw));
        }

        private void warning(String cell, String rule, String message, String raw) {
            findings.add(Finding.warning(sheet, cell, rule, message, raw));
        }
    }

    /** 健康づくり課、保育課 → [健康づくり課, 保育課]; a dash or blank → []. */
    static List<String> departments(String raw) {
        if (raw == null || Labels.isDashOrEmpty(raw)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : raw.split("[、,，\\n]")) {
            if (!name.isBlank()) {
                names.add(JapaneseText.collapseWhitespace(name));
            }
        }
        return List.copyOf(names);
    }

    /** The unit compared width-insensitively: ％ and % are the same unit. */
    private static String unitText(String unit) {
        return JapaneseText.toHalfWidthLetters(JapaneseText.toHalfWidthDigits(unit)).strip();
    }

    /** A printed text with its line breaks (and the spaces around them) removed. */
    private static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", "");
    }
}
