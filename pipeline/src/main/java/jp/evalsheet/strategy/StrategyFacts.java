package jp.evalsheet.strategy;

import static jp.evalsheet.extract.FactValues.scaled;
import static jp.evalsheet.extract.FactValues.status;
import static jp.evalsheet.extract.FactValues.unit;

import java.util.List;

import jp.evalsheet.extract.FactSink;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.UnitSplitter;

/**
 * The facts of a 総合戦略 効果検証 sheet, by column: its goals and measures (fct_plan_items), each
 * 数値目標 and KPI with its values and status, the narratives and the printed 総括.
 */
final class StrategyFacts {

    private StrategyFacts() {
    }

    static void append(StrategySheet sheet, FactSink sink) {
        int year = sheet.evaluationFiscalYear();
        String plan = sheet.planId();
        for (StrategySheet.Goal goal : sheet.goals()) {
            String code = Integer.toString(goal.number());
            planItem(sink, goal.cell().cell(), goal.cell().rawText(), plan, code, "basic_goal", goal.name(), goal.number(),
                    goal.name(), null, null, year);
            for (StrategySheet.NumericTarget target : goal.numericTargets()) {
                indicator(sink, plan, "数値目標", code, target.number(), target.name(), target.unit(), target.nameAsPrinted(),
                        null, target.cell(), target.values(), target.status(), year);
            }
            for (StrategySheet.Measure measure : goal.measures()) {
                String owner = StrategySheet.measureCode(goal.number(), measure.label());
                planItem(sink, measure.cell(), measure.name(), plan, owner, "measure", measure.name(), goal.number(),
                        goal.name(), measure.departmentsRaw(),
                        measure.departments().isEmpty() ? null : measure.departments().get(0), year);
                for (StrategySheet.Kpi kpi : measure.kpis()) {
                    indicator(sink, plan, "KPI", owner, kpi.number(), kpi.name(), kpi.unit(), kpi.nameAsPrinted(),
                            kpi.department(), kpi.cell(), kpi.values(), kpi.status(), year);
                }
            }
        }
        for (StrategySheet.Narrative narrative : sheet.narratives()) {
            sink.row("fct_narratives", narrative.cell(), narrative.text())
                    .set("plan_id", plan).set("owner_code", narrative.ownerCode()).set("evaluation_fiscal_year", year)
                    .set("block_key", narrative.key()).set("heading", narrative.heading())
                    .set("body_text", narrative.text()).append();
        }
        if (sheet.summary() != null) {
            for (StrategySheet.PrintedCount count : sheet.summary().counts()) {
                sink.row("fct_printed_status_counts", count.cell(), count.raw())
                        .set("plan_id", plan).set("category", count.category()).set("status", count.status())
                        .set("printed_count", count.count()).set("printed_share_percent", count.sharePercent())
                        .set("evaluation_fiscal_year", year).append();
            }
        }
    }

    private static void planItem(FactSink sink, String cell, String raw, String plan, String owner, String kind, String name,
            int goalNo, String goalName, String departmentsText, String department, int year) {
        sink.row("fct_plan_items", cell, raw)
                .set("plan_id", plan).set("owner_code", owner).set("item_kind", kind).set("item_name", name)
                .set("basic_goal_no", goalNo).set("basic_goal_name", goalName).set("direction_no", null)
                .set("direction_name", null).set("departments_text", departmentsText).set("department_name", department)
                .set("description", null).set("evaluation_fiscal_year", year).append();
    }

    private static void indicator(FactSink sink, String plan, String category, String owner, int number, String name,
            String unit, String nameAsPrinted, String department, String cell, List<StrategySheet.YearValue> values,
            StrategySheet.StatusCell status, int year) {
        sink.row("fct_indicators", cell, nameAsPrinted)
                .set("plan_id", plan).set("indicator_category", category).set("owner_code", owner)
                .set("indicator_no", number).set("indicator_name", name).set("unit", unit(unit))
                .set("name_as_printed", nameAsPrinted).set("definition", null).set("mhs_tag", null)
                .set("department_name", department).set("is_cumulative", UnitSplitter.isCumulative(name))
                .set("evaluation_fiscal_year", year).append();
        for (StrategySheet.YearValue value : values) {
            if (value == null) {
                continue;
            }
            ParsedValue parsed = value.value();
            sink.row("fct_indicator_values", value.cell(), parsed.raw())
                    .set("plan_id", plan).set("owner_code", owner).set("indicator_no", number)
                    .set("fiscal_year", value.fiscalYear()).set("value_kind", value.kind().sqlName()).set("sub_label", null)
                    .set("value", scaled(parsed, 4)).set("value_unit", parsed.unit()).set("value_status", status(parsed))
                    .set("is_year_inferred", false).set("reported_fiscal_year", year).append();
        }
        if (status != null) {
            sink.row("fct_statuses", status.cell(), status.raw())
                    .set("plan_id", plan).set("category", category).set("owner_code", owner).set("indicator_no", number)
                    .set("evaluation_fiscal_year", year).set("status", status.code())
                    .set("status_label", status.label()).append();
        }
    }
}
