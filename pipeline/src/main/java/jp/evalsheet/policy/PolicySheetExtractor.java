package jp.evalsheet.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.extract.Located;
import jp.evalsheet.grid.CellAddresses;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.policy.PolicySheet.CostBasis;
import jp.evalsheet.policy.PolicySheet.Indicator;
import jp.evalsheet.policy.PolicySheet.IndicatorValue;
import jp.evalsheet.policy.PolicySheet.Narrative;
import jp.evalsheet.policy.PolicySheet.PolicyRating;
import jp.evalsheet.policy.PolicySheet.PrintedTotal;
import jp.evalsheet.policy.PolicySheet.Project;
import jp.evalsheet.policy.PolicySheet.ProjectCost;
import jp.evalsheet.policy.PolicySheet.ValueKind;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.value.ExcelErrors;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.Labels;
import jp.evalsheet.value.NumberParser;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.Rating;
import jp.evalsheet.value.RatingParser;
import jp.evalsheet.value.Relisting;
import jp.evalsheet.value.UnitSplitter;
import jp.evalsheet.value.ValueParseException;

/**
 * Understands a 施策評価シート by its printed labels, not by fixed cell addresses: departments insert
 * rows, merge cells, leave blank rows and rename columns slightly. Sections are found by their
 * headings in the first filled cell of a row (指標 1, 3 進捗状況, 5 施策構成事務事業 …); a section
 * runs to the next heading. Year columns are found by their era labels (R2決算, R4年度見込み).
 * The code and name stand in one cell, two cells or rows of their own (施策番号, 施策名); the
 * indicators one by one (指標 1 …) or as one table with the unit in a column (指標 | 指標名 | 単位 …);
 * a rating as one line ({@code 1 2 ③ 4 … おおむね順調}), one step a cell, or the chosen step alone
 * ({@code ③} or {@code 評価 | 3}) with its label beside it.
 *
 * <p>What the whole sheet stands on is an error and rejects the sheet: the policy code, the owning
 * department, a missing label or table, a year column of the project table or of an indicator whose
 * era year cannot be read (every figure below it would go to the wrong year), a rating without its
 * circled digit (the sheet's verdict). An unusable project cost (not a number, another unit than
 * thousand yen, negative, absurdly large) costs only its cell: a warning names it and the project
 * loads without that cost, unless more than half of the policy's own projects have one, which
 * rejects the sheet. An unusable printed 計 figure, and a 経年変化 figure that is unusable or missing,
 * is a warning and is not recorded; the rest are warnings.
 */
public final class PolicySheetExtractor {

    /** The result of reading one sheet: the sheet, unless an error rejected it, and every finding. */
    public record Extraction(PolicySheet sheet, List<Finding> findings) {

        public boolean isRejected() {
            return sheet == null;
        }
    }

    private enum Heading {
        INDICATOR("指標(\\d+)", null, null),
        INDICATOR_TABLE("指標(番号|No\\.?)?", null, null),
        IMPLEMENTATION("(1\\.?)?実施内容", "implementation", "1 実施内容"),
        THIRD_PARTY("(2\\.?)?審議会等.*", "third_party_opinion", "2 審議会等第三者機関の評価・意見"),
        PROGRESS("(3\\.?)?進捗状況", "progress_note", "3 進捗状況"),
        PROGRESS_BASIS("【判断の根拠】", "progress_basis", "【判断の根拠】"),
        EXTERNAL_FACTORS("【外的要因】", "external_factors", "【外的要因】"),
        NECESSITY("(4\\.?)?必要性", "necessity_reason", "4 必要性"),
        PROJECTS("(5\\.?)?施策を?構成(する)?事務事業.*", null, null),
        TREND(".*経年変化.*", null, null),
        ANALYSIS("(6\\.?)?現状と課題の分析", "analysis", "6 現状と課題の分析"),
        OUTLOOK("(7\\.?)?今後の展開", "outlook", "7 今後の展開"),
        ROLE_SHARING("(8\\.?)?行政と市民の役割分担", "role_sharing", "8 行政と市民の役割分担"),
        SUMMARY("(9\\.?)?所管部の総括", "summary", "9 所管部の総括");

        final Pattern pattern;
        final String narrativeKey;
        final String printed;

        Heading(String regex, String narrativeKey, String printed) {
            this.pattern = Pattern.compile(regex);
            this.narrativeKey = narrativeKey;
            this.printed = printed;
        }
    }

    /** A cost cell that is not a cost in thousand yen: the finding it gets. */
    private record CostProblem(String cell, String rule, String message, String raw) {
    }

    /** A project row with unusable costs, which are left out. */
    private record BadRow(String name, boolean relisted, List<CostProblem> problems) {
    }

    /** A heading found at a row; its section runs to the row before the next heading. */
    private record Section(Heading heading, int row, int endRow, Matcher match) {
    }

    private static final Pattern CODE_AND_NAME = Pattern.compile("^(\\d{3})(?:[\\s　]+(.+))?$", Pattern.DOTALL);
    private static final Pattern CIRCLED = Pattern.compile("[①-⑩]");
    /** A cell of a rating scale alone, without its label: 1, ③, 1 2 ③ 4. */
    private static final Pattern SCALE_ONLY = Pattern.compile("[\\d①-⑩\\s　]+");
    /** The label a rating typed as a bare digit stands right of. */
    private static final Pattern RATING_LABEL = Pattern.compile("評価(結果)?|判定");
    /**
     * The largest plausible cost of one line of the project table, in thousand yen: 100,000,000
     * thousand yen is 100 billion yen, more than a city's whole annual budget. A larger figure is a
     * cost typed in yen, or digits typed twice.
     */
    public static final long MAX_COST_THOUSAND_YEN = 100_000_000L;

