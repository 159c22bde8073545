package jp.evalsheet.template;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.template.FormSheet.Input;
import jp.evalsheet.value.EraYearParser;

/**
 * Draws the 施策評価シート of one policy for the evaluation year {@code year} as the city prints it
 * (the layout of {@code input/R4_施策評価シート_*.xlsx}): the labels the policy reader looks for
 * (施策番号 and name, 担当課, 関連課, 指標 n with R(y-2)年度実績 | R(y-1)年度実績 | R(y)年度見込み |
 * 最終年度目標, 3 進捗状況, 4 必要性, 5 施策構成事務事業 with R(y-2)決算 | R(y-1)決算 | R(y)決算見込み,
 * 計 and 経年変化), the ratings from a list of the four steps, costs checked as thousand yen.
 */
final class PolicyTemplate {

    /** The four steps of 3 進捗状況, as the rating line prints them. */
    static final List<String> PROGRESS = List.of("① 2 3 4 … 遅れている", "1 ② 3 4 … やや遅れている",
            "1 2 ③ 4 … おおむね順調", "1 2 3 ④ … 順調");

    /** The four steps of 4 必要性. */
    static final List<String> NECESSITY = List.of("① 2 3 4 … 社会的なニーズは減少している",
            "1 ② 3 4 … 社会的なニーズは減少傾向にある", "1 2 ③ 4 … 社会的なニーズは現状と変わらない",
            "1 2 3 ④ … 社会的なニーズは増加傾向にある");

    /** 今後の方向性 of a project. */
    static final List<String> DIRECTIONS = List.of("拡充", "継続", "改善", "縮小", "休止・廃止", "完了");

    /** The last year of the 後期基本計画, whose targets the indicators print. */
    static final int FINAL_YEAR = 2025;

    private PolicyTemplate() {
    }

    /** Adds the sheet of {@code form} to {@code workbook}. */
    static void draw(XSSFWorkbook workbook, FormSheet.Styles styles, int year, PolicyForm form) {
        FormSheet sheet = new FormSheet(workbook.createSheet(form.isBlank() ? "施策" : "施策" + form.code()), styles);
        sheet.widths(22, 44, 14, 14, 20, 14);
        sheet.title(0, 0, "施策評価シート");
        sheet.note(0, 4, "（" + EraYearParser.warekiLabel(year) + "評価）");
        if (form.isBlank()) {
            sheet.named(2, 0, 1, "施策番号", "施策番号（3桁の数字、例：611）を記入してください。", null);
            sheet.named(2, 1, 5, "施策名", "施策名を記入してください。", null);
        } else {
            sheet.fixed(2, 0, 1, form.code());
            sheet.fixed(2, 1, 5, form.name());
        }
        sheet.label(4, 0, 1, "担当課");
        sheet.input(4, 1, 1, Input.TEXT, form.department());
        sheet.label(4, 2, 1, "関連課");
        sheet.input(4, 3, 3, Input.TEXT, form.related());
        sheet.label(5, 0, 1, "目指す姿");
        sheet.input(5, 1, 5, Input.TEXT, form.targetState());
        sheet.label(6, 0, 1, "まち・ひと・しごと目標");
        sheet.input(6, 1, 5, Input.TEXT, form.mhsGoal());

        int row = 8;
        for (PolicyForm.Indicator indicator : form.indicators()) {
            sheet.label(row, 0, 1, "指標 " + indicator.no());
            sheet.input(row, 1, 5, Input.TEXT, indicator.nameAsPrinted());
            sheet.input(row + 1, 1, 5, Input.TEXT, indicator.definition());
            sheet.label(row + 2, 1, 1, EraYearParser.eraLabel(year - 2) + "年度実績");
            sheet.label(row + 2, 2, 1, EraYearParser.eraLabel(year - 1) + "年度実績");
            sheet.label(row + 2, 3, 1, EraYearParser.eraLabel(year) + "年度見込み");
            sheet.label(row + 2, 4, 1, "最終年度目標 (" + EraYearParser.eraLabel(FINAL_YEAR) + "年度)");
            sheet.input(row + 3, 1, 1, Input.NUMBER, indicator.actualTwoYearsAgo());
            sheet.input(row + 3, 2, 1, Input.NUMBER, null);
            sheet.input(row + 3, 3, 1, Input.NUMBER, null);
            sheet.input(row + 3, 4, 1, Input.NUMBER, indicator.target());
            row += 5;
        }
        if (form.isBlank()) {
            sheet.note(row - 1, 0, "指標名には単位を括弧で添えてください（例：参加者数（人））。指標がない欄は「—」と記入してください。");
        }

        row = narrative(sheet, row + 1, "1 実施内容");
        row = narrative(sheet, row, "2 審議会等第三者機関の評価・意見");
        sheet.label(row, 0, 2, "3 進捗状況");
        sheet.choice(row + 1, 0, 6, "進捗状況", PROGRESS, null);
        row = narrative(sheet, row + 2, "【判断の根拠】");
        row = narrative(sheet, row, "【外的要因】");
        sheet.label(row, 0, 2, "4 必要性");
        sheet.choice(row + 1, 0, 6, "必要性", NECESSITY, null);
        sheet.input(row + 2, 0, 6, Input.TEXT, null);
        sheet.sheet().getRow(row + 2).setHeightInPoints(48);
        row += 4;

        row = projects(sheet, row, year, form.projects());
        row = narrative(sheet, row, "6 現状と課題の分析");
        row = narrative(sheet, row, "7 今後の展開");
        row = narrative(sheet, row, "8 行政と市民の役割分担");
        narrative(sheet, row, "9 所管部の総括");
        sheet.protect();
    }

