package jp.evalsheet.template;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.template.FormSheet.Input;
import jp.evalsheet.value.EraYearParser;

/**
 * Draws the 総合戦略 効果検証 page of one 基本目標 for the evaluation year {@code year}, laid out as
 * the city prints it ({@code input/R6_総合戦略効果検証_基本目標1.xlsx}): the goal heading, 1 数値目標の達成状況
 * (each value with its year under it), then per 具体的な施策 its heading, 担当課 and KPI table
 * (策定当初（R1） | R2 … | 目標値（R7） | 評価 | 担当課) and the three narratives, and the 外部評価委員会
 * opinion. Statuses come from a list of the printed wordings.
 */
final class StrategyTemplate {

    /** 数値目標's statuses as printed. */
    static final List<String> TARGET_STATUSES = List.of("A　目標達成", "B　目標達成（見込み）", "C　目標達成に至らない");

    /** A KPI's statuses as printed. */
    static final List<String> KPI_STATUSES = List.of("A　目標達成（見込み）", "B　策定当初より良くなっている",
            "C　策定当初より悪くなっている");

    /** The first year with an actual, and the year of the targets, of the 第２期 strategy. */
    static final int FIRST_ACTUAL = 2020;
    static final int TARGET_YEAR = 2025;

    /** The years a 数値目標's baseline may be of. */
    static final List<String> BASELINE_YEARS = List.of("（H26）", "（H27）", "（H28）", "（H29）", "（H30）", "（R1）", "（R2）");

    private StrategyTemplate() {
    }

    static void draw(XSSFWorkbook workbook, FormSheet.Styles styles, int year, StrategyForm form) {
        FormSheet sheet = new FormSheet(workbook.createSheet(form.isBlank() ? "基本目標" : "基本目標" + form.goalNo()), styles);
        int actuals = Math.max(1, year - FIRST_ACTUAL + 1);
        int target = 4 + actuals;
        int status = target + 1;
        int department = status + 1;
        int[] widths = new int[department + 1];
        java.util.Arrays.fill(widths, 11);
        widths[0] = 10;
        widths[1] = 40;
        widths[2] = 8;
        widths[3] = 12;
        widths[status] = 24;
        widths[department] = 14;
        sheet.widths(widths);
        sheet.landscape();
        sheet.title(0, 0, "第２期まち・ひと・しごと創生総合戦略 効果検証（" + EraYearParser.warekiLabel(year) + "）");
        if (form.isBlank()) {
            sheet.choice(2, 0, 1, "基本目標", List.of("基本目標1", "基本目標2", "基本目標3", "基本目標4"), null);
            sheet.input(2, 1, department, Input.TEXT, null);
        } else {
            sheet.fixed(2, 0, 1, "基本目標" + form.goalNo());
            sheet.fixed(2, 1, department, form.goalName());
        }

        sheet.label(4, 0, department + 1, "1 数値目標の達成状況");
        String[] header = new String[status + 1];
        header[0] = "No.";
        header[1] = "数値目標";
        header[2] = "単位";
        header[3] = "策定当初";
        for (int i = 0; i < actuals; i++) {
            header[4 + i] = "実績値";
        }
        header[target] = "目標値";
        header[status] = "評価";
        for (int column = 0; column < header.length; column++) {
            sheet.label(5, column, 1, header[column]);
        }
        int row = 6;
        for (StrategyForm.Target value : form.targets()) {
            sheet.fixed(row, 0, 1, circled(value.no()));
            sheet.fixed(row + 1, 0, 1, "");
            sheet.input(row, 1, 1, Input.TEXT, value.name());
            sheet.input(row, 2, 1, Input.TEXT, value.unit());
            sheet.input(row, 3, 1, Input.NUMBER, value.baseline());
            if (form.isBlank()) {
                sheet.choice(row + 1, 3, 1, "策定当初の年度", BASELINE_YEARS, null);
            } else {
                sheet.fixed(row + 1, 3, 1, "（" + value.baselineYear() + "）");
            }
            for (int i = 0; i < actuals; i++) {
                sheet.input(row, 4 + i, 1, Input.NUMBER, value.actuals().get(FIRST_ACTUAL + i));
                sheet.fixed(row + 1, 4 + i, 1, "（" + EraYearParser.eraLabel(FIRST_ACTUAL + i) + "）");
            }
            sheet.input(row, target, 1, Input.NUMBER, value.target());
            sheet.fixed(row + 1, target, 1, "（" + EraYearParser.eraLabel(TARGET_YEAR) + "）");
            sheet.choice(row, status, 1, "評価", TARGET_STATUSES, null);
            sheet.fixed(row + 1, status, 1, "");
            row += 2;
        }

        row += 1;
        sheet.label(row, 0, department + 1, "2 具体的な施策と重要業績評価指標（KPI）");
        row += 1;
        for (StrategyForm.Measure measure : form.measures()) {
            row = measure(sheet, row, measure, actuals, target, status, department);
        }
        sheet.label(row, 0, department + 1, "外部評価委員会からの意見");
        sheet.input(row + 1, 0, department + 1, Input.TEXT, null);
        sheet.sheet().getRow(row + 1).setHeightInPoints(48);
        sheet.protect();
    }

