package jp.evalsheet.template;

import java.util.List;

/**
 * What a 施策評価シート template of one policy holds before the department fills it in: for a blank
 * template nothing but the form ({@link #blank()}), for a pre-filled one the policy as last published
 * (its code, name, departments, indicators with their last known actual and target, projects with
 * their last settled cost). Values are the cell as printed ({@code 6717}, {@code -}, {@code 52.4%}):
 * {@link java.math.BigDecimal} for a number, {@link String} for anything else, null when unknown.
 */
record PolicyForm(String code, String name, String department, String related, String targetState,
        String mhsGoal, List<Indicator> indicators, List<Project> projects) {

    /** The rows of 5 施策構成事務事業 a blank form offers. */
    static final int BLANK_PROJECTS = 7;

    /** An indicator (指標 n): its name as printed with the unit, definition, the actual of two years ago and the target. */
    record Indicator(int no, String nameAsPrinted, String definition, Object actualTwoYearsAgo, Object target) {
    }

    /** A project (事務事業): its name as printed ({@code …【再掲】}), 今後の方向性, and the settled cost of two years ago. */
    record Project(String nameAsPrinted, boolean relisted, String direction, Object settledTwoYearsAgo) {
    }

    /** The form as a department starts a new policy: two indicators and seven project rows, all blank. */
    static PolicyForm blank() {
        return new PolicyForm(null, null, null, null, null, null,
                List.of(new Indicator(1, null, null, null, null), new Indicator(2, null, null, null, null)),
                java.util.stream.IntStream.range(0, BLANK_PROJECTS).mapToObj(i -> new Project(null, false, null, null)).toList());
    }

    /** Whether this is a blank form (nothing pre-filled). */
    boolean isBlank() {
        return code == null;
    }
}