    /** An era year as a column label writes it, readable or not: R4, Q4, R0, 令和4 (followed by 年度 or 決算). */
    private static final Pattern ERA_YEAR_LIKE = Pattern.compile(
            "(?<![A-Za-z])[A-Za-z]\\s*(元|\\d{1,2})\\s*(年度|決算)|(令和|平成|昭和)\\s*(元|\\d{1,2})\\s*(年度|決算)");

    /** The labels of the header block, which are never the value of another label. */
    private static final List<String> HEADER_LABELS = List.of("担当課", "所管課", "関連課", "目指す姿",
            "まち・ひと・しごと目標", "まち・ひと・しごと創生総合戦略");

    /** The column label of the project names: 施策を構成する事務事業名, 事務事業名, 構成事務事業 … */
    private static final Pattern PROJECT_NAME_LABEL = Pattern.compile("(施策を?)?構成(する)?事務事業(名)?|事務事業名");

    /** The first cell of the 計 row: 計, 合計 or 総計, alone or with its unit (計（単位：千円）), not a name such as 計画推進事業. */
    private static final Pattern TOTAL_ROW = Pattern.compile("(合|総)?計(\\(.*\\)|単位.*|:.*)?");

    /** The start of a row that ends the project rows: （以下余白）, 以下余白, a ※ note or a （注） note. */
    private static final Pattern TABLE_END = Pattern.compile("\\(?以下(余白|空白)|※|\\(注\\)|注\\d*[:)]");

    /**
     * A cell that is a year label and nothing else, as labels print it (normalized, letters
     * half-width): R2年度, R2決算, R4決算見込み, R4年度(見込み), 令和2年度決算, (R4年度見込み), 2022年度,
     * and unreadable ones of the same shape (Q4年度, R0決算), which are reported.
     */
    private static final Pattern YEAR_LABEL = Pattern.compile(
            "\\(?(?:[A-Za-z](?:元|\\d{1,2})|(?:令和|平成)(?:元|\\d{1,2})|FY\\d{4}|\\d{4}(?=年))年?度?(?:決算)?"
                    + "(?:\\(?(?:決算)?見込み?額?\\)?)?\\)?");

    /**
     * Whether the sheet looks like a 施策評価シート: it has a 担当課 label and a 事務事業 table, or it is
     * titled 施策評価シート and has the headings 進捗状況 and 必要性 (so that a sheet which lost its 担当課
     * label or its project table is still read, and rejected for what it lacks, rather than skipped as
     * a sheet of no known family).
     */
    public static boolean recognizes(SheetGrid grid) {
        boolean department = false;
        boolean projects = false;
        boolean title = false;
        boolean progress = false;
        boolean necessity = false;
        for (int row : grid.rowIndexes()) {
            List<GridCell> cells = grid.row(row);
            for (GridCell cell : cells) {
                String label = cell.label();
                department |= label.equals("担当課") || label.equals("所管課");
                projects |= label.contains("事務事業") && label.length() < 30;
                title |= label.startsWith("施策評価シート") && label.length() <= 20;
            }
            String first = cells.get(0).label();
            progress |= Heading.PROGRESS.pattern.matcher(first).matches();
            necessity |= Heading.NECESSITY.pattern.matcher(first).matches();
            if (department && projects || title && progress && necessity) {
                return true;
            }
        }
        return false;
    }

    public Extraction extract(SheetGrid grid) {
        return new Reading(grid).read();
    }

    /** The state of reading one sheet. */
    private static final class Reading {
        private final SheetGrid grid;
        private final String sheet;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        /** The last row of the project table read so far (its header, a project or the 計 row), or -1. */
        private int projectTableEnd = -1;

        Reading(SheetGrid grid) {
            this.grid = grid;
            this.sheet = grid.sheetName();
        }

        Extraction read() {
            findSections();
            Located code = findCodeAndName();
            Located department = valueRightOf("担当課", "所管課");
            Located related = valueRightOf("関連課");
            Located targetState = valueRightOrBelow("目指す姿");
            Located mhs = valueRightOf("まち・ひと・しごと目標", "まち・ひと・しごと創生総合戦略");
            if (department == null) {
                error(null, "missing_label", "expected the label 担当課 (owning department) with the department name to its right", null);
            } else if (department.rawText().isBlank()) {
                error(department.cell(), "missing_department", "expected the name of the owning department right of 担当課", null);
            }

            List<Indicator> indicators = new ArrayList<>();
            List<PolicyRating> ratings = new ArrayList<>();
            List<Narrative> narratives = new ArrayList<>();
            List<Project> projects = new ArrayList<>();
            List<PrintedTotal> totals = new ArrayList<>();
            if (targetState != null && !targetState.rawText().isBlank()) {
                narratives.add(new Narrative("target_state", "目指す姿", targetState.rawText(), targetState.cell()));
            }
            boolean projectTable = false;
            for (Section section : sections) {
                switch (section.heading()) {
                    case INDICATOR -> readIndicator(section).ifPresent(indicators::add);
                    case INDICATOR_TABLE -> readIndicatorTable(section, indicators);
                    case PROGRESS, NECESSITY -> {
                        readRating(section, narratives).ifPresent(ratings::add);
                    }
                    case PROJECTS -> {
                        projectTable = true;
                        readProjects(section, projects, totals);
                    }
                    case TREND -> readTrend(section, totals);
                    default -> readNarrative(section, 0).ifPresent(narratives::add);
                }
            }
            if (!projectTable) {
                error(null, "missing_label", "expected the table 5 施策構成事務事業 with the columns 事務事業名, R?決算 and 今後の方向性", null);
            }
            for (Heading rated : List.of(Heading.PROGRESS, Heading.NECESSITY)) {
                if (sections.stream().noneMatch(section -> section.heading() == rated)) {
                    error(null, "missing_label", "expected the heading " + rated.printed
                            + " followed by its rating line such as '1 2 ③ 4 … おおむね順調'", null);
                }
            }

            OptionalInt evaluationYear = evaluationYear(projects, indicators);
            if (evaluationYear.isEmpty() && projectTable) {
                error(null, "missing_evaluation_year",
                        "expected a forecast column such as R4決算見込み or R4年度見込み that names the evaluation year", null);
            }
            if (findings.stream().anyMatch(Finding::rejectsSheet) || code == null || department == null
                    || department.rawText().isBlank()) {
                return new Extraction(null, List.copyOf(findings));
            }
            Matcher codeMatch = CODE_AND_NAME.matcher(code.rawText());
            codeMatch.matches();
            PolicySheet policy = new PolicySheet(sheet, evaluationYear.getAsInt(), codeMatch.group(1),
                    collapse(codeMatch.group(2)), code, department.rawText(), department,
                    related == null ? List.of() : departments(related.rawText()), related, targetState, mhs,
                    List.copyOf(indicators), List.copyOf(ratings), List.copyOf(projects), List.copyOf(totals),
                    List.copyOf(narratives));
            return new Extraction(policy, List.copyOf(findings));
        }

