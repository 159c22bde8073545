package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;

/** The overview extractor on small hand-built grids, as a CSV shows them (no merges) unless a test merges. */
class WelfareOverviewExtractorTests {

    private static SheetGrid grid(String r5Header, String grade) {
        return grid(new String[][] {
                {"評価一覧（令和5年度）"},
                {},
                {"基本目標", "施策の方向性", "事業名", null, "進捗状況"},
                {null, null, null, null, "R3", "R4", r5Header, "R6", "R7"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①", "関係機関との連携", "A", "A", "A"},
                {null, null, "②", "身近な福祉圏域の検討", "B", "B", grade},
                {null, "（１７）再犯防止の推進（再犯防止推進計画）", "①"},
                {},
                {"※ 部分は、重点的評価施策"}});
    }

    private static SheetGrid grid(String[][] rows, CellRange... merges) {
        SheetGrid.Builder builder = SheetGrid.builder("評価一覧");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    builder.cell(new GridCell(r, c, rows[r][c], null, null));
                }
            }
        }
        for (CellRange merge : merges) {
            builder.merge(merge);
        }
        return builder.build();
    }

    private static WelfareOverviewExtractor.Extraction extract(SheetGrid grid) {
        return new WelfareOverviewExtractor().extract(grid);
    }

    @Test
    void shouldFillTheMergedGoalAndDirectionDownAndKeepTheEmptyRow() {
        WelfareOverviewExtractor.Extraction extraction = extract(grid("R5", "B"));
        assertThat(extraction.findings()).isEmpty();
        WelfareOverview overview = extraction.overview();
        assertThat(overview.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(overview.rows()).extracting(r -> r.subjectCode() + " " + r.basicGoalNo() + " " + r.projectName() + " " + r.grades().size())
                .containsExactly("1-1 1 関係機関との連携 3", "1-2 1 身近な福祉圏域の検討 3", "17-1 1  0");
        assertThat(overview.rows().get(1).basicGoal().cell()).isEqualTo("A5");
        assertThat(overview.rows().get(1).grade(2023).cell()).isEqualTo("G6");
    }

    @Test
    void shouldReportAGradeOtherThanAbcAndLoadTheOtherGrades() {
        // given
        SheetGrid grid = grid("R5", "S");

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell, Finding::rawText)
                .containsExactly(tuple(Finding.Severity.ERROR, "invalid_grade", "G6", "S"));
        assertThat(extraction.findings().get(0).message()).contains("R5", "A, B or C", "not loaded");
        assertThat(extraction.overview().rows().get(1).grades()).extracting(WelfareOverview.Grade::cell)
                .containsExactly("E6", "F6");
        assertThat(extraction.overview().rows().get(0).grades()).hasSize(3);
    }

    @Test
    void shouldRejectAYearColumnHeaderThatIsNotAnEraYear() {
        WelfareOverviewExtractor.Extraction extraction = extract(grid("今年度", "B"));
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell)
                .containsExactly(tuple("invalid_year_header", "G4"));
    }

    @Test
    void shouldSkipTheHeaderPrintedAgainOnAPageAndTheBlankRowsBetweenBasicGoals() {
        // given: page 1 ends with its note, page 2 prints the title and both header rows again before 基本目標 3
        SheetGrid grid = grid(new String[][] {
                {"評価一覧（令和5年度）"},
                {"基本目標", "施策の方向性", "事業名", null, "進捗状況"},
                {null, null, null, null, "R3", "R4", "R5", "R6", "R7"},
                {"２　思いやりと支え合いの心づくり", "（１１）地域福祉を支える団体の活性化・人材の育成", "⑤", "地域活動団体間の交流事業", "B", "B", "B"},
                {},
                {"※ 部分は、重点的評価施策"},
                {},
                {"評価一覧（令和5年度）"},
                {"基本目標", "施策の方向性", "事業名", null, "進捗状況"},
                {null, null, null, null, "R3", "R4", "R5", "R6", "R7"},
                {"３　安心して暮らせる環境づくり", "（１２）地域の拠点づくり", "①", "地域の人が集える拠点づくり", "A", "B", "B"},
                {null, null, "②", "施設の点検・修繕", "A", "A", "A"},
                {},
                {},
                {"４　福祉サービスを利用しやすい仕組みづくり", "（１６）住まいの確保等への支援", "①", "生活困窮者等への支援", "A", "A", "A"},
                {"（以下余白）"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.overview().rows()).extracting(r -> r.basicGoalNo() + " " + r.subjectCode() + " "
                        + r.grades().stream().map(WelfareOverview.Grade::code).toList())
                .containsExactly("2 11-5 [B, B, B]", "3 12-1 [A, B, B]", "3 12-2 [A, A, A]", "4 16-1 [A, A, A]");
    }

    @Test
    void shouldReadTheProjectNumberAndNameInOneCellAndYearsOf令和InTheHeaderRow() {
        // given: one header row, 基本目標 and 施策の方向性 merged down over their projects
        SheetGrid grid = grid(new String[][] {
                {"基本目標", "施策の方向性", "事業名", "令和3年度", "令和4年度", "令和5年度", "令和6年度", "令和7年度"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①関係機関との連携", "A", "A", "A"},
                {null, null, "② 身近な福祉圏域の検討", "B", "B", "B"},
                {null, "（２）相談支援体制の充実", "①特別な配慮が必要な子どもへの相談・支援", "Ｂ", "Ａ", "Ａ"}},
                new CellRange(1, 3, 0, 0), new CellRange(1, 2, 1, 1));

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        WelfareOverview overview = extraction.overview();
        assertThat(overview.yearColumns()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(overview.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(overview.rows()).extracting(r -> r.subjectCode() + " " + r.projectName() + " " + r.project().cell()
                        + " " + r.basicGoal().cell() + " " + r.grade(2021).code())
                .containsExactly("1-1 関係機関との連携 C2 A2 A", "1-2 身近な福祉圏域の検討 C3 A2 B",
                        "2-1 特別な配慮が必要な子どもへの相談・支援 C4 A2 B");
    }

    @Test
    void shouldGoOnAfterTheNoteOfAPageAtTheNextBasicGoalWithoutTheHeaderPrintedAgain() {
        // given
        SheetGrid grid = grid(new String[][] {
                {"基本目標", "施策の方向性", "事業名", null, "R3", "R4", "R5"},
                {"２　思いやりと支え合いの心づくり", "（１１）地域福祉を支える団体の活性化・人材の育成", "⑤", "地域活動団体間の交流事業", "B", "B", "B"},
                {"※ 部分は、重点的評価施策"},
                {},
                {"３　安心で暮らしやすい地域づくり", "（１2）施設等の整備・充実", "①", "地域の人が集える拠点づくり", "A", "B", "B"},
                {null, null, "②", "施設の点検・修繕", "A", "A", "A"},
                {null, "（１７）再犯防止の推進（再犯防止推進計画）", "①"},
                {"※ 部分は、重点的評価施策"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.overview().rows()).extracting(WelfareOverview.Row::subjectCode)
                .containsExactly("11-5", "12-1", "12-2", "17-1");
    }

    @Test
    void shouldEndTheTableAtANoteUntilTheNextPageStartsItAgain() {
        // given: a row after the note, not under a header
        SheetGrid grid = grid(new String[][] {
                {"基本目標", "施策の方向性", "事業名", null, "R3", "R4", "R5"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①", "関係機関との連携", "A", "A", "A"},
                {"（注）進捗状況は各課の自己評価による"},
                {null, null, "②", "参考：前期計画の事業", "A", "A", "A"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.overview().rows()).extracting(WelfareOverview.Row::subjectCode).containsExactly("1-1");
    }

    @Test
    void shouldReportARowWithGradesButNoProjectNumberAndLoadTheOthers() {
        // given
        SheetGrid grid = grid(new String[][] {
                {"基本目標", "施策の方向性", "事業名", null, "R3", "R4", "R5"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①", "関係機関との連携", "A", "A", "A"},
                {null, null, null, "身近な福祉圏域の検討", "B", "B", "B"},
                {null, null, "③", "CSWの配置", "B", "B", "B"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell)
                .containsExactly(tuple(Finding.Severity.ERROR, "invalid_project", "C3"));
        assertThat(extraction.overview().rows()).extracting(WelfareOverview.Row::subjectCode).containsExactly("1-1", "1-3");
    }

    @Test
    void shouldNotLoadTheRowsUnderABasicGoalWithoutItsNumberAndLoadTheOthers() {
        // given
        SheetGrid grid = grid(new String[][] {
                {"基本目標", "施策の方向性", "事業名", null, "R3", "R4", "R5"},
                {"１　市民の暮らしを支える仕組みづくり", "（１）地域共生社会の実現に向けた仕組みづくり", "①", "関係機関との連携", "A", "A", "A"},
                {"思いやりと支え合いの心づくり", "（７）地域福祉に関する理解と参加の促進", "①", "ボランティア・実習生の受け入れ", "A", "A", "B"},
                {null, null, "②", "出前講座の実施", "A", "A", "A"},
                {"３　安心して暮らせる環境づくり", "（１２）地域の拠点づくり", "①", "地域の人が集える拠点づくり", "A", "B", "B"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell)
                .containsExactly(tuple(Finding.Severity.ERROR, "invalid_basic_goal", "A3"));
        assertThat(extraction.findings().get(0).message()).contains("not loaded");
        assertThat(extraction.overview().rows()).extracting(WelfareOverview.Row::subjectCode).containsExactly("1-1", "12-1");
    }

    @Test
    void shouldRejectAnOverviewWithoutAnyProjectRow() {
        // given
        SheetGrid grid = grid(new String[][] {
                {"評価一覧（令和5年度）"},
                {"基本目標", "施策の方向性", "事業名", null, "R3", "R4", "R5"},
                {"※ 部分は、重点的評価施策"}});

        // when
        WelfareOverviewExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell).containsExactly(tuple("missing_projects", "C2"));
    }
}
