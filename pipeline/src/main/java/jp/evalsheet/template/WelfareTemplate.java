package jp.evalsheet.template;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.evalsheet.template.FormSheet.Input;
import jp.evalsheet.value.EraYearParser;

/**
 * Draws the 進行管理・評価シート of one welfare project for the evaluation year {@code year}, laid out
 * as the city prints it ({@code input/R5_地域福祉計画評価シート_*.xlsx}): the year in the title row,
 * 部局名 / 課名 / 係名, 基本目標, 施策の方向性, 事業名, 事業の概要, 指標名, the 年度 row R3年度 … R7年度
 * with 目標値 and 実績値 under it, the narratives and 評価 from a list of the three grades, with the
 * legend beside it.
 */
final class WelfareTemplate {

    /** The grades as printed. */
    static final List<String> GRADES = List.of("A\u3000着実に進捗している", "B\u3000ある程度進捗している", "C\u3000進捗が順調でない");

    /** The years of the 第４期 plan. */
    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2025;

    private WelfareTemplate() {
    }

    /**
     * The rows of 目標値 or 実績値: one per sub-label under one label merged down, the sub-label in the
     * column before the years; input cells up to {@code lastYear}, the later ones locked and empty.
     */
    private static int values(FormSheet sheet, int row, String label, List<String> subLabels,
            java.util.Map<String, java.util.Map<Integer, Object>> values, int lastYear) {
        boolean labelled = subLabels.size() > 1 || !subLabels.get(0).isEmpty();
        if (labelled) {
            sheet.block(row, 0, subLabels.size(), 2, label);
        }
        for (int i = 0; i < subLabels.size(); i++) {
            if (labelled) {
                sheet.fixed(row + i, 2, 1, subLabels.get(i));
            } else {
                sheet.label(row + i, 0, 3, label);
            }
            java.util.Map<Integer, Object> byYear = values.getOrDefault(subLabels.get(i), java.util.Map.of());
            for (int fiscalYear = FIRST_YEAR; fiscalYear <= LAST_YEAR; fiscalYear++) {
                int column = 3 + fiscalYear - FIRST_YEAR;
                if (fiscalYear <= lastYear) {
                    sheet.input(row + i, column, 1, Input.VALUE_OR_MILESTONE, byYear.get(fiscalYear));
                } else {
                    sheet.fixed(row + i, column, 1, null);
                }
            }
        }
        return row + subLabels.size();
    }

    static void draw(XSSFWorkbook workbook, FormSheet.Styles styles, int year, WelfareForm form) {
        FormSheet sheet = new FormSheet(workbook.createSheet(form.sheetName()), styles);
        sheet.widths(10, 10, 14, 14, 14, 14, 14, 14);
        sheet.title(0, 0, "第４期地域福祉計画・地域福祉活動計画\u3000進行管理・評価シート");
        sheet.fixed(0, 7, 1, EraYearParser.eraLabel(year) + "年度");
        sheet.label(2, 0, 1, "部局名");
        sheet.input(2, 1, 1, Input.TEXT, null);
        sheet.label(2, 2, 1, "課名");
        sheet.input(2, 3, 2, Input.TEXT, form.department());
        sheet.label(2, 5, 1, "係名");
        sheet.input(2, 6, 2, Input.TEXT, null);
        String[][] plan = {{"基本目標", form.goal(), "２　思いやりと支え合いの心づくり"},
            {"施策の方向性", form.direction(), "（７）地域福祉に関する理解と参加の促進"},
            {"事業名", form.project(), "④手話体験・要約筆記体験の実施"}};
        int row = 4;
        for (String[] line : plan) {
            sheet.label(row, 0, 3, line[0]);
            if (form.isBlank()) {
                sheet.named(row, 3, 5, line[0] + "の番号と名称", "計画の番号から記入してください（例：" + line[2] + "）。", null);
            } else {
                sheet.fixed(row, 3, 5, line[1]);
            }
            row++;
        }
        sheet.label(row, 0, 3, "事業の概要");
        sheet.input(row, 3, 5, Input.TEXT, form.summary());
        sheet.label(row + 1, 0, 3, "指標名");
        sheet.input(row + 1, 3, 5, Input.TEXT, form.indicatorName());

        row += 3;
        sheet.label(row, 0, 3, "年度");
        for (int fiscalYear = FIRST_YEAR; fiscalYear <= LAST_YEAR; fiscalYear++) {
            sheet.label(row, 3 + fiscalYear - FIRST_YEAR, 1, EraYearParser.eraLabel(fiscalYear) + "年度");
        }
        List<String> subLabels = form.subLabels();
        row = values(sheet, row + 1, "目標値", subLabels, form.targets(), LAST_YEAR);
        row = values(sheet, row, "実績値", subLabels, form.actuals(), year);
        row += 1;
        sheet.label(row, 0, 8, "1\u3000取り組み内容・成果・進捗状況");
        sheet.label(row + 1, 0, 2, EraYearParser.eraLabel(year) + "年度の取り組み内容");
        sheet.input(row + 1, 2, 6, Input.TEXT, null);
        sheet.label(row + 2, 0, 2, "進捗状況及び自己評価");
        sheet.input(row + 2, 2, 6, Input.TEXT, null);
        sheet.label(row + 3, 0, 2, "評価");
        sheet.choice(row + 3, 2, 3, "評価", GRADES, null);
        sheet.fixed(row + 3, 5, 3, String.join("\n", GRADES));
        for (int line = row + 1; line <= row + 3; line++) {
            sheet.sheet().getRow(line).setHeightInPoints(48);
        }
        row += 4;
        sheet.label(row, 0, 8, "2\u3000課題・今後の取り組み方針");
        sheet.label(row + 1, 0, 2, "課題");
        sheet.input(row + 1, 2, 6, Input.TEXT, null);
        sheet.label(row + 2, 0, 2, "今後の取り組み方針");
        sheet.input(row + 2, 2, 6, Input.TEXT, null);
        sheet.label(row + 3, 0, 8, "3\u3000協働事項（事業推進のために、市民や地域に協力してもらいたいこと）");
        sheet.input(row + 4, 0, 8, Input.TEXT, null);
        sheet.label(row + 5, 0, 8, "4\u3000推進委員会の意見（評価）");
        sheet.input(row + 6, 0, 8, Input.TEXT, null);
        for (int line : new int[] {row + 1, row + 2, row + 4, row + 6}) {
            sheet.sheet().getRow(line).setHeightInPoints(48);
        }
        sheet.protect();
    }
}