        private void findSections() {
            List<int[]> starts = new ArrayList<>();
            List<Heading> headings = new ArrayList<>();
            List<Matcher> matches = new ArrayList<>();
            for (int row : grid.rowIndexes()) {
                List<GridCell> cells = grid.row(row);
                String label = cells.get(0).label();
                for (Heading heading : Heading.values()) {
                    Matcher matcher = heading.pattern.matcher(label);
                    if (label.length() <= 40 && matcher.matches()) {
                        starts.add(new int[] {row});
                        headings.add(heading);
                        matches.add(matcher);
                        break;
                    }
                }
            }
            for (int i = 0; i < starts.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1)[0] - 1 : grid.lastRowIndex();
                sections.add(new Section(headings.get(i), starts.get(i)[0], end, matches.get(i)));
            }
        }

        /** The policy code and name: {@code 611 人権教育・啓発活動} in one cell or in two cells of a row. */
        private Located findCodeAndName() {
            int firstSection = sections.isEmpty() ? grid.lastRowIndex() : sections.get(0).row();
            for (int row : grid.rowIndexes()) {
                if (row >= firstSection) {
                    break;
                }
                List<GridCell> cells = grid.row(row);
                for (int i = 0; i < cells.size(); i++) {
                    String text = JapaneseText.toHalfWidthDigits(cells.get(i).text()).strip();
                    Matcher matcher = CODE_AND_NAME.matcher(text);
                    if (!matcher.matches()) {
                        continue;
                    }
                    if (matcher.group(2) != null) {
                        return new Located(cells.get(i).address(), text);
                    }
                    if (i + 1 < cells.size()) {
                        return new Located(cells.get(i).address(), matcher.group(1) + " " + cells.get(i + 1).text().strip());
                    }
                    // 施策番号 | 611 on one row, 施策名 | 人権教育・啓発活動 on another
                    Located name = valueRightOf("施策名");
                    if (name != null && !name.rawText().isBlank()) {
                        return new Located(cells.get(i).address(), matcher.group(1) + " " + name.rawText());
                    }
                }
            }
            error(null, "missing_label",
                    "expected the policy code and name (e.g. '611 人権教育・啓発活動') above the first section", null);
            return null;
        }

        /** The text in the first filled cell right of a label, or {@code null} when the label is absent. */
        private Located valueRightOf(String... labels) {
            for (int row : grid.rowIndexes()) {
                List<GridCell> cells = grid.row(row);
                for (int i = 0; i < cells.size(); i++) {
                    String label = cells.get(i).label();
                    for (String wanted : labels) {
                        if (label.equals(Labels.normalize(wanted))) {
                            if (i + 1 < cells.size() && !isHeaderLabel(cells.get(i + 1))) {
                                GridCell value = cells.get(i + 1);
                                return new Located(value.address(), value.text().strip());
                            }
                            // nothing right of the label, or only the next label (関連課 right of an empty 担当課)
                            return new Located(CellAddresses.a1(row, cells.get(i).column() + 1), "");
                        }
                    }
                }
            }
            return null;
        }

        /**
         * The text right of a label, or, when nothing stands there, the text on the next filled row
         * below it (a label on a row of its own over a long text), unless that row is another label or
         * a section heading.
         */
        private Located valueRightOrBelow(String label) {
            Located right = valueRightOf(label);
            if (right == null || !right.rawText().isBlank()) {
                return right;
            }
            for (int row : grid.rowIndexes()) {
                for (GridCell cell : grid.row(row)) {
                    if (!cell.label().equals(Labels.normalize(label))) {
                        continue;
                    }
                    int below = nextRow(row);
                    if (below < 0 || sections.stream().anyMatch(section -> section.row() == below)) {
                        return right;
                    }
                    GridCell text = grid.row(below).get(0);
                    if (isHeaderLabel(text) || text.column() > cell.column() + 1) {
                        return right;
                    }
                    return new Located(text.address(), text.text().strip());
                }
            }
            return right;
        }

        private static boolean isHeaderLabel(GridCell cell) {
            String label = cell.label();
            return HEADER_LABELS.stream().anyMatch(header -> label.equals(Labels.normalize(header)));
        }

        /**
         * Reports a column label that names a year the way year labels do (Q4年度見込み, R0決算) but
         * whose era year cannot be read; its column would otherwise be dropped without a word.
         */
        private boolean unreadableYearLabel(GridCell cell, String label, String table) {
            if (EraYearParser.parseFiscalYear(label).isPresent()
                    || !ERA_YEAR_LIKE.matcher(JapaneseText.toHalfWidthLetters(JapaneseText.toHalfWidthDigits(label))).find()) {
                return false;
            }
            error(cell.address(), "invalid_year_header", "expected an era fiscal year such as R4, R4年度見込み or 令和4年度 "
                    + "in the column label of " + table + ", found " + cell.text().strip(), cell.text());
            return true;
        }

