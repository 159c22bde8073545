package jp.evalsheet.welfare;

import java.util.List;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.SheetContent;
import jp.evalsheet.value.Status;

/**
 * The planning office's overview of the welfare plan (評価一覧): per project its 基本目標, 施策の方向性,
 * 事業名 and the grade (進捗状況 A/B/C) of each evaluated year. A project row without a name or grades
 * (such as (17)① 再犯防止の推進, printed with a bare ①) is kept with no grades.
 *
 * @param sheetName the sheet's name in its file
 * @param evaluationFiscalYear the year evaluated: the era year of the title, else the latest year with a grade
 * @param department the section named on the sheet (担当課/作成課), or {@code null}: the overview is the
 *     planning office's and names none
 * @param yearColumns the fiscal years of the grade columns, left to right (2021..2025)
 * @param rows the project rows in printed order
 */
public record WelfareOverview(String sheetName, int evaluationFiscalYear, String department,
        List<Integer> yearColumns, List<Row> rows) implements SheetContent {

    /** The sheet's facts, by column ({@link WelfareFacts}). */
    @Override
    public void appendFacts(jp.evalsheet.extract.FactSink sink) {
        WelfareFacts.append(this, sink);
    }

    /** The sheet family name stored with every load of the overview. */
    public static final String FAMILY = "welfare_overview";

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String planId() {
        return WelfareSheet.PLAN_ID;
    }

    @Override
    public String subjectCode() {
        return "overview";
    }

    @Override
    public String departmentName() {
        return department;
    }

    /**
     * One project row.
     *
     * @param basicGoal the 基本目標 cell this row is under (a merged cell spanning rows: its top-left)
     * @param direction the 施策の方向性 cell this row is under
     * @param projectName the name as printed, {@code ""} when the row prints only its number
     * @param project the cell of the project's number or number and name
     * @param grades the grades of the years that have one, in year order
     */
    public record Row(int basicGoalNo, String basicGoalName, Located basicGoal, int directionNo, String directionName,
            Located direction, int projectNo, String projectName, Located project, List<Grade> grades) {

        /** The project's subject code as on its sheet: {@code 1-1}. */
        public String subjectCode() {
            return WelfareSheet.subjectCode(directionNo, projectNo);
        }

        /** The grade of a year, or {@code null} when that year has none. */
        public Grade grade(int fiscalYear) {
            return grades.stream().filter(g -> g.fiscalYear() == fiscalYear).findFirst().orElse(null);
        }
    }

    /** A grade of one year: code (A/B/C), label (empty when only the letter is printed), raw text and cell. */
    public record Grade(int fiscalYear, String code, String label, String raw, String cell) {

        static Grade of(int fiscalYear, Status status, String cell) {
            return new Grade(fiscalYear, status.code(), status.label(), status.raw(), cell);
        }
    }
}
