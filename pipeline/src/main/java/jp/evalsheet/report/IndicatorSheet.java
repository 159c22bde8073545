package jp.evalsheet.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.evalsheet.report.AnnualReport.IndicatorProgress;
import jp.evalsheet.report.ReportSheet.Column;
import jp.evalsheet.report.ReportStyles.Format;
import jp.evalsheet.value.EraYearParser;

/**
 * The progress of every indicator toward its target, one table per plan: the latest value beside
 * the baseline (策定当初) and the target, with the direction honoured. An indicator that goes down
 * (待機児童数 44 → 0) meets its target at or below it, and its progress counts a fall as progress;
 * an indicator whose sheet prints no baseline has no known direction, and is not judged.
 */
final class IndicatorSheet {

    static final String SOURCE = "v_indicator_progress";

    private IndicatorSheet() {
    }

    static void write(ReportSheet sheet, List<IndicatorProgress> indicators) {
        sheet.title("指標の進捗");
        sheet.note("値は各指標の最新の実績（実績がない年度は見込み）。方向: ↑ 増えるほど良い、↓ 減るほど良い"
                + "（目標値が策定当初値の半分未満）、－ 策定当初値がなく判定しない。");
        sheet.note("達成率 = 値 ÷ 目標値（↓の指標には示さない）。進捗率 = 策定当初から目標までのうち進んだ割合"
                + "（方向を考慮し、策定当初より悪化していれば負）。");
        if (indicators.isEmpty()) {
            sheet.note("この団体の指標は、倉庫にありません。");
        }
        Map<String, List<IndicatorProgress>> byPlan = new LinkedHashMap<>();
        indicators.forEach(indicator -> byPlan.computeIfAbsent(indicator.planName(), plan -> new ArrayList<>()).add(indicator));
        List<Column> columns = List.of(new Column("区分", Format.CODE), new Column("番号", Format.CODE),
                new Column("指標名", Format.TEXT), new Column("単位", Format.CODE), new Column("年度", Format.CODE),
                new Column("値", Format.DECIMAL), new Column("策定当初", Format.DECIMAL), new Column("策定年度", Format.CODE),
                new Column("目標値", Format.DECIMAL), new Column("目標年度", Format.CODE), new Column("方向", Format.CODE),
                new Column("達成率", Format.RATIO), new Column("進捗率", Format.RATIO), new Column("目標", Format.CODE));
        byPlan.forEach((plan, rows) -> {
            sheet.blank();
            sheet.heading(plan);
            sheet.source(SOURCE);
            sheet.table(columns, rows.stream().map(IndicatorSheet::row).toList(), List.of());
        });
        sheet.finish();
    }

    private static Object[] row(IndicatorProgress indicator) {
        return new Object[] {
            indicator.category(),
            indicator.ownerCode() + " #" + indicator.indicatorNo() + (indicator.subLabel() == null ? "" : " " + indicator.subLabel()),
            indicator.indicatorName(),
            indicator.unit(),
            EraYearParser.eraLabel(indicator.fiscalYear()) + (indicator.actual() ? "実績" : "見込み"),
            indicator.value() != null ? indicator.value() : indicator.valueText(),
            indicator.baselineValue(),
            year(indicator.baselineValue() == null ? null : indicator.baselineFiscalYear()),
            indicator.targetValue(),
            year(indicator.targetValue() == null ? null : indicator.targetFiscalYear()),
            indicator.higherIsBetter() == null ? "－" : indicator.higherIsBetter() ? "↑" : "↓",
            Boolean.FALSE.equals(indicator.higherIsBetter()) ? null : indicator.achievementRatio(),
            indicator.directedProgressRatio(),
            indicator.targetMet() == null ? "－" : indicator.targetMet() ? "達成" : "未達成"};
    }

    private static String year(Integer fiscalYear) {
        return fiscalYear == null ? null : EraYearParser.eraLabel(fiscalYear);
    }
}
