package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.welfare.WelfareSheet.Kind;
import jp.evalsheet.welfare.WelfareSheet.YearValue;

/** The extractors on small hand-built grids: each error case, and the tolerances. */
class WelfareSheetExtractorTests {

    /** Builds a sheet row by row; {@code null} leaves a cell empty. */
    private static final class Grid {
        final SheetGrid.Builder builder = SheetGrid.builder("(1)②");

        Grid row(int row, String... texts) {
            for (int c = 0; c < texts.length; c++) {
                if (texts[c] != null) {
                    builder.cell(new GridCell(row, c, texts[c], null, null));
                }
            }
            return this;
        }

        Grid merge(int row, int firstColumn, int lastColumn) {
            builder.merge(new CellRange(row, row, firstColumn, lastColumn));
            return this;
        }

        SheetGrid build() {
            return builder.build();
        }
    }

    /** A valid sheet: header, year table at rows 8–10 (years in D..H), evaluation at row 12. */
    private static Grid valid(String evaluation, String r5Header) {
        return valid(evaluation, r5Header, "地域福祉推進課");
    }

    private static Grid valid(String evaluation, String r5Header, String section) {
        return new Grid()
                .row(0, "第４期朝霞市地域福祉計画・地域福祉活動計画　進行管理・評価シート", null, null, null, null, null, null, "Ｒ5年度")
                .row(2, "部　局　名", null, "課　　名", section, null, "係　　名")
                .row(3, null, "基本目標", null, "１　市民の暮らしを支える仕組みづくり")
                .row(4, null, "施策の方向性", null, "（１）地域共生社会の実現に向けた仕組みづくり")
                .row(5, null, "事　業　名", null, "②身近な福祉圏域の検討")
                .row(6, null, "指標名", null, "身近な福祉圏域の検討")
                .row(8, "年度", null, null, "R3年度", "R4年度", r5Header, "R6年度", "R7年度")
                .row(9, "目標値", null, null, "調査・研究", null, null, "1回", "2回")
                .row(10, "実績値", null, null, "調査・研究")
                .row(12, "評価", null, evaluation);
    }

    private static WelfareSheetExtractor.Extraction extract(Grid grid) {
        return new WelfareSheetExtractor().extract(grid.build());
    }

    private static Finding onlyError(WelfareSheetExtractor.Extraction extraction) {
        assertThat(extraction.isRejected()).isTrue();
        List<Finding> errors = extraction.findings().stream().filter(Finding::isError).toList();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void shouldReadAValidSheetWithoutMerges() {
        WelfareSheetExtractor.Extraction extraction = extract(valid("B　ある程度進捗している", "R5年度"));
        assertThat(extraction.findings()).isEmpty();
        WelfareSheet sheet = extraction.sheet();
        assertThat(sheet.subjectCode()).isEqualTo("1-2");
        assertThat(sheet.departmentName()).isEqualTo("地域福祉推進課");
        assertThat(sheet.subsection()).isNull();
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(sheet.evaluation()).isEqualTo(new WelfareSheet.Evaluation("B", "ある程度進捗している", "B　ある程度進捗している", "C13"));
        // as a CSV shows it: the milestone in R3 only, R4 and R5 blank
        assertThat(sheet.values(Kind.TARGET)).extracting(YearValue::fiscalYear).containsExactly(2021, 2024, 2025);
        assertThat(sheet.blankYears()).extracting(b -> b.kind().sqlName() + " " + b.fiscalYear() + " " + b.cell())
                .containsExactly("target 2022 E10", "target 2023 F10", "actual 2022 E11", "actual 2023 F11",
                        "actual 2024 G11", "actual 2025 H11");
    }

    @Test
    void shouldGiveAMilestoneInAMergedCellEveryYearItCovers() {
        Grid grid = valid("B　ある程度進捗している", "R5年度").merge(9, 3, 5).merge(10, 3, 5);
        WelfareSheet sheet = extract(grid).sheet();
        CellRange target = new CellRange(9, 9, 3, 5);
        assertThat(sheet.values(Kind.TARGET)).extracting(v -> v.fiscalYear() + " " + v.value().raw() + " " + v.cell()
                + " " + (v.mergedFrom() == null ? "-" : v.mergedFrom().a1()) + " " + v.inferredFromMerge())
                .containsExactly("2021 調査・研究 D10 D10:F10 false", "2022 調査・研究 D10 D10:F10 true",
                        "2023 調査・研究 D10 D10:F10 true", "2024 1回 G10 - false", "2025 2回 H10 - false");
        assertThat(sheet.value(Kind.TARGET, 2023).mergedFrom()).isEqualTo(target);
        assertThat(sheet.blankYears()).extracting(b -> b.kind().sqlName() + " " + b.fiscalYear())
                .containsExactly("actual 2024", "actual 2025");
    }

    @Test
    void shouldReadTwoSubRowsWithTheRowLabelOnTheFirstOnly() {
        Grid grid = new Grid()
                .row(0, "Ｒ5年度")
                .row(2, "課名", "総務課\n地域福祉推進課")
                .row(3, "基本目標", "１　市民の暮らしを支える仕組みづくり")
                .row(4, "施策の方向", "（４）権利擁護の推進")
                .row(5, "事業名", "②虐待防止対策")
                .row(7, "指標名", "市民等への啓発及び職員の研修")
                .row(9, "年度", null, "R3年度", "R4年度", "R5年度")
                .row(10, "目標値", "啓発", "21件", "21件", "21件")
                .row(11, null, "研修", "7件", "9件", "9件")
                .row(13, "実績値", "啓発", "30件", "26件", "29件")
                .row(14, null, "研修", "15件", "9件", "9件")
                .row(15, "1　取り組み内容・成果・進捗状況")
                .row(17, "自己評価", "A　着実に進捗している", "A　着実に進捗している\nB　ある程度進捗している\nC　進捗が順調でない");
        WelfareSheetExtractor.Extraction extraction = extract(grid);
        assertThat(extraction.findings()).isEmpty();
        WelfareSheet sheet = extraction.sheet();
        assertThat(sheet.sections()).containsExactly("総務課", "地域福祉推進課");
        assertThat(sheet.subLabels()).containsExactly("啓発", "研修");
        assertThat(sheet.values(Kind.ACTUAL)).extracting(v -> v.subLabel() + " " + v.fiscalYear() + " " + v.value().raw() + " " + v.cell())
                .containsExactly("啓発 2021 30件 C14", "啓発 2022 26件 D14", "啓発 2023 29件 E14",
                        "研修 2021 15件 C15", "研修 2022 9件 D15", "研修 2023 9件 E15");
        assertThat(sheet.values()).hasSize(12);
        assertThat(sheet.evaluation().code()).isEqualTo("A");
    }

    @Test
    void shouldTakeTheEvaluationYearFromTheLatestActualWithoutATitleYear() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(0, "進行管理・評価シート");
        Grid noTitle = new Grid();
        SheetGrid original = grid.build();
        for (int row : original.rowIndexes()) {
            if (row > 0) {
                original.row(row).forEach(noTitle.builder::cell);
            }
        }
        noTitle.row(10, "実績値", null, null, "調査・研究", "調査・研究", "調査・研究");
        assertThat(extract(noTitle).sheet().evaluationFiscalYear()).isEqualTo(2023);
    }