        private Optional<Indicator> readIndicator(Section section) {
            int number = Integer.parseInt(section.match().group(1));
            List<GridCell> texts = new ArrayList<>();
            int headerRow = -1;
            Map<Integer, int[]> columns = new TreeMap<>();
            Map<Integer, ValueKind> kinds = new LinkedHashMap<>();
            for (int row = section.row(); row <= section.endRow(); row++) {
                List<GridCell> cells = grid.row(row);
                Map<Integer, int[]> yearColumns = new TreeMap<>();
                List<GridCell> unreadable = new ArrayList<>();
                for (GridCell cell : cells) {
                    String label = cell.label();
                    if (!(label.contains("実績") || label.contains("見込") || label.contains("目標"))) {
                        continue;
                    }
                    OptionalInt year = EraYearParser.parseFiscalYear(label);
                    if (year.isPresent()) {
                        yearColumns.put(cell.column(), new int[] {year.getAsInt()});
                        kinds.put(cell.column(), label.contains("目標") ? ValueKind.TARGET
                                : label.contains("見込") ? ValueKind.FORECAST : ValueKind.ACTUAL);
                    } else if (ERA_YEAR_LIKE.matcher(JapaneseText.toHalfWidthLetters(JapaneseText.toHalfWidthDigits(label))).find()) {
                        unreadable.add(cell);
                    }
                }
                if (yearColumns.size() + unreadable.size() >= 2) {
                    for (GridCell cell : unreadable) {
                        unreadableYearLabel(cell, cell.label(), "指標 " + number);
                    }
                    headerRow = row;
                    columns = yearColumns;
                    break;
                }
                for (GridCell cell : cells) {
                    if (row == section.row() && cell.column() == cells.get(0).column()) {
                        continue;
                    }
                    texts.add(cell);
                }
            }
            String mhsTag = null;
            if (!texts.isEmpty() && texts.get(0).text().strip().startsWith("【")) {
                mhsTag = texts.remove(0).text().strip();
            }
            if (texts.isEmpty() || Labels.isDashOrEmpty(texts.get(0).text())) {
                return Optional.empty();
            }
            GridCell nameCell = texts.get(0);
            if (headerRow < 0) {
                error(nameCell.address(), "missing_label", "expected the year columns of 指標 " + number
                        + " (R2年度実績, R3年度実績, R4年度見込み, 最終年度目標 (R7年度)) below its name", nameCell.text());
                return Optional.empty();
            }
            int valueRow = -1;
            for (int row = headerRow + 1; row <= section.endRow() && valueRow < 0; row++) {
                for (GridCell cell : grid.row(row)) {
                    if (columns.containsKey(cell.column())) {
                        valueRow = row;
                        break;
                    }
                }
            }
            List<IndicatorValue> values = valueRow >= 0 ? indicatorValues(valueRow, columns, kinds) : List.of();
            String printed = collapse(nameCell.text());
            jp.evalsheet.value.NameAndUnit split = UnitSplitter.split(printed);
            String definition = texts.size() > 1 ? texts.get(1).text().strip() : null;
            return Optional.of(new Indicator(number, split.name(), split.unit(), printed, definition, mhsTag,
                    UnitSplitter.isCumulative(split.name()), nameCell.address(), List.copyOf(values)));
        }

        /** The values of an indicator on one row, in its year columns; blank cells are no value. */
        private List<IndicatorValue> indicatorValues(int row, Map<Integer, int[]> columns, Map<Integer, ValueKind> kinds) {
            List<IndicatorValue> values = new ArrayList<>();
            for (Map.Entry<Integer, int[]> column : columns.entrySet()) {
                String address = CellAddresses.a1(row, column.getKey());
                ParsedValue value = parse(grid.cell(row, column.getKey()), address);
                if (ExcelErrors.isErrorValue(value.raw())) {
                    findings.add(Finding.rowError(sheet, address, "excel_error_value", ExcelErrors.message(value.raw(),
                            "the indicator's figure, such as 368 or 7.2%, or - for none"), value.raw()));
                    continue;
                }
                if (value.kind() != jp.evalsheet.value.ValueKind.BLANK) {
                    values.add(new IndicatorValue(column.getValue()[0], kinds.get(column.getKey()), value, address));
                }
            }
            return List.copyOf(values);
        }

