package jp.evalsheet.template;

import java.util.Map;

/**
 * What a 地域福祉計画 進行管理・評価シート template of one project (事業) holds before the department
 * fills it in: blank ({@link #blank()}), or the project as last published, with its targets and the
 * actuals known so far by fiscal year, each as printed ({@code 80件}, {@code 調査・研究}). An indicator
 * counted in two rows per year (啓発 over 研修) has a sub-label per row; one without has the sub-label {@code ""}.
 */
record WelfareForm(String department, String goal, String direction, String project, String summary,
        String indicatorName, Map<String, Map<Integer, Object>> targets, Map<String, Map<Integer, Object>> actuals,
        String sheetName) {

    /** A blank project sheet. */
    static WelfareForm blank() {
        return new WelfareForm(null, null, null, null, null, null, Map.of("", Map.of()), Map.of("", Map.of()), "事業");
    }

    /** The sub-labels of the indicator's rows, in order ({@code ""} alone when it has none). */
    java.util.List<String> subLabels() {
        java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>(targets.keySet());
        labels.addAll(actuals.keySet());
        return labels.isEmpty() ? java.util.List.of("") : java.util.List.copyOf(labels);
    }

    boolean isBlank() {
        return project == null;
    }
}