    /** 5 施策構成事務事業: the project rows, 計 as the sum of each year, and 経年変化 again under it. */
    private static int projects(FormSheet sheet, int row, int year, List<PolicyForm.Project> projects) {
        sheet.label(row, 0, 6, "5 施策構成事務事業の優先度評価");
        sheet.note(row + 1, 0, "※事務事業評価の判定を踏まえて、今後の方向性を判断");
        int header = row + 2;
        sheet.label(header, 0, 1, "番号");
        sheet.label(header, 1, 1, "施策を構成する事務事業名");
        sheet.label(header, 2, 3, "総コスト（事業費+人件費 単位：千円）");
        sheet.label(header, 5, 1, "今後の方向性※");
        sheet.label(header + 1, 0, 1, "");
        sheet.label(header + 1, 1, 1, "");
        sheet.label(header + 1, 2, 1, EraYearParser.eraLabel(year - 2) + "決算");
        sheet.label(header + 1, 3, 1, EraYearParser.eraLabel(year - 1) + "決算");
        sheet.label(header + 1, 4, 1, EraYearParser.eraLabel(year) + "決算見込み");
        sheet.label(header + 1, 5, 1, "");
        int first = header + 2;
        int line = first;
        for (int i = 0; i < projects.size(); i++, line++) {
            PolicyForm.Project project = projects.get(i);
            sheet.fixed(line, 0, 1, i + 1);
            if (project.nameAsPrinted() == null) {
                sheet.input(line, 1, 1, Input.TEXT, null);
            } else {
                sheet.fixed(line, 1, 1, project.nameAsPrinted());
            }
            if (project.relisted()) {
                // a project listed again from another policy prints no cost here: it is counted there
                for (int column = 2; column <= 4; column++) {
                    sheet.fixed(line, column, 1, "-");
                }
            } else {
                sheet.input(line, 2, 1, Input.THOUSAND_YEN, project.settledTwoYearsAgo());
                sheet.input(line, 3, 1, Input.THOUSAND_YEN, null);
                sheet.input(line, 4, 1, Input.THOUSAND_YEN, null);
            }
            sheet.choice(line, 5, 1, "今後の方向性", DIRECTIONS, project.direction());
        }
        sheet.label(line, 0, 2, "計（単位：千円）");
        for (int column = 2; column <= 4; column++) {
            sheet.formula(line, column, "SUM(" + address(first, column) + ":" + address(line - 1, column) + ")");
        }
        int total = line;
        sheet.label(line + 2, 0, 6, "総コスト（事業費+人件費）の経年変化 単位：千円");
        sheet.label(line + 3, 1, 1, EraYearParser.eraLabel(year - 2) + "年度");
        sheet.label(line + 3, 2, 1, EraYearParser.eraLabel(year - 1) + "年度");
        sheet.label(line + 3, 3, 1, EraYearParser.eraLabel(year) + "年度(見込み)");
        for (int column = 2; column <= 4; column++) {
            sheet.formula(line + 4, column - 1, address(total, column));
        }
        return line + 6;
    }

    /** A narrative block: its heading and one tall input cell under it. */
    private static int narrative(FormSheet sheet, int row, String heading) {
        sheet.label(row, 0, 2, heading);
        sheet.input(row + 1, 0, 6, Input.TEXT, null);
        sheet.sheet().getRow(row + 1).setHeightInPoints(48);
        return row + 3;
    }

    private static String address(int row, int column) {
        return new org.apache.poi.ss.util.CellReference(row, column).formatAsString();
    }
}