        /**
         * The indicators printed as one table, one a row, with the unit in a column of its own:
         * {@code 指標 | 指標名 | 単位 | 指標の定義 | R2年度実績 | … | 最終年度目標 (R7年度)}. A heading 指標
         * without a 指標名 column (over indicators printed one by one) holds nothing to read.
         */
        private void readIndicatorTable(Section section, List<Indicator> indicators) {
            int numberColumn = grid.row(section.row()).get(0).column();
            int nameColumn = -1;
            int unitColumn = -1;
            int definitionColumn = -1;
            Map<Integer, int[]> columns = new TreeMap<>();
            Map<Integer, ValueKind> kinds = new LinkedHashMap<>();
            for (GridCell cell : grid.row(section.row())) {
                String label = cell.label();
                if (label.equals("指標名")) {
                    nameColumn = cell.column();
                } else if (label.equals("単位")) {
                    unitColumn = cell.column();
                } else if (label.contains("定義")) {
                    definitionColumn = cell.column();
                } else if (label.contains("実績") || label.contains("見込") || label.contains("目標")) {
                    OptionalInt year = EraYearParser.parseFiscalYear(label);
                    if (year.isPresent()) {
                        columns.put(cell.column(), new int[] {year.getAsInt()});
                        kinds.put(cell.column(), label.contains("目標") ? ValueKind.TARGET
                                : label.contains("見込") ? ValueKind.FORECAST : ValueKind.ACTUAL);
                    } else {
                        unreadableYearLabel(cell, label, "指標");
                    }
                }
            }
            if (nameColumn < 0) {
                return;
            }
            GridCell heading = grid.row(section.row()).get(0);
            if (columns.isEmpty()) {
                error(heading.address(), "missing_label", "expected the year columns R2年度実績, R3年度実績, R4年度見込み "
                        + "and 最終年度目標 (R7年度) in the table 指標", heading.text());
                return;
            }
            java.util.Set<Integer> known = new java.util.HashSet<>(columns.keySet());
            known.addAll(List.of(numberColumn, nameColumn, unitColumn, definitionColumn));
            for (int row = section.row() + 1; row <= section.endRow(); row++) {
                GridCell number = grid.cell(row, numberColumn);
                GridCell name = grid.cell(row, nameColumn);
                if (number == null || !number.label().matches("\\d{1,2}") || name == null || Labels.isDashOrEmpty(name.text())) {
                    continue;
                }
                String printed = collapse(name.text());
                String unit = unitColumn >= 0 ? JapaneseText.toHalfWidthDigits(grid.text(row, unitColumn)) : "";
                // a name printed with its unit in parentheses, the 単位 column left empty
                jp.evalsheet.value.NameAndUnit split = unit.isEmpty() || Labels.isDashOrEmpty(unit)
                        ? UnitSplitter.split(printed) : new jp.evalsheet.value.NameAndUnit(printed, unit);
                String definition = definitionColumn >= 0 && !grid.text(row, definitionColumn).isEmpty()
                        ? grid.text(row, definitionColumn) : null;
                String mhsTag = null;
                for (GridCell cell : grid.row(row)) {
                    if (!known.contains(cell.column()) && cell.text().strip().startsWith("【")) {
                        mhsTag = cell.text().strip();
                    }
                }
                indicators.add(new Indicator(Integer.parseInt(number.label()), split.name(), split.unit(), printed,
                        definition, mhsTag, UnitSplitter.isCumulative(split.name()), name.address(),
                        indicatorValues(row, columns, kinds)));
            }
        }

        /** The rating line below 3 進捗状況 or 4 必要性; the text after it is a narrative block. */
        private Optional<PolicyRating> readRating(Section section, List<Narrative> narratives) {
            String kind = section.heading() == Heading.PROGRESS ? "progress" : "necessity";
            for (int row = section.row(); row <= section.endRow(); row++) {
                List<GridCell> cells = grid.row(row);
                for (int i = 0; i < cells.size(); i++) {
                    GridCell cell = cells.get(i);
                    // 評価 | 3 | おおむね順調: the chosen step typed as a bare digit right of its label
                    boolean bareDigit = i > 0 && RATING_LABEL.matcher(cells.get(i - 1).label()).matches()
                            && cell.label().matches("\\d{1,2}");
                    if (!CIRCLED.matcher(cell.text()).find() && !cell.label().startsWith("1234") && !bareDigit) {
                        continue;
                    }
                    String text = ratingLine(cells, i);
                    readNarrative(section, row + 1 - section.row()).ifPresent(narratives::add);
                    try {
                        Rating rating = RatingParser.parse(text);
                        return Optional.of(new PolicyRating(kind, rating, cell.address()));
                    } catch (ValueParseException e) {
                        error(cell.address(), "invalid_rating", section.heading().printed + ": " + e.getMessage(), text);
                        return Optional.empty();
                    }
                }
            }
            error(grid.row(section.row()).get(0).address(), "missing_rating", "expected a rating line such as "
                    + "'1 2 ③ 4 … おおむね順調' below " + section.heading().printed + ", with the chosen value circled", null);
            return Optional.empty();
        }

        /**
         * The text of a rating line: the cell itself when it holds the scale and its label, or else the
         * row from the first cell of the scale on, as when each step stands in a cell of its own
         * ({@code 1 | 2 | ③ | 4 | … | おおむね順調}) or the label beside the chosen step ({@code ③ | おおむね順調}).
         */
        private static String ratingLine(List<GridCell> cells, int chosen) {
            if (!SCALE_ONLY.matcher(JapaneseText.toHalfWidthDigits(cells.get(chosen).text()).strip()).matches()) {
                return cells.get(chosen).text();
            }
            int first = chosen;
            while (first > 0 && SCALE_ONLY.matcher(JapaneseText.toHalfWidthDigits(cells.get(first - 1).text()).strip()).matches()) {
                first--;
            }
            StringBuilder line = new StringBuilder();
            for (int i = first; i < cells.size(); i++) {
                line.append(line.isEmpty() ? "" : " ").append(cells.get(i).text().strip());
            }
            return line.toString();
        }

