package jp.evalsheet.welfare;

import static jp.evalsheet.extract.FactValues.scaled;
import static jp.evalsheet.extract.FactValues.status;
import static jp.evalsheet.extract.FactValues.text;

import jp.evalsheet.extract.FactSink;
import jp.evalsheet.value.ParsedValue;
import jp.evalsheet.value.UnitSplitter;

/**
 * The facts of the 地域福祉計画: a 進行管理・評価シート (its project in fct_plan_items, its indicator and
 * values, its grade, its narratives) and the 評価一覧 (fct_overview_grades), by column.
 */
final class WelfareFacts {

    private WelfareFacts() {
    }

    static void append(WelfareSheet sheet, FactSink sink) {
        int year = sheet.evaluationFiscalYear();
        String plan = sheet.planId();
        String owner = sheet.subjectCode();
        sink.row("fct_plan_items", sheet.project().cell(), sheet.project().rawText())
                .set("plan_id", plan).set("owner_code", owner).set("item_kind", "project")
                .set("item_name", sheet.projectName()).set("basic_goal_no", sheet.basicGoalNo())
                .set("basic_goal_name", sheet.basicGoalName()).set("direction_no", sheet.directionNo())
                .set("direction_name", sheet.directionName()).set("departments_text", text(sheet.sectionsCell()))
                .set("department_name", sheet.departmentName()).set("description", text(sheet.outline()))
                .set("evaluation_fiscal_year", year).append();
        sink.row("fct_indicators", sheet.indicator().cell(), sheet.indicator().rawText())
                .set("plan_id", plan).set("indicator_category", "福祉事業指標").set("owner_code", owner)
                .set("indicator_no", 1).set("indicator_name", sheet.indicatorName()).set("unit", null)
                .set("name_as_printed", sheet.indicatorName()).set("definition", null).set("mhs_tag", null)
                .set("department_name", sheet.departmentName())
                .set("is_cumulative", UnitSplitter.isCumulative(sheet.indicatorName()))
                .set("evaluation_fiscal_year", year).append();
        for (WelfareSheet.YearValue value : sheet.values()) {
            ParsedValue parsed = value.value();
            sink.row("fct_indicator_values", value.cell(), parsed.raw())
                    .set("plan_id", plan).set("owner_code", owner).set("indicator_no", 1)
                    .set("fiscal_year", value.fiscalYear()).set("value_kind", value.kind().sqlName())
                    .set("sub_label", value.subLabel()).set("value", scaled(parsed, 4)).set("value_unit", parsed.unit())
                    .set("value_status", status(parsed)).set("is_year_inferred", value.inferredFromMerge())
                    .set("reported_fiscal_year", year).append();
        }
        WelfareSheet.Evaluation evaluation = sheet.evaluation();
        sink.row("fct_statuses", evaluation.cell(), evaluation.raw())
                .set("plan_id", plan).set("category", "福祉事業評価").set("owner_code", owner).set("indicator_no", null)
                .set("evaluation_fiscal_year", year).set("status", evaluation.code())
                .set("status_label", evaluation.label()).append();
        for (WelfareSheet.Narrative narrative : sheet.narratives()) {
            sink.row("fct_narratives", narrative.cell(), narrative.text())
                    .set("plan_id", plan).set("owner_code", owner).set("evaluation_fiscal_year", year)
                    .set("block_key", narrative.key()).set("heading", narrative.heading())
                    .set("body_text", narrative.text()).append();
        }
    }

    static void append(WelfareOverview overview, FactSink sink) {
        int year = overview.evaluationFiscalYear();
        for (WelfareOverview.Row row : overview.rows()) {
            if (row.grades().isEmpty()) {
                // a project printed without grades (such as (17)①) stays visible as a row without a grade
                grade(sink, overview, row, row.project().cell(), row.project().rawText(), year, null, year);
            }
            for (WelfareOverview.Grade grade : row.grades()) {
                grade(sink, overview, row, grade.cell(), grade.raw(), grade.fiscalYear(), grade.code(), year);
            }
        }
    }

    private static void grade(FactSink sink, WelfareOverview overview, WelfareOverview.Row row, String cell, String raw,
            int fiscalYear, String grade, int year) {
        sink.row("fct_overview_grades", cell, raw)
                .set("plan_id", overview.planId()).set("owner_code", row.subjectCode())
                .set("basic_goal_no", row.basicGoalNo()).set("direction_no", row.directionNo())
                .set("direction_name", row.directionName()).set("project_no", row.projectNo())
                .set("project_name", row.projectName()).set("fiscal_year", fiscalYear).set("grade", grade)
                .set("evaluation_fiscal_year", year).append();
    }
}
