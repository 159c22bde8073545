package jp.evalsheet.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.strategy.StrategySheet.Kpi;
import jp.evalsheet.strategy.StrategySheet.Measure;
import jp.evalsheet.strategy.StrategySheet.Narrative;
import jp.evalsheet.strategy.StrategySheet.NumericTarget;
import jp.evalsheet.strategy.StrategySheet.StatusCell;
import jp.evalsheet.strategy.StrategySheet.ValueKind;
import jp.evalsheet.strategy.StrategySheet.YearValue;
import jp.evalsheet.value.EraYearParser;
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
 * Understands a sheet of the 総合戦略 効果検証 (one 基本目標: its 数値目標 table, its measures (ア)(イ)(ウ)
 * with 担当課 and a KPI table each, and narrative blocks) by its printed labels, not by fixed cell
 * addresses: rows may be inserted or left blank, cells merged (or, in a CSV, the merge lost and the
 * value standing in the first column only) and column labels slightly renamed.
 *
 * <p>A table is found by its header row: a name column (数値目標, or 指標名 / KPI) and a 策定当初 column,
 * with 単位, 実績値 or era-year columns (R2, 実績値（R3）), 目標値 and 評価 / 進捗状況. The year of a
 * column is read from its label or, as the printed report does it, from a row of years in
 * parentheses under each value row ({@code （H28） (R2） … （R7）}); a year under a value wins over the
 * column label, since baselines differ by row (H28, H2７, R元).
 *
 * <p>Errors reject the sheet: a missing 基本目標 label or table, a table without its required
 * columns, a status that is not A, B or C, a baseline year that cannot be read ({@code R0}, {@code X5}),
 * text that is not a number in a value column of a numeric row. The rest are warnings.
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
    /** A year printed under a value: (R2), （H2７）, R元, (令和2年度). */
    private static final Pattern YEAR_TOKEN = Pattern.compile(
            "^[(（]?\\s*(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|令和|平成|昭和)\\s*[0-9０-９元]{1,2}\\s*(?:年度?)?\\s*[)）]?$");
    /** Something that looks like an era year in parentheses inside a label, readable or not. */
    private static final Pattern YEAR_IN_LABEL = Pattern.compile(
            "[(（]\\s*(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|令和|平成|昭和)\\s*[0-9０-９元]{1,2}\\s*(?:年度?)?\\s*[)）]");
    private static final Pattern NUMBERING = Pattern.compile("^[(（]?(\\d{1,2})[)）.]?$");
    /** Headings that only structure the page: 1 数値目標の達成状況, 重要業績評価指標（KPI）, 具体的な施策. */
    private static final Pattern SECTION = Pattern.compile(
            "^(\\d{1,2}[.．、]?)?(数値目標.*|具体的な施策.*|重要業績評価指標.*|KPI.*|基本目標ごと.*)$");

    private enum Block {
        KPI_PROGRESS("kpi_progress", ".*KPIの進捗状況.*", true),
        MAIN_EFFORTS("main_efforts", ".*主な取組(と|及び)?(の)?成果.*", true),
        ISSUES("issues", ".*今後の課題.*", true),
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
        NUMERIC_HEADER, KPI_HEADER, GOAL, MEASURE, DEPARTMENT, BLOCK, SECTION, OTHER
    }

    /** Whether the sheet looks like a strategy verification sheet: a 基本目標 label and a table with 策定当初. */
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
        return false;
    }

    public Extraction extract(SheetGrid grid) {
        return new Reading(grid).read();
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

    /** The state of reading one sheet. */
    private static final class Reading {
        private final SheetGrid grid;
        private final String sheet;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Integer> rows;
        private final List<RowKind> kinds = new ArrayList<>();

        Reading(SheetGrid grid) {
            this.grid = grid;
            this.sheet = grid.sheetName();
            this.rows = grid.rowIndexes();
        }

        Extraction read() {
            for (int row : rows) {
                kinds.add(classify(grid.row(row)));
            }
            Located title = null;
            Located goalCell = null;
            int goalNumber = -1;
            String goalName = null;
            List<NumericTarget> targets = new ArrayList<>();
            List<MeasureBuilder> measures = new ArrayList<>();
            List<Narrative> narratives = new ArrayList<>();
            boolean anyTable = false;

            for (int i = 0; i < rows.size(); i++) {
                int row = rows.get(i);
                List<GridCell> cells = grid.row(row);
                MeasureBuilder measure = measures.isEmpty() ? null : measures.get(measures.size() - 1);
                switch (kinds.get(i)) {
                    case GOAL -> {
                        GridCell cell = cells.get(0);
                        Matcher m = GOAL.matcher(JapaneseText.toHalfWidthDigits(cell.text()));
                        m.matches();
                        int number = Integer.parseInt(m.group(1));
                        if (goalCell == null) {
                            goalNumber = number;
                            goalCell = new Located(cell.address(), cell.text().strip());
                            goalName = collapse(m.group(2));
                            if (goalName.isEmpty() && cells.size() > 1) {
                                goalName = collapse(cells.get(1).text());
                            }
                        } else if (number != goalNumber) {
                            warning(cell.address(), "second_basic_goal", "the sheet already holds 基本目標" + goalNumber
                                    + "; the label 基本目標" + number + " was ignored (submit one sheet per basic goal)", cell.text());
                        }
                    }
                    case MEASURE -> {
                        GridCell cell = cells.get(0);
                        Matcher m = MEASURE.matcher(cell.text());
                        m.matches();
                        String name = collapse(m.group(2));
                        if (name.isEmpty() && cells.size() > 1) {
                            name = collapse(cells.get(1).text());
                        }
                        measures.add(new MeasureBuilder(m.group(1), name, cell.address()));
                    }
                    case DEPARTMENT -> {
                        if (measure == null) {
                            warning(cells.get(0).address(), "department_without_measure",
                                    "the label 担当課 stands above every measure heading such as (ア) and was ignored", null);
                        } else if (cells.size() > 1) {
                            measure.departmentsRaw = cells.get(1).text().strip();
                            measure.departmentsCell = cells.get(1).address();
                        }
                    }
                    case NUMERIC_HEADER -> {
                        anyTable = true;
                        for (Item item : readTable(i, "数値目標")) {
                            targets.add(new NumericTarget(item.number, item.name, item.nameAsPrinted, item.unit, item.cell,
                                    item.baseline, item.actuals, item.target, item.status));
                        }
                    }
                    case KPI_HEADER -> {
                        anyTable = true;
                        List<Item> items = readTable(i, "KPI");
                        if (measure == null) {
                            error(cells.get(0).address(), "missing_label", "expected a measure heading such as "
                                    + "'(ア) 暮らしにマッチした生活環境の創造' above the KPI table", null);
                        } else {
                            for (Item item : items) {
                                measure.kpis.add(new Kpi(item.number, item.name, item.nameAsPrinted, item.unit,
                                        item.department, UnitSplitter.isCumulative(item.name), item.cell, item.baseline,
                                        item.actuals, item.target, item.status));
                            }
                        }
                    }
                    case BLOCK -> readNarrative(i, measure).ifPresent(narratives::add);
                    default -> {
                        if (title == null && goalCell == null && !cells.isEmpty()) {
                            String text = cells.get(0).text();
                            if (text.contains("総合戦略") || text.contains("効果検証")) {
                                title = new Located(cells.get(0).address(), collapse(text));
                            }
                        }
                    }
                }
            }

            if (goalCell == null) {
                error(null, "missing_label", "expected the label 基本目標 with its number and name, e.g. "
                        + "'基本目標1 産業の振興により市民生活と調和した豊かな暮らしを実現する'", null);
            }
            if (!anyTable) {
                error(null, "missing_label", "expected a 数値目標 table or a KPI table with the columns 数値目標 / 指標名, "
                        + "単位, 策定当初, 実績値 (R2 …), 目標値 and 評価", null);
            }
            List<Measure> builtMeasures = new ArrayList<>();
            for (MeasureBuilder measure : measures) {
                builtMeasures.add(measure.build());
            }
            OptionalInt year = evaluationYear(title, targets, builtMeasures);
            if (year.isEmpty() && anyTable) {
                error(null, "missing_evaluation_year", "expected the evaluation year in the title, e.g. "
                        + "'効果検証（令和6年度）', or an actual column with its year such as R6", null);
            }
            if (findings.stream().anyMatch(Finding::isError)) {
                return new Extraction(null, List.copyOf(findings));
            }
            StrategySheet strategy = new StrategySheet(sheet, year.getAsInt(), title, goalNumber, goalName, goalCell,
                    List.copyOf(targets), List.copyOf(builtMeasures), List.copyOf(narratives));
            return new Extraction(strategy, List.copyOf(findings));
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
            if (label.length() <= 80 && MEASURE.matcher(text).matches()) {
                return RowKind.MEASURE;
            }
            if (label.equals("担当課") || label.equals("所管課") || label.equals("担当部署")) {
                return RowKind.DEPARTMENT;
            }
            if (label.length() <= 50) {
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

        /** The columns of a table, found by the labels of its header row. */
        private final class Columns {
            int number = -1;
            int name = -1;
            int unit = -1;
            int status = -1;
            int department = -1;
            GridCell baseline;
            GridCell target;
            final List<GridCell> actuals = new ArrayList<>();
            /** Years printed in a row of their own under the header, by column. */
            final Map<Integer, GridCell> headerYears = new HashMap<>();

            boolean isValueColumn(int column) {
                return (baseline != null && baseline.column() == column) || (target != null && target.column() == column)
                        || actuals.stream().anyMatch(c -> c.column() == column);
            }
        }

        private Columns columns(List<GridCell> header, RowKind kind) {
            Columns columns = new Columns();
            for (GridCell cell : header) {
                String label = label(cell);
                if (label.isEmpty() || label.length() > 30) {
                    continue;
                }
                if (columns.name < 0 && (kind == RowKind.NUMERIC_HEADER ? label.startsWith("数値目標") : isKpiNameLabel(label))) {
                    columns.name = cell.column();
                } else if (label.equals("No.") || label.equals("No") || label.equals("番号") || label.equals("NO.")) {
                    columns.number = cell.column();
                } else if (label.startsWith("単位")) {
                    columns.unit = cell.column();
                } else if (label.contains("策定当初") || label.startsWith("基準値")) {
                    columns.baseline = cell;
                } else if (label.startsWith("目標")) {
                    columns.target = cell;
                } else if (label.contains("評価") || label.contains("進捗状況") || label.contains("達成状況")) {
                    columns.status = cell.column();
                } else if (label.contains("担当課") || label.contains("所管課")) {
                    columns.department = cell.column();
                } else if (label.contains("実績") || YEAR_TOKEN.matcher(label).matches()) {
                    columns.actuals.add(cell);
                }
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
        }

        /** Reads the rows below the header at position {@code headerIndex} up to the next labelled row. */
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

            List<Item> items = new ArrayList<>();
            Set<Integer> numbers = new HashSet<>();
            int itemRow = -1;
            Map<Integer, GridCell> itemYears = null;
            List<int[]> pending = new ArrayList<>();
            List<Map<Integer, GridCell>> pendingYears = new ArrayList<>();
            for (int i = headerIndex + 1; i < rows.size() && kinds.get(i) == RowKind.OTHER; i++) {
                int row = rows.get(i);
                List<GridCell> cells = grid.row(row);
                if (isYearRow(cells, columns)) {
                    Map<Integer, GridCell> years = new HashMap<>();
                    for (GridCell cell : cells) {
                        years.put(cell.column(), cell);
                    }
                    if (itemRow < 0) {
                        columns.headerYears.putAll(years);
                    } else if (itemYears.isEmpty()) {
                        itemYears.putAll(years);
                    }
                    continue;
                }
                GridCell name = grid.cell(row, columns.name);
                if (name != null && !name.text().isBlank()) {
                    itemRow = row;
                    itemYears = new HashMap<>();
                    pending.add(new int[] {row});
                    pendingYears.add(itemYears);
                    continue;
                }
                boolean values = cells.stream().anyMatch(c -> columns.isValueColumn(c.column()) && !c.text().isBlank());
                boolean yearLabels = cells.stream().allMatch(c -> label(c).matches("\\(?年度\\)?"));
                if (values && !yearLabels) {
                    warning(cells.get(0).address(), "row_without_name", "the row holds values in the " + tableName
                            + " table but no name in the column " + CellAddresses.columnLetters(columns.name)
                            + "; it was ignored", null);
                }
            }
            for (int p = 0; p < pending.size(); p++) {
                Item item = item(pending.get(p)[0], pendingYears.get(p), columns, tableName, p + 1);
                if (item == null) {
                    continue;
                }
                if (!numbers.add(item.number)) {
                    warning(item.cell, "duplicate_number", "the " + tableName + " number " + item.number
                            + " is printed twice in the table", item.nameAsPrinted);
                }
                items.add(item);
            }
            return items;
        }

        /** A row of years under a value row or under the header: (R1) (R２) … (R7), nothing else. */
        private boolean isYearRow(List<GridCell> cells, Columns columns) {
            if (cells.isEmpty()) {
                return false;
            }
            for (GridCell cell : cells) {
                if (cell.column() == columns.name || !YEAR_TOKEN.matcher(cell.text().strip()).matches()) {
                    return false;
                }
            }
            return true;
        }

        private Item item(int row, Map<Integer, GridCell> years, Columns columns, String tableName, int position) {
            Item item = new Item();
            GridCell nameCell = grid.cell(row, columns.name);
            item.cell = nameCell.address();
            item.nameAsPrinted = nameCell.text().strip();
            item.name = collapse(item.nameAsPrinted);
            item.number = position;
            int numberColumn = columns.number >= 0 ? columns.number : columns.name > 0 ? columns.name - 1 : -1;
            if (numberColumn >= 0) {
                GridCell numberCell = grid.cell(row, numberColumn);
                String printed = numberCell == null ? "" : label(numberCell);
                if (printed.length() == 1 && printed.charAt(0) >= '①' && printed.charAt(0) <= '⑳') {
                    item.number = printed.charAt(0) - '①' + 1;
                } else if (NUMBERING.matcher(printed).matches()) {
                    Matcher m = NUMBERING.matcher(printed);
                    m.matches();
                    item.number = Integer.parseInt(m.group(1));
                }
            }
            if (columns.unit >= 0) {
                String unit = collapse(grid.text(row, columns.unit));
                item.unit = unit.isEmpty() ? null : unit;
            } else {
                NameAndUnit split = UnitSplitter.split(item.name);
                item.name = split.name();
                item.unit = split.unit();
            }
            if (columns.department >= 0) {
                String department = collapse(grid.text(row, columns.department));
                item.department = department.isEmpty() ? null : department;
            }

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
                return null;
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
            item.status = status(row, columns.status, item, actuals, tableName);
            return item;
        }

        /**
         * The value at {@code row} in a value column, with the year printed under it or in the column
         * label; {@code null} (after reporting an error) when the year cannot be read.
         */
        private YearValue value(int row, GridCell column, ValueKind kind, Map<Integer, GridCell> years,
                Columns columns, String tableName, Item item) {
            GridCell yearCell = years.containsKey(column.column()) ? years.get(column.column())
                    : columns.headerYears.get(column.column());
            String address = CellAddresses.a1(row, column.column());
            String what = kind == ValueKind.BASELINE ? "baseline (策定当初)" : kind == ValueKind.TARGET ? "target (目標値)" : "actual (実績値)";
            String rule = kind == ValueKind.BASELINE ? "invalid_baseline_year" : "invalid_year";
            String yearRaw;
            OptionalInt year;
            if (yearCell != null) {
                yearRaw = yearCell.text().strip();
                year = EraYearParser.parseFiscalYear(yearRaw);
                if (year.isEmpty()) {
                    error(yearCell.address(), rule, "expected the year of the " + what + " of " + tableName + " '"
                            + item.name + "' as an era year such as (R1), (H28) or (R元), found " + yearRaw, yearRaw);
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
            GridCell cell = grid.cell(row, column.column());
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
         */
        private void checkValues(Item item, YearValue baseline, List<YearValue> actuals, YearValue target) {
            List<YearValue> all = new ArrayList<>();
            all.add(baseline);
            all.addAll(actuals);
            all.add(target);
            boolean numeric = all.stream().anyMatch(v -> v.value().isNumber());
            for (YearValue v : all) {
                ParsedValue value = v.value();
                if (value.kind() == jp.evalsheet.value.ValueKind.TEXT
                        && (numeric || JapaneseText.toHalfWidthDigits(value.raw()).matches("(?s).*\\d.*"))) {
                    error(v.cell(), "value_not_a_number", "expected a number such as 40,923, 58.2% or -84 (or -, ※, 中止 "
                            + "or blank) for the " + v.kind().sqlName() + " value of " + v.yearRaw() + " of '" + item.name
                            + "', found text", value.raw());
                }
                if (value.isNumber() && value.unit() != null && item.unit != null
                        && !unitText(value.unit()).equals(unitText(item.unit))) {
                    warning(v.cell(), "unit_mismatch", "the value carries the unit " + value.unit() + " but the 単位 of '"
                            + item.name + "' is " + item.unit, value.raw());
                }
            }
        }

        private StatusCell status(int row, int column, Item item, List<YearValue> actuals, String tableName) {
            GridCell cell = grid.cell(row, column);
            String address = CellAddresses.a1(row, column);
            if (cell == null || cell.text().isBlank()) {
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
                return new StatusCell(status.code(), status.label(), status.raw(), address);
            } catch (ValueParseException e) {
                error(address, "invalid_status", "the status (評価) of " + tableName + " '" + item.name + "': "
                        + e.getMessage(), cell.text());
                return null;
            }
        }

        /** The text of the rows below a heading, up to the next labelled row. */
        private Optional<Narrative> readNarrative(int headingIndex, MeasureBuilder measure) {
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
            StringBuilder text = new StringBuilder();
            String firstCell = null;
            for (int i = headingIndex; i < rows.size() && (i == headingIndex || kinds.get(i) == RowKind.OTHER); i++) {
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
                return Optional.empty();
            }
            String measureLabel = block.ofMeasure && measure != null ? measure.label : null;
            return Optional.of(new Narrative(block.key, collapse(heading.text()), text.toString(), firstCell, measureLabel));
        }

        private OptionalInt evaluationYear(Located title, List<NumericTarget> targets, List<Measure> measures) {
            OptionalInt latest = Stream.concat(
                    targets.stream().flatMap(t -> t.actuals().stream()),
                    measures.stream().flatMap(m -> m.kpis().stream()).flatMap(k -> k.actuals().stream()))
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

        /** A measure while its 担当課 and KPI table are read. */
        private final class MeasureBuilder {
            final String label;
            final String name;
            final String cell;
            String departmentsRaw;
            String departmentsCell;
            final List<Kpi> kpis = new ArrayList<>();

            MeasureBuilder(String label, String name, String cell) {
                this.label = label;
                this.name = name;
                this.cell = cell;
            }

            Measure build() {
                if (departmentsRaw == null || departmentsRaw.isEmpty()) {
                    warning(cell, "missing_department", "the measure (" + label + ") " + name
                            + " has no 担当課 (owning department) row", null);
                }
                if (kpis.isEmpty()) {
                    warning(cell, "measure_without_kpis", "the measure (" + label + ") " + name
                            + " has no KPI table with a KPI row", null);
                }
                return new Measure(label, name, cell, departmentsRaw == null || departmentsRaw.isEmpty() ? null : departmentsRaw,
                        departments(departmentsRaw), departmentsCell, List.copyOf(kpis));
            }
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
