package jp.evalsheet.policy;

import static jp.evalsheet.extract.FactValues.scaled;
import static jp.evalsheet.extract.FactValues.status;
import static jp.evalsheet.extract.FactValues.text;

import jp.evalsheet.extract.FactSink;
import jp.evalsheet.value.ParsedValue;

/**
 * The facts of a 施策評価シート, by column: the policy (fct_policy_evaluations) and its related
 * departments, its indicators and their values, its ratings, its projects and their costs, the
 * printed totals and the narratives.
 */
final class PolicyFacts {

    private PolicyFacts() {
    }

    static void append(PolicySheet sheet, FactSink sink) {
        int year = sheet.evaluationFiscalYear();
        String code = sheet.policyCode();
        sink.row("fct_policy_evaluations", sheet.codeCell().cell(), sheet.codeCell().rawText())
                .set("plan_id", sheet.planId()).set("policy_code", code).set("policy_name", sheet.policyName())
                .set("evaluation_fiscal_year", year).set("department_name", sheet.departmentName())
                .set("related_departments_text", text(sheet.relatedDepartmentsCell()))
                .set("target_state", text(sheet.targetState()))
                .set("machi_hito_shigoto_goal", text(sheet.machiHitoShigotoGoal())).append();
        for (int i = 0; i < sheet.relatedDepartments().size(); i++) {
            sink.row("fct_policy_related_departments", sheet.relatedDepartmentsCell().cell(),
                    sheet.relatedDepartmentsCell().rawText())
                    .set("policy_code", code).set("evaluation_fiscal_year", year).set("ordinal", i + 1)
                    .set("department_name", sheet.relatedDepartments().get(i)).append();
        }
        for (PolicySheet.Indicator indicator : sheet.indicators()) {
            sink.row("fct_indicators", indicator.cell(), indicator.nameAsPrinted())
                    .set("plan_id", sheet.planId()).set("indicator_category", "施策指標").set("owner_code", code)
                    .set("indicator_no", indicator.number()).set("indicator_name", indicator.name())
                    .set("unit", indicator.unit()).set("name_as_printed", indicator.nameAsPrinted())
                    .set("definition", indicator.definition()).set("mhs_tag", indicator.mhsTag())
                    .set("department_name", null).set("is_cumulative", indicator.cumulative())
                    .set("evaluation_fiscal_year", year).append();
            for (PolicySheet.IndicatorValue value : indicator.values()) {
                ParsedValue parsed = value.value();
                sink.row("fct_indicator_values", value.cell(), parsed.raw())
                        .set("plan_id", sheet.planId()).set("owner_code", code).set("indicator_no", indicator.number())
                        .set("fiscal_year", value.fiscalYear()).set("value_kind", value.kind().sqlName())
                        .set("sub_label", null).set("value", scaled(parsed, 4)).set("value_unit", parsed.unit())
                        .set("value_status", status(parsed)).set("is_year_inferred", false)
                        .set("reported_fiscal_year", year).append();
            }
        }
        for (PolicySheet.PolicyRating rating : sheet.ratings()) {
            sink.row("fct_policy_ratings", rating.cell(), rating.rating().raw())
                    .set("policy_code", code).set("evaluation_fiscal_year", year).set("rating_kind", rating.kind())
                    .set("rating", rating.rating().value()).set("rating_label", rating.rating().label()).append();
        }
        for (PolicySheet.Project project : sheet.projects()) {
            sink.row("fct_policy_projects", project.cell(), project.nameAsPrinted())
                    .set("policy_code", code).set("evaluation_fiscal_year", year).set("row_no", project.rowNumber())
                    .set("project_name", project.name()).set("name_as_printed", project.nameAsPrinted())
                    .set("is_relisted", project.relisted()).set("direction", project.direction()).append();
            for (PolicySheet.ProjectCost cost : project.costs()) {
                sink.row("fct_project_costs", cost.cell(), cost.value().raw())
                        .set("policy_code", code).set("row_no", project.rowNumber()).set("project_name", project.name())
                        .set("is_relisted", project.relisted()).set("fiscal_year", cost.fiscalYear())
                        .set("cost_basis", cost.basis().sqlName()).set("cost_thousand_yen", scaled(cost.value(), 3))
                        .set("value_status", status(cost.value())).set("reported_fiscal_year", year).append();
            }
        }
        for (PolicySheet.PrintedTotal total : sheet.printedTotals()) {
            sink.row("fct_policy_cost_totals", total.cell(), total.value().raw())
                    .set("policy_code", code).set("total_kind", total.kind()).set("fiscal_year", total.fiscalYear())
                    .set("cost_basis", total.basis().sqlName()).set("cost_thousand_yen", scaled(total.value(), 3))
                    .set("value_status", status(total.value())).set("reported_fiscal_year", year).append();
        }
        for (PolicySheet.Narrative narrative : sheet.narratives()) {
            sink.row("fct_narratives", narrative.cell(), narrative.text())
                    .set("plan_id", sheet.planId()).set("owner_code", code).set("evaluation_fiscal_year", year)
                    .set("block_key", narrative.key()).set("heading", narrative.heading())
                    .set("body_text", narrative.text()).append();
        }
    }
}
