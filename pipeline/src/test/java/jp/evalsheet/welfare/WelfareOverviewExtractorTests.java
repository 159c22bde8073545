package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;

/** The overview extractor on small hand-built grids, as a CSV shows them (no merges). */
class WelfareOverviewExtractorTests {

    private static SheetGrid grid(String r5Header, String grade) {
        SheetGrid.Builder builder = SheetGrid.builder("評価一覧");
        String[][] rows = {
                {"評価一覧（令和5年度）"},
                {},
                {"基本目標", "施策の方向性", "事業名", null, "進捗状況"},
                {null, null, null, null, "R3", "R4", r5Header, "R6", "R7"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①", "関係機関との連携", "A", "A", "A"},
                {null, null, "②", "身近な福祉圏域の検討", "B", "B", grade},
                {null, "（１７）再犯防止の推進（再犯防止推進計画）", "①"},
                {},
                {"※ 部分は、重点的評価施策"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    builder.cell(new GridCell(r, c, rows[r][c], null, null));
                }
            }
        }
        return builder.build();
    }

    @Test
    void shouldFillTheMergedGoalAndDirectionDownAndKeepTheEmptyRow() {
        WelfareOverviewExtractor.Extraction extraction = new WelfareOverviewExtractor().extract(grid("R5", "B"));
        assertThat(extraction.findings()).isEmpty();
        WelfareOverview overview = extraction.overview();
        assertThat(overview.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(overview.rows()).extracting(r -> r.subjectCode() + " " + r.basicGoalNo() + " " + r.projectName() + " " + r.grades().size())
                .containsExactly("1-1 1 関係機関との連携 3", "1-2 1 身近な福祉圏域の検討 3", "17-1 1  0");
        assertThat(overview.rows().get(1).basicGoal().cell()).isEqualTo("A5");
        assertThat(overview.rows().get(1).grade(2023).cell()).isEqualTo("G6");
    }

    @Test
    void shouldRejectAGradeOtherThanAbc() {
        WelfareOverviewExtractor.Extraction extraction = new WelfareOverviewExtractor().extract(grid("R5", "S"));
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell, Finding::rawText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid_grade", "G6", "S"));
    }

    @Test
    void shouldRejectAYearColumnHeaderThatIsNotAnEraYear() {
        WelfareOverviewExtractor.Extraction extraction = new WelfareOverviewExtractor().extract(grid("今年度", "B"));
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid_year_header", "G4"));
    }
}