    private static int measure(FormSheet sheet, int row, StrategyForm.Measure measure, int actuals, int target,
            int status, int department) {
        String heading = "（" + measure.letter() + "）";
        if (measure.name() == null) {
            sheet.fixed(row, 0, 1, heading);
            sheet.input(row, 1, department, Input.TEXT, null);
        } else {
            sheet.fixed(row, 0, department + 1, heading + "\u3000" + measure.name());
        }
        sheet.label(row + 1, 0, 1, "担当課");
        sheet.input(row + 1, 1, 1, Input.TEXT, measure.department());
        int header = row + 2;
        sheet.label(header, 0, 1, "No.");
        sheet.label(header, 1, 1, "指標名");
        sheet.label(header, 2, 1, "単位");
        sheet.label(header, 3, 1, "策定当初（" + measure.baselineYear() + "）");
        for (int i = 0; i < actuals; i++) {
            sheet.label(header, 4 + i, 1, EraYearParser.eraLabel(FIRST_ACTUAL + i));
        }
        sheet.label(header, target, 1, "目標値（" + EraYearParser.eraLabel(TARGET_YEAR) + "）");
        sheet.label(header, status, 1, "評価");
        sheet.label(header, department, 1, "担当課");
        int line = header + 1;
        for (StrategyForm.Kpi kpi : measure.kpis()) {
            sheet.fixed(line, 0, 1, circled(kpi.no()));
            sheet.input(line, 1, 1, Input.TEXT, kpi.name());
            sheet.input(line, 2, 1, Input.TEXT, kpi.unit());
            sheet.input(line, 3, 1, Input.NUMBER, kpi.baseline());
            for (int i = 0; i < actuals; i++) {
                sheet.input(line, 4 + i, 1, Input.NUMBER, kpi.actuals().get(FIRST_ACTUAL + i));
            }
            sheet.input(line, target, 1, Input.NUMBER, kpi.target());
            sheet.choice(line, status, 1, "評価", KPI_STATUSES, null);
            sheet.input(line, department, 1, Input.TEXT, kpi.department());
            line++;
        }
        line++;
        for (String narrative : List.of("各KPIの進捗状況", "第２期における主な取組と成果", "今後の課題")) {
            sheet.label(line, 0, department + 1, narrative);
            sheet.input(line + 1, 0, department + 1, Input.TEXT, null);
            sheet.sheet().getRow(line + 1).setHeightInPoints(48);
            line += 2;
        }
        return line + 1;
    }

    /** ① for 1, … ⑳ for 20. */
    static String circled(int number) {
        return number >= 1 && number <= 20 ? String.valueOf((char) ('①' + number - 1)) : String.valueOf(number);
    }
}