    @Test
    void shouldRejectAnEvaluationOtherThanAbc() {
        Finding error = onlyError(extract(valid("D　評価不能", "R5年度")));
        assertThat(error.rule()).isEqualTo("invalid_evaluation");
        assertThat(error.cell()).isEqualTo("C13");
        assertThat(error.rawText()).isEqualTo("D　評価不能");
        assertThat(error.message()).contains("A, B or C");
    }

    @Test
    void shouldRejectABlankEvaluationEvenWithTheKeyOfGradesBesideIt() {
        Grid grid = valid(null, "R5年度").row(12, "評価", null, null, null, null,
                "A　着実に進捗している\nB　ある程度進捗している\nC　進捗が順調でない");
        Finding error = onlyError(extract(grid));
        assertThat(error.rule()).isEqualTo("missing_evaluation");
    }

    @Test
    void shouldRejectAYearColumnHeaderThatIsNotAnEraYear() {
        Finding error = onlyError(extract(valid("A　着実に進捗している", "今年度")));
        assertThat(error.rule()).isEqualTo("invalid_year_header");
        assertThat(error.cell()).isEqualTo("F9");
        assertThat(error.rawText()).isEqualTo("今年度");
    }

    @Test
    void shouldRejectASheetWithoutAnIndicatorLabel() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(6, null, "指標", null, "身近な福祉圏域の検討");
        WelfareSheetExtractor.Extraction extraction = extract(grid);
        Finding error = onlyError(extraction);
        assertThat(error.rule()).isEqualTo("missing_label");
        assertThat(error.message()).contains("指標名");
    }

    @Test
    void shouldRejectASheetWithoutTheYearTable() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(8, "区分");
        WelfareSheetExtractor.Extraction extraction = extract(grid);
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule).containsExactly("missing_label");
        assertThat(extraction.findings().get(0).message()).contains("年度");
    }

    @Test
    void shouldRejectASheetWithoutActuals() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(10, "備考");
        Finding error = onlyError(extract(grid));
        assertThat(error.rule()).isEqualTo("missing_label");
        assertThat(error.cell()).isEqualTo("A9");
        assertThat(error.message()).contains("実績値");
    }

    @Test
    void shouldRejectAProjectWithoutItsCircledNumber() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(5, null, "事業名", null, "身近な福祉圏域の検討");
        Finding error = onlyError(extract(grid));
        assertThat(error.rule()).isEqualTo("invalid_project");
        assertThat(error.cell()).isEqualTo("D6");
    }

    @Test
    void shouldRejectADirectionWithoutItsNumber() {
        Grid grid = valid("A　着実に進捗している", "R5年度").row(4, null, "施策の方向性", null, "地域共生社会の実現に向けた仕組みづくり");
        Finding error = onlyError(extract(grid));
        assertThat(error.rule()).isEqualTo("invalid_policy_direction");
        assertThat(error.cell()).isEqualTo("D5");
    }

    @Test
    void shouldRejectABlankSection() {
        Grid grid = valid("A　着実に進捗している", "R5年度", null);
        Finding error = onlyError(extract(grid));
        assertThat(error.rule()).isEqualTo("missing_section");
        assertThat(error.cell()).isEqualTo("D3");
    }

    @Test
    void shouldRecognizeOnlyWelfareSheets() {
        assertThat(WelfareSheetExtractor.recognizes(valid("A", "R5年度").build())).isTrue();
        assertThat(WelfareSheetExtractor.recognizes(new Grid().row(0, "担当課", "人権庶務課").row(1, "施策を構成する事務事業名").build()))
                .isFalse();
        assertThat(WelfareOverviewExtractor.recognizes(valid("A", "R5年度").build())).isFalse();
    }
}