        /** The text of a section's rows, from {@code skipRows} rows below its heading to its end. */
        private Optional<Narrative> readNarrative(Section section, int skipRows) {
            StringBuilder text = new StringBuilder();
            String firstCell = null;
            for (int row = section.row() + skipRows; row <= section.endRow(); row++) {
                for (GridCell cell : grid.row(row)) {
                    if (row == section.row() && cell.column() == grid.row(row).get(0).column()) {
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
            if (firstCell == null || section.heading().narrativeKey == null) {
                return Optional.empty();
            }
            return Optional.of(new Narrative(section.heading().narrativeKey, section.heading().printed,
                    text.toString(), firstCell));
        }

        /**
         * The component projects, their costs by year, and the printed 計 row. The project rows end at
         * the 計 row, or earlier at a row that starts with （以下余白）, ※ or （注） (the 計 row may still
         * follow); blank rows and the table's header repeated after a page break are skipped.
         */
        private void readProjects(Section section, List<Project> projects, List<PrintedTotal> totals) {
            int nameColumn = -1;
            int numberColumn = -1;
            int directionColumn = -1;
            int lastHeaderRow = -1;
            Map<Integer, int[]> costColumns = new TreeMap<>();
            Map<Integer, CostBasis> bases = new TreeMap<>();
            // the header ends with the row of year columns (R2決算 …); project rows follow
            for (int row = section.row(); row <= section.endRow() && (costColumns.isEmpty() || row <= lastHeaderRow); row++) {
                for (GridCell cell : grid.row(row)) {
                    String label = cell.label();
                    if (label.length() > 30 || label.startsWith("※")) {
                        continue;
                    }
                    if (PROJECT_NAME_LABEL.matcher(label).matches()) {
                        nameColumn = cell.column();
                        lastHeaderRow = Math.max(lastHeaderRow, row);
                    } else if (label.equals("番号") || label.equals("No.") || label.equals("No")) {
                        numberColumn = cell.column();
                    } else if (label.contains("今後の方向性")) {
                        directionColumn = cell.column();
                    } else if ((label.contains("決算") || label.contains("年度"))
                            && !unreadableYearLabel(cell, label, "5 施策構成事務事業")) {
                        OptionalInt year = EraYearParser.parseFiscalYear(label);
                        if (year.isPresent()) {
                            costColumns.put(cell.column(), new int[] {year.getAsInt()});
                            bases.put(cell.column(), label.contains("見込") ? CostBasis.FORECAST : CostBasis.SETTLED);
                            lastHeaderRow = Math.max(lastHeaderRow, row);
                        }
                    }
                }
            }
            GridCell headingCell = grid.row(section.row()).get(0);
            if (nameColumn < 0 || costColumns.isEmpty()) {
                error(headingCell.address(), "missing_label", "expected the columns 施策を構成する事務事業名 and R?決算 / R?決算見込み "
                        + "in the table 5 施策構成事務事業", headingCell.text());
                return;
            }
            projectTableEnd = Math.max(projectTableEnd, lastHeaderRow);
            int sequence = 0;
            int ownRows = 0;
            int totalRow = -1;
            boolean ended = false;
            List<BadRow> badRows = new ArrayList<>();
            for (int row = lastHeaderRow + 1; row <= section.endRow(); row++) {
                List<GridCell> cells = grid.row(row);
                if (cells.isEmpty()) {
                    continue;
                }
                if (TOTAL_ROW.matcher(cells.get(0).label()).matches()) {
                    totalRow = row;
                    break;
                }
                GridCell nameCell = grid.cell(row, nameColumn);
                String name = nameCell == null ? "" : nameCell.label();
                if (ended || TABLE_END.matcher(cells.get(0).label()).lookingAt() || TABLE_END.matcher(name).lookingAt()) {
                    ended = true;
                    continue;
                }
                if (name.isEmpty() || isRepeatedHeader(row, name, costColumns.keySet())) {
                    continue;
                }
                projectTableEnd = row;
                sequence++;
                int rowNumber = sequence;
                if (numberColumn >= 0 && grid.cell(row, numberColumn) != null) {
                    String number = grid.cell(row, numberColumn).label();
                    if (number.matches("\\d{1,4}")) {
                        rowNumber = Integer.parseInt(number);
                    }
                }
                String printed = collapse(nameCell.text());
                boolean relisted = Relisting.isRelisted(printed);
                List<ProjectCost> costs = new ArrayList<>();
                List<CostProblem> problems = new ArrayList<>();
                for (Map.Entry<Integer, int[]> column : costColumns.entrySet()) {
                    String cell = CellAddresses.a1(row, column.getKey());
                    ParsedValue value = parse(grid.cell(row, column.getKey()), cell);
                    Optional<CostProblem> problem = costProblem(value, cell);
                    if (problem.isPresent()) {
                        problems.add(problem.get());
                        continue;
                    }
                    costs.add(new ProjectCost(column.getValue()[0], bases.get(column.getKey()), value, cell));
                }
                if (!relisted) {
                    ownRows++;
                }
                if (!problems.isEmpty()) {
                    badRows.add(new BadRow(printed, relisted, List.copyOf(problems)));
                }
                String direction = directionColumn >= 0 ? grid.text(row, directionColumn) : "";
                projects.add(new Project(rowNumber, Relisting.stripRelistedMark(printed), printed, relisted,
                        direction.isEmpty() ? null : collapse(direction), nameCell.address(), List.copyOf(costs)));
            }
            reportBadRows(badRows, ownRows);
            if (totalRow >= 0) {
                projectTableEnd = totalRow;
                readTotalRow(totalRow, costColumns, bases, totals);
            }
        }

        /**
         * Whether a row inside the project table is its header printed again after a page break: the
         * column label 事務事業名 where a name stands, or a year label (R2決算) where a cost stands.
         */
        private boolean isRepeatedHeader(int row, String name, java.util.Set<Integer> costColumns) {
            if (PROJECT_NAME_LABEL.matcher(name).matches() || name.equals("番号")) {
                return true;
            }
            for (int column : costColumns) {
                GridCell cell = grid.cell(row, column);
                if (cell != null && (cell.label().startsWith("総コスト")
                        || YEAR_LABEL.matcher(JapaneseText.toHalfWidthLetters(cell.label())).matches())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * An unusable cost costs only its cell: a row error names it, the project loads with its other
         * costs, and the views take that year from another report when one has it (a sheet with a row
         * error never replaces a published one: see RunPublisher). When more than half
         * of the policy's own projects (not 【再掲】) have one, the table as a whole is not trustworthy
         * (a column typed in 万円 or in yen): the findings are errors and reject the sheet.
         */
        private void reportBadRows(List<BadRow> badRows, int ownRows) {
            long ownBad = badRows.stream().filter(row -> !row.relisted()).count();
            boolean rejectSheet = ownBad * 2 > ownRows;
            for (BadRow row : badRows) {
                for (CostProblem problem : row.problems()) {
                    if (rejectSheet) {
                        error(problem.cell(), problem.rule(), problem.message(), problem.raw());
                    } else {
                        findings.add(Finding.rowError(sheet, problem.cell(), problem.rule(), problem.message()
                                + "; this cost of " + row.name() + " was not loaded, the rest of the sheet was", problem.raw()));
                    }
                }
            }
        }

        /** The printed 計 row; a cell that is not a cost is reported and left out. */
        private void readTotalRow(int row, Map<Integer, int[]> costColumns, Map<Integer, CostBasis> bases,
                List<PrintedTotal> totals) {
            for (Map.Entry<Integer, int[]> column : costColumns.entrySet()) {
                String cell = CellAddresses.a1(row, column.getKey());
                ParsedValue value = parse(grid.cell(row, column.getKey()), cell);
                Optional<CostProblem> problem = costProblem(value, cell);
                if (problem.isPresent()) {
                    findings.add(Finding.rowError(sheet, cell, problem.get().rule(), problem.get().message()
                            + "; this 計 figure was not loaded", problem.get().raw()));
                    continue;
                }
                totals.add(new PrintedTotal("total", column.getValue()[0], bases.get(column.getKey()), value, cell));
            }
        }

        /**
         * 総コスト（事業費+人件費）の経年変化, the policy's totals by year printed again, in the layouts
         * departments use: the years across a row (the label's own row, a row below it, or the row right
         * above it) with each total below its year or right beside it; or the years down a column with
         * each total beside or below its year. A year without a figure is reported, not recorded blank.
         */
        private void readTrend(Section section, List<PrintedTotal> totals) {
            GridCell label = grid.row(section.row()).get(0);
            List<Integer> rows = new ArrayList<>();
            int above = previousRow(section.row());
            if (above > projectTableEnd) {
                rows.add(above);
            }
            for (int row = section.row(); row <= section.endRow(); row++) {
                rows.add(row);
            }
            List<GridCell> down = new ArrayList<>();
            for (int row : rows) {
                List<GridCell> years = trendYears(row, label);
                if (years.size() >= 2) {
                    readTrendAcross(section, row, years, label, totals);
                    return;
                }
                if (years.size() == 1 && row >= section.row()) {
                    down.add(years.get(0));
                }
            }
            if (down.isEmpty()) {
                warning(label.address(), "missing_trend_years", "expected the years (R2年度, R3年度, R4年度(見込み)) "
                        + "with their totals beside or below the label " + collapse(label.text())
                        + "; none was found, so the printed 経年変化 was not loaded", label.text());
                return;
            }
            for (int i = 0; i < down.size(); i++) {
                GridCell year = down.get(i);
                GridCell value = firstCellIn(year.row(), year.column() + 1, Integer.MAX_VALUE);
                if (value == null) {
                    // the total printed under its year (R2年度, then 1,948,895 on the next line)
                    int stop = i + 1 < down.size() ? down.get(i + 1).row() : section.endRow() + 1;
                    int next = nextRow(year.row());
                    if (next >= 0 && next < stop) {
                        value = firstCellIn(next, year.column(), Integer.MAX_VALUE);
                    }
                }
                addTrend(totals, year, value, value != null ? value.address() : CellAddresses.a1(year.row(), year.column() + 1));
            }
        }

        /** The years across one row: each total right beside its year, or under it on the first row that has one. */
        private void readTrendAcross(Section section, int yearRow, List<GridCell> years, GridCell label,
                List<PrintedTotal> totals) {
            int[] starts = new int[years.size() + 1];
            for (int i = 0; i < years.size(); i++) {
                starts[i] = years.get(i).column();
            }
            int lastWidth = years.size() > 1 ? starts[years.size() - 1] - starts[years.size() - 2] : 1;
            starts[years.size()] = starts[years.size() - 1] + lastWidth;
            boolean beside = false;
            for (int i = 0; i < years.size(); i++) {
                GridCell next = firstCellIn(yearRow, starts[i] + 1, i + 1 < years.size() ? starts[i + 1] - 1 : Integer.MAX_VALUE);
                beside |= next != null && isFigure(next);
            }
            if (beside) {
                for (int i = 0; i < years.size(); i++) {
                    GridCell value = firstCellIn(yearRow, starts[i] + 1, i + 1 < years.size() ? starts[i + 1] - 1 : Integer.MAX_VALUE);
                    addTrend(totals, years.get(i), value, value != null ? value.address()
                            : CellAddresses.a1(yearRow, starts[i] + 1));
                }
                return;
            }
            int valueRow = -1;
            for (int row = nextRow(yearRow); row >= 0 && row <= section.endRow() && valueRow < 0; row = nextRow(row)) {
                for (GridCell cell : grid.row(row)) {
                    if (cell != label && cell.column() >= starts[0] && cell.column() < starts[years.size()]) {
                        valueRow = row;
                        break;
                    }
                }
            }
            int row = valueRow >= 0 ? valueRow : yearRow + 1;
            for (int i = 0; i < years.size(); i++) {
                GridCell value = valueRow < 0 ? null : firstCellIn(valueRow, starts[i], starts[i + 1] - 1);
                addTrend(totals, years.get(i), value == label ? null : value,
                        value != null && value != label ? value.address() : CellAddresses.a1(row, starts[i]));
            }
        }

        /** The year labels of a row of the 経年変化 block (R2年度, R4決算見込み, 令和４年度（見込み）), the label itself aside. */
        private List<GridCell> trendYears(int row, GridCell label) {
            List<GridCell> years = new ArrayList<>();
            for (GridCell cell : grid.row(row)) {
                if (cell != label && YEAR_LABEL.matcher(JapaneseText.toHalfWidthLetters(cell.label())).matches()) {
                    years.add(cell);
                }
            }
            return years;
        }

        private void addTrend(List<PrintedTotal> totals, GridCell yearCell, GridCell valueCell, String address) {
            String label = yearCell.label();
            OptionalInt year = EraYearParser.parseFiscalYear(label);
            if (year.isEmpty()) {
                warning(yearCell.address(), "invalid_year_header", "expected an era fiscal year such as R4, R4年度(見込み) "
                        + "or 令和4年度 in the years of 経年変化, found " + yearCell.text().strip()
                        + "; the figure of this year was not loaded", yearCell.text());
                return;
            }
            ParsedValue value = parse(valueCell, address);
            if (value.kind() == jp.evalsheet.value.ValueKind.BLANK) {
                if (valueCell == null || !valueCell.isFormulaWithoutCachedValue()) {
                    warning(address, "missing_trend_total", "expected the printed 経年変化 total of "
                            + yearCell.text().strip() + " in thousand yen here, beside or below its year; none was found, "
                            + "so it was not loaded", null);
                }
                return;
            }
            Optional<CostProblem> problem = costProblem(value, address);
            if (problem.isPresent()) {
                warning(address, problem.get().rule(), problem.get().message() + "; this 経年変化 figure was not loaded",
                        problem.get().raw());
                return;
            }
            totals.add(new PrintedTotal("trend", year.getAsInt(),
                    label.contains("見込") ? CostBasis.FORECAST : CostBasis.SETTLED, value, address));
        }

        /** Whether a cell holds a figure: a number, a dash, or a formula whose value was not saved. */
        private static boolean isFigure(GridCell cell) {
            if (cell.isFormulaWithoutCachedValue()) {
                return true;
            }
            jp.evalsheet.value.ValueKind kind = NumberParser.parse(cell.text()).kind();
            return kind == jp.evalsheet.value.ValueKind.NUMBER || kind == jp.evalsheet.value.ValueKind.NOT_APPLICABLE;
        }

        /** The first cell of a row from column {@code from} to {@code to} (inclusive), or {@code null}. */
        private GridCell firstCellIn(int row, int from, int to) {
            for (GridCell cell : grid.row(row)) {
                if (cell.column() >= from && cell.column() <= to) {
                    return cell;
                }
            }
            return null;
        }

        /** The nearest row above that holds a cell, or -1. */
        private int previousRow(int row) {
            int previous = -1;
            for (int index : grid.rowIndexes()) {
                if (index >= row) {
                    break;
                }
                previous = index;
            }
            return previous;
        }

        /** The nearest row below that holds a cell, or -1. */
        private int nextRow(int row) {
            for (int index : grid.rowIndexes()) {
                if (index > row) {
                    return index;
                }
            }
            return -1;
        }

        /** What is wrong with a cost cell, if anything: a cost is thousand yen, 0 or more, or a dash for none. */
        private static Optional<CostProblem> costProblem(ParsedValue value, String address) {
            switch (value.kind()) {
                case NUMBER -> {
                    if (value.unit() != null && !value.unit().equals("千円")) {
                        return Optional.of(new CostProblem(address, "cost_unit_not_thousand_yen", "expected a cost in thousand yen "
                                + "(千円) such as 10,059, found one in " + value.unit() + "; convert it to thousand yen", value.raw()));
                    }
                    if (value.number().signum() < 0) {
                        return Optional.of(new CostProblem(address, "negative_cost",
                                "expected a cost of 0 or more thousand yen, found a negative cost", value.raw()));
                    }
                    if (value.number().compareTo(java.math.BigDecimal.valueOf(MAX_COST_THOUSAND_YEN)) > 0) {
                        return Optional.of(new CostProblem(address, "absurd_cost", "expected a cost in thousand yen of at most "
                                + "100,000,000 (100 billion yen) on one line; check that the figure is in thousand yen, not yen",
                                value.raw()));
                    }
                    return Optional.empty();
                }
                case BLANK, NOT_APPLICABLE -> {
                    return Optional.empty();
                }
                default -> {
                    return Optional.of(new CostProblem(address, "cost_not_a_number",
                            "expected a cost in thousand yen such as 10,059, or - for none", value.raw()));
                }
            }
        }

        private ParsedValue parse(GridCell cell, String address) {
            if (cell == null) {
                return NumberParser.parse("");
            }
            if (cell.isFormulaWithoutCachedValue()) {
                findings.add(Finding.warning(sheet, address, "formula_without_cached_value",
                        "the formula =" + cell.formula() + " has no calculated value saved in the file; "
                                + "open and save the workbook in Excel so the value is stored", "=" + cell.formula()));
            }
            return NumberParser.parse(cell.text());
        }

        private OptionalInt evaluationYear(List<Project> projects, List<Indicator> indicators) {
            OptionalInt year = projects.stream().flatMap(p -> p.costs().stream())
                    .filter(c -> c.basis() == CostBasis.FORECAST).mapToInt(ProjectCost::fiscalYear).max();
            if (year.isPresent()) {
                return year;
            }
            return indicators.stream().flatMap(i -> i.values().stream())
                    .filter(v -> v.kind() == ValueKind.FORECAST).mapToInt(IndicatorValue::fiscalYear).max();
        }

        private void error(String cell, String rule, String message, String raw) {
            findings.add(Finding.error(sheet, cell, rule, message, raw));
        }

        private void warning(String cell, String rule, String message, String raw) {
            findings.add(Finding.warning(sheet, cell, rule, message, raw));
        }

        private static List<String> departments(String raw) {
            if (Labels.isDashOrEmpty(raw)) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String name : raw.split("[、,，\\n]")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            return List.copyOf(names);
        }

        private static String collapse(String text) {
            return text == null ? null : text.strip().replaceAll("\\s*\\n\\s*", "");
        }
    }
}
