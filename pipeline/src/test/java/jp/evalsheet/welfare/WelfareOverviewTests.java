package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.samples.WelfareSampleWorkbooks;
import jp.evalsheet.welfare.WelfareOverview.Grade;
import jp.evalsheet.welfare.WelfareOverview.Row;

/** The planning office's overview {@code input/R5_地域福祉計画_評価一覧.xlsx} against {@code truth/welfare_overview.csv}. */
class WelfareOverviewTests {

    private static final TruthTable TRUTH = TruthTable.load("welfare_overview");

    static WelfareOverview overview;

    @BeforeAll
    static void readOverview() {
        List<SheetGrid> grids = WelfareFiles.grids(WelfareFiles.INPUT.resolve(WelfareSampleWorkbooks.OVERVIEW_FILE));
        assertThat(grids).hasSize(1);
        assertThat(WelfareOverviewExtractor.recognizes(grids.get(0))).isTrue();
        assertThat(WelfareSheetExtractor.recognizes(grids.get(0))).isFalse();
        WelfareOverviewExtractor.Extraction extraction = new WelfareOverviewExtractor().extract(grids.get(0));
        assertThat(extraction.findings()).isEmpty();
        overview = extraction.overview();
    }

    @Test
    void shouldReadEveryRowIncludingTheEmptyOne() {
        assertThat(overview.family()).isEqualTo("welfare_overview");
        assertThat(overview.planId()).isEqualTo("welfare_plan_4");
        assertThat(overview.subjectCode()).isEqualTo("overview");
        assertThat(overview.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(overview.departmentName()).isNull();
        assertThat(overview.yearColumns()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(overview.rows()).hasSize(46);
        for (int i = 0; i < TRUTH.rows().size(); i++) {
            Map<String, String> truth = TRUTH.rows().get(i);
            Row row = overview.rows().get(i);
            String where = "row " + (i + 1);
            assertThat(row.basicGoalNo()).as(where).isEqualTo(Integer.parseInt(truth.get("basic_goal_no")));
            assertThat(row.basicGoal().rawText()).as(where).isEqualTo(truth.get("basic_goal"));
            assertThat(row.directionNo()).as(where).isEqualTo(Integer.parseInt(truth.get("policy_direction_no")));
            assertThat(row.direction().rawText()).as(where).isEqualTo(truth.get("policy_direction"));
            assertThat(row.projectNo()).as(where).isEqualTo(Integer.parseInt(truth.get("project_no")));
            assertThat(row.projectName()).as(where).isEqualTo(truth.get("project_name"));
            List<String> grades = new ArrayList<>();
            for (String year : List.of("R3", "R4", "R5")) {
                Grade grade = row.grade(jp.evalsheet.value.EraYearParser.parseFiscalYearOrThrow(year));
                grades.add(grade == null ? "" : grade.code());
                if (grade != null) {
                    assertThat(grade.raw()).isEqualTo(grade.code());
                    assertThat(grade.cell()).matches("[EFG]\\d+");
                }
            }
            assertThat(grades).as(where).containsExactly(truth.get("grade_R3"), truth.get("grade_R4"), truth.get("grade_R5"));
            assertThat(row.grades()).allSatisfy(g -> assertThat(g.fiscalYear()).isLessThanOrEqualTo(2023));
        }
        Row empty = overview.rows().get(45);
        assertThat(empty.subjectCode()).isEqualTo("17-1");
        assertThat(empty.projectName()).isEmpty();
        assertThat(empty.grades()).isEmpty();
        // merged down over their projects: every row points at the merged cell's top-left
        assertThat(overview.rows().get(1).basicGoal().cell()).isEqualTo("A5");
        assertThat(overview.rows().get(2).direction().cell()).isEqualTo("B5");
    }

    @Test
    void shouldCountTheGradesAsTheReportPrintsThem() {
        assertThat(count(2021)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 28L, "B", 17L));
        assertThat(count(2022)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 32L, "B", 13L));
        assertThat(count(2023)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 29L, "B", 15L, "C", 1L));
    }

    /** The overview and the sheets disagree on one R5 grade, as in the report: (10)① A on the overview, B on its sheet. */
    @Test
    void shouldShowTheOneGradeTheOverviewAndTheSheetsDisagreeOn() {
        WelfareSampleInputTests.readInput();
        List<String> mismatches = new ArrayList<>();
        for (Row row : overview.rows()) {
            WelfareSheet sheet = WelfareSampleInputTests.bySubject.get(row.subjectCode());
            Grade r5 = row.grade(2023);
            if (sheet == null) {
                assertThat(r5).as(row.subjectCode()).isNull();
            } else if (!sheet.evaluation().code().equals(r5.code())) {
                mismatches.add(row.subjectCode() + " overview " + r5.code() + " sheet " + sheet.evaluation().code());
            }
        }
        assertThat(mismatches).containsExactly("10-1 overview A sheet B");
    }

    private static Map<String, Long> count(int fiscalYear) {
        return overview.rows().stream().map(r -> r.grade(fiscalYear)).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(Grade::code, java.util.stream.Collectors.counting()));
    }
}
