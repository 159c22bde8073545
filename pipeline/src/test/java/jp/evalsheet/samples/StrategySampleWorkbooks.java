package jp.evalsheet.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the 総合戦略 効果検証 of fiscal 2024 (第２期朝霞市まち・ひと・しごと創生総合戦略, seed 000) as the
 * planning office collects it: one workbook per 基本目標, its one sheet holding the 数値目標 table,
 * then per measure (ア)(イ)(ウ) the 担当課, the KPI table and the narrative blocks, then the
 * 外部評価委員会からの意見. Values come from the truth tables {@code strategy_numeric_target.csv} and
 * {@code strategy_kpi.csv} and print exactly their raw tokens: plain numbers are typed as numbers with a
 * display format ({@code #,##0}, {@code 0.00}), everything else ({@code -}, {@code ※}, {@code 58.2%},
 * {@code 18.1５ ≪83.1５歳≫}, {@code 全項目}) as text.
 *
 * <p>The narrative texts come from {@code truth/strategy_narrative.csv}, extracted once from the text
 * of seed 000 ({@code 000_702068809dbbb544.txt}: the blocks 各KPIの進捗状況, 第２期における主な取組と成果
 * and 今後の課題 of each measure, and the 外部評価委員会からの意見 of each goal) by a throwaway script;
 * the printed line breaks are kept.
 *
 * <p>The goals are laid out slightly differently, as different hands fill them in: goal 1 wraps
 * status and name cells over lines; goal 2 prints the goal number and name in one cell, the KPI years
 * in parentheses under each value row as the printed report does, and leaves blank rows; goal 3
 * renames column labels (指標名（KPI）, 実績値（R2）, 進捗状況). The .xls and CSV submissions in
 * {@code input/} are converted from these by LibreOffice ({@code pipeline/scripts/make-strategy-input.sh}).
 */
public final class StrategySampleWorkbooks {

    /** How one basic goal's sheet is laid out. */
    public record Layout(boolean goalInOneCell, boolean kpiYearsUnderValues, boolean renamedLabels,
            boolean blankRows, boolean wrappedCells) {

        public static final Layout STANDARD = new Layout(false, false, false, false, false);
    }

    /** The title of every sheet. */
    public static final String TITLE = "第２期朝霞市まち・ひと・しごと創生総合戦略 効果検証（令和6年度）";

    private static final List<String> ACTUAL_YEARS = List.of("R2", "R3", "R4", "R5", "R6");
    private static final int LAST_COLUMN = 11;

    private final TruthTable targets;
    private final TruthTable kpis;
    private final TruthTable narratives;

    /** The sample city's sheets, from the truth tables. */
    public StrategySampleWorkbooks() {
        this(TruthTable::load);
    }

    /**
     * Sheets from other tables of the same columns as the truth tables, e.g. the truth varied by the
     * benchmark's synthetic municipalities: {@code tables} gives the table of each truth table name.
     */
    public StrategySampleWorkbooks(Function<String, TruthTable> tables) {
        this.targets = tables.apply("strategy_numeric_target");
        this.kpis = tables.apply("strategy_kpi");
        this.narratives = tables.apply("strategy_narrative");
    }

    /** The file name of a basic goal's workbook, without extension. */
    public static String baseName(int goal) {
        return "R6_総合戦略効果検証_基本目標" + goal;
    }

    /** Writes one .xlsx holding the sheet of one basic goal. */
    public void write(Path file, int goal, Layout layout) throws IOException {
        try (Workbook workbook = workbook(goal, layout, new XSSFWorkbook())) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /**
     * Fills {@code workbook} (an empty {@link XSSFWorkbook} or {@link org.apache.poi.hssf.usermodel.HSSFWorkbook})
     * with the sheet of one basic goal and returns it for the caller to save and close.
     */
    public Workbook workbook(int goal, Layout layout, Workbook workbook) {
        SampleStyles styles = new SampleStyles(workbook, true);
        Sheet sheet = workbook.createSheet("基本目標" + goal);
        new SheetWriter(sheet, styles, layout).write(Integer.toString(goal));
        return workbook;
    }

    /** The layout each goal's sheet is written in. */
    public static Layout layout(int goal) {
        return switch (goal) {
            case 1 -> new Layout(false, false, false, false, true);
            case 2 -> new Layout(true, true, false, true, false);
            case 3 -> new Layout(false, false, true, false, false);
            default -> Layout.STANDARD;
        };
    }

    public static void main(String[] args) throws IOException {
        Path outputDir = Path.of(args.length > 0 ? args[0] : "input");
        StrategySampleWorkbooks samples = new StrategySampleWorkbooks();
        for (int goal = 1; goal <= 4; goal++) {
            Path file = outputDir.resolve(baseName(goal) + ".xlsx");
            samples.write(file, goal, layout(goal));
            System.out.println("wrote " + file);
        }
    }

    private final class SheetWriter {
        private final Sheet sheet;
        private final SampleStyles styles;
        private final Layout layout;
        private int row;

        SheetWriter(Sheet sheet, SampleStyles styles, Layout layout) {
            this.sheet = sheet;
            this.styles = styles;
            this.layout = layout;
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(2, 8 * 256);
            for (int c = 3; c <= 9; c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            sheet.setColumnWidth(10, 18 * 256);
            sheet.setColumnWidth(11, 18 * 256);
        }

        void write(String goal) {
            List<Map<String, String>> goalTargets = targets.where("basic_goal_no", goal);
            List<Map<String, String>> goalKpis = kpis.where("basic_goal_no", goal);

            put(row, 0, TITLE, styles.label);
            merge(row, row, 0, LAST_COLUMN);
            row += 2;
            writeGoal(goal, goalTargets.get(0).get("basic_goal_name"));
            row++;
            heading("1 数値目標の達成状況");
            writeTargets(goalTargets);
            row++;

            heading("2 具体的な施策と重要業績評価指標（KPI）");
            Map<String, List<Map<String, String>>> byMeasure = new LinkedHashMap<>();
            for (Map<String, String> kpi : goalKpis) {
                byMeasure.computeIfAbsent(kpi.get("measure_label"), m -> new ArrayList<>()).add(kpi);
            }
            for (Map.Entry<String, List<Map<String, String>>> measure : byMeasure.entrySet()) {
                writeMeasure(goal, measure.getKey(), measure.getValue());
            }
            block("外部評価委員会からの意見", narrative(goal, "", "committee_opinion"));
        }

        private void writeGoal(String goal, String name) {
            if (layout.goalInOneCell()) {
                put(row, 0, "基本目標" + goal + ".　" + name, styles.label);
                merge(row, row, 0, LAST_COLUMN);
            } else {
                put(row, 0, "基本目標" + goal, styles.label);
                put(row, 1, name, styles.label);
                merge(row, row, 1, LAST_COLUMN);
            }
            row++;
        }

        private void writeTargets(List<Map<String, String>> rows) {
            String[] labels = {"No.", "数値目標", "単位", "策定当初", "実績値", "実績値", "実績値", "実績値", "実績値",
                    "目標値", layout.renamedLabels() ? "進捗状況" : "評価"};
            header(labels);
            for (Map<String, String> target : rows) {
                if (layout.blankRows()) {
                    row++;
                }
                int top = row;
                put(top, 0, circled(target.get("target_no")), styles.text);
                put(top, 1, target.get("target_name"), styles.wrapped);
                put(top, 2, target.get("unit"), styles.text);
                putValue(top, 3, target.get("baseline_value"));
                for (int i = 0; i < ACTUAL_YEARS.size(); i++) {
                    putValue(top, 4 + i, target.get("actual_" + ACTUAL_YEARS.get(i)));
                }
                putValue(top, 9, target.get("target_R7"));
                String status = target.get("status_label");
                if (layout.wrappedCells() && status.endsWith("（見込み）")) {
                    // printed over two lines in the report: 目標達成 / （見込み）
                    status = status.replace("（見込み）", "\n（見込み）");
                }
                put(top, 10, status, styles.wrapped);
                put(top + 1, 3, "（" + target.get("baseline_year_raw") + "）", styles.text);
                for (int i = 0; i < ACTUAL_YEARS.size(); i++) {
                    put(top + 1, 4 + i, "（" + ACTUAL_YEARS.get(i) + "）", styles.text);
                }
                put(top + 1, 9, "（R7）", styles.text);
                for (int column : new int[] {0, 1, 2, 10}) {
                    merge(top, top + 1, column, column);
                }
                row = top + 2;
            }
        }

        private void writeMeasure(String goal, String label, List<Map<String, String>> measureKpis) {
            Map<String, String> first = measureKpis.get(0);
            if (layout.blankRows()) {
                row++;
            }
            put(row, 0, "（" + label + "）　" + first.get("measure_name"), styles.label);
            merge(row, row, 0, LAST_COLUMN);
            row++;
            put(row, 0, "担当課", styles.label);
            put(row, 1, first.get("departments"), styles.text);
            merge(row, row, 1, LAST_COLUMN);
            row++;
            writeKpis(measureKpis);
            row++;
            block("各KPIの進捗状況", narrative(goal, label, "kpi_progress"));
            block("第２期における主な取組と成果", narrative(goal, label, "main_efforts"));
            block("今後の課題", narrative(goal, label, "issues"));
        }

        private void writeKpis(List<Map<String, String>> measureKpis) {
            String[] labels;
            if (layout.kpiYearsUnderValues()) {
                labels = new String[] {"No.", "指標名", "単位", "策定当初", "実績値", "実績値", "実績値", "実績値", "実績値",
                        "目標値", "評価", "担当課"};
            } else if (layout.renamedLabels()) {
                labels = new String[] {"No.", "指標名（KPI）", "単位", "策定当初（R1）", "実績値（R2）", "実績値（R3）",
                        "実績値（R4）", "実績値（R5）", "実績値（R6）", "目標値（R7）", "進捗状況", "担当課"};
            } else {
                labels = new String[] {"No.", "指標名", "単位", "策定当初（R1）", "R2", "R3", "R4", "R5", "R6",
                        "目標値（R7）", "評価", "担当課"};
            }
            header(labels);
            if (layout.kpiYearsUnderValues()) {
                // the report prints a second header row of （年度） over the value columns
                for (int c = 3; c <= 9; c++) {
                    put(row, c, "（年度）", styles.label);
                }
                row++;
            }
            boolean firstKpi = true;
            for (Map<String, String> kpi : measureKpis) {
                int top = row;
                put(top, 0, circled(kpi.get("kpi_no")), styles.text);
                String name = kpi.get("kpi_name");
                String unit = kpi.get("unit");
                String status = kpi.get("status_label");
                if (layout.wrappedCells()) {
                    // the report wraps long names, units and statuses inside their cells
                    name = wrap(name, 16);
                    unit = wrap(unit, 2);
                    status = wrap(status, 8);
                }
                put(top, 1, name, styles.wrapped);
                put(top, 2, unit, styles.wrapped);
                putValue(top, 3, kpi.get("baseline_value"));
                for (int i = 0; i < ACTUAL_YEARS.size(); i++) {
                    putValue(top, 4 + i, kpi.get("actual_" + ACTUAL_YEARS.get(i)));
                }
                putValue(top, 9, kpi.get("target_R7"));
                put(top, 10, status, styles.wrapped);
                put(top, 11, kpi.get("kpi_department"), styles.text);
                row++;
                if (layout.kpiYearsUnderValues()) {
                    put(row, 3, "(" + kpi.get("baseline_year") + ")", styles.text);
                    for (int i = 0; i < ACTUAL_YEARS.size(); i++) {
                        // the first table of the report prints (R２) with a full-width digit
                        String year = firstKpi && i == 0 ? "R２" : ACTUAL_YEARS.get(i);
                        put(row, 4 + i, "(" + year + ")", styles.text);
                    }
                    put(row, 9, "(R7)", styles.text);
                    for (int column : new int[] {0, 1, 2, 10, 11}) {
                        merge(top, row, column, column);
                    }
                    row++;
                }
                firstKpi = false;
            }
        }

        private String narrative(String goal, String measure, String block) {
            for (Map<String, String> narrative : narratives.rows()) {
                if (narrative.get("basic_goal_no").equals(goal) && narrative.get("measure_label").equals(measure)
                        && narrative.get("block").equals(block)) {
                    return narrative.get("text");
                }
            }
            return null;
        }

        private void header(String[] labels) {
            for (int i = 0; i < labels.length; i++) {
                put(row, i, labels[i], styles.label);
            }
            row++;
        }

        private void heading(String heading) {
            put(row, 0, heading, styles.label);
            merge(row, row, 0, LAST_COLUMN);
            row++;
        }

        private void block(String heading, String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            heading(heading);
            put(row, 0, text, styles.wrapped);
            merge(row, row, 0, LAST_COLUMN);
            row++;
            if (layout.blankRows()) {
                row++;
            }
        }

        /** Writes a printed value the way it is typed: a plain number as a number with a display format, else text. */
        private void putValue(int r, int c, String raw) {
            if (raw == null || raw.isEmpty()) {
                return;
            }
            if (raw.matches("-?\\d{1,3}(,\\d{3})+")) {
                Cell cell = cellAt(r, c);
                cell.setCellValue(Double.parseDouble(raw.replace(",", "")));
                cell.setCellStyle(styles.number("#,##0"));
            } else if (raw.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal number = new BigDecimal(raw);
                Cell cell = cellAt(r, c);
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(styles.number(number.scale() == 0 ? "0" : "0." + "0".repeat(number.scale())));
            } else {
                put(r, c, raw, styles.text);
            }
        }

        private void put(int r, int c, String text, CellStyle style) {
            if (text == null || text.isEmpty()) {
                return;
            }
            Cell cell = cellAt(r, c);
            cell.setCellValue(text);
            cell.setCellStyle(style);
        }

        private Cell cellAt(int r, int c) {
            Row sheetRow = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            return sheetRow.getCell(c) == null ? sheetRow.createCell(c) : sheetRow.getCell(c);
        }

        private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }

    /** ① for 1 … ⑳ for 20. */
    private static String circled(String number) {
        return String.valueOf((char) ('①' + Integer.parseInt(number) - 1));
    }

    /** Breaks a text into lines of at most {@code width} characters, as a narrow cell wraps it. */
    private static String wrap(String text, int width) {
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < text.length(); i += width) {
            wrapped.append(i == 0 ? "" : "\n").append(text, i, Math.min(text.length(), i + width));
        }
        return wrapped.toString();
    }
}
