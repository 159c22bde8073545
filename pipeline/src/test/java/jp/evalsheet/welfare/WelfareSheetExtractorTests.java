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

    /** Builds a sheet row by row; a row given again replaces the earlier one; {@code null} leaves a cell empty. */
    private static final class Grid {
        final java.util.TreeMap<Integer, String[]> rows = new java.util.TreeMap<>();
        final List<CellRange> merges = new java.util.ArrayList<>();

        Grid row(int row, String... texts) {
            rows.put(row, texts);
            return this;
        }

        Grid without(int row) {
            rows.remove(row);
            return this;
        }

        Grid merge(int row, int firstColumn, int lastColumn) {
            return merge(row, row, firstColumn, lastColumn);
        }

        Grid merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
            merges.add(new CellRange(firstRow, lastRow, firstColumn, lastColumn));
            return this;
        }

        SheetGrid build() {
            SheetGrid.Builder builder = SheetGrid.builder("(1)②");
            rows.forEach((row, texts) -> {
                for (int c = 0; c < texts.length; c++) {
                    if (texts[c] != null) {
                        builder.cell(new GridCell(row, c, texts[c], null, null));
                    }
                }
            });
            merges.forEach(builder::merge);
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
        Grid noTitle = valid("A　着実に進捗している", "R5年度").without(0)
                .row(10, "実績値", null, null, "調査・研究", "調査・研究", "調査・研究");
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

    // ---- laid out by another hand, as on the printed page ----

    private static final String KEY = "A　着実に進捗している\nB　ある程度進捗している\nC　進捗が順調でない";

    /**
     * The printed page of (7)④: 指標名 above its name, year headers Ｒ３年度, a note between 目標値 and
     * 実績値, no label 評価 but the lone letter beside the key of the grades under 進捗状況及び自己評価.
     */
    private static Grid printed() {
        return new Grid()
                .row(0, "第４期朝霞市地域福祉計画・地域福祉活動計画　進行管理・評価シート", null, null, null, null, null, null, "Ｒ5年度")
                .row(2, "部　局　名", null, "課　　名", "地域福祉推進課", null, "係　　名")
                .row(4, "第\n４\n期\n計\n画\n掲\n載\n内\n容", "基本目標", null, "２　思いやりと支え合いの心づくり")
                .row(5, null, "施策の方向性", null, "（７）地域福祉に関する理解と参加の促進")
                .row(6, null, "事　業　名", null, "④手話体験・要約筆記体験の実施")
                .row(8, null, "指標名").merge(8, 8, 1, 2)
                .row(9, null, "手話体験・要約筆記体験の参加者数").merge(9, 9, 1, 7)
                .row(11, "年度", null, null, "Ｒ３年度", "Ｒ４年度", "Ｒ５年度", "Ｒ６年度", "Ｒ７年度").merge(11, 11, 0, 2)
                .row(12, "目標値", null, null, "30人", "30人", "35人", "35人", "40人").merge(12, 12, 0, 2)
                .row(13, "（注）目標値は各年度の参加者数")
                .row(15, "実績値", null, null, "25人", "31人", "28人").merge(15, 15, 0, 2)
                .row(17, "1　取り組み内容・成果・進捗状況")
                .row(18, "R5年度の取り組み内容", null, "・手話体験の実施（１）")
                .row(19, "進捗状況及び自己評価", null, "事業に参加し、手話や要約筆記への理解を深める。").merge(19, 20, 0, 1)
                .row(20, null, null, "B", null, null, KEY)
                .row(22, "課題", null, "・体験の参加者が増えるよう、体験の広報に努める必要がある。");
    }

    @Test
    void shouldReadThePrintedPageLayoutWithoutFindings() {
        // given
        Grid grid = printed();

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).extracting(Finding::describe).isEmpty();
        WelfareSheet sheet = extraction.sheet();
        assertThat(sheet.subjectCode()).isEqualTo("7-4");
        assertThat(sheet.indicatorName()).isEqualTo("手話体験・要約筆記体験の参加者数");
        assertThat(sheet.indicator().cell()).isEqualTo("B10");
        assertThat(sheet.bureau()).isNull();
        assertThat(sheet.subsection()).isNull();
        assertThat(sheet.yearColumns()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(sheet.values(Kind.TARGET)).extracting(v -> v.fiscalYear() + " " + v.value().raw() + " " + v.cell())
                .containsExactly("2021 30人 D13", "2022 30人 E13", "2023 35人 F13", "2024 35人 G13", "2025 40人 H13");
        assertThat(sheet.values(Kind.ACTUAL)).extracting(v -> v.fiscalYear() + " " + v.value().raw() + " " + v.cell())
                .containsExactly("2021 25人 D16", "2022 31人 E16", "2023 28人 F16");
        assertThat(sheet.evaluation()).isEqualTo(new WelfareSheet.Evaluation("B", "ある程度進捗している", "B", "C21"));
        assertThat(sheet.narratives()).extracting(WelfareSheet.Narrative::key)
                .containsExactly("activities", "self_assessment", "issues");
    }

    @Test
    void shouldReadTheIndicatorNameUnderItsLabelInACsvWithoutMerges() {
        // given: the name one row down, blank rows between
        Grid grid = valid("A　着実に進捗している", "R5年度").row(6, null, "指標名").row(7, null, "身近な福祉圏域の検討");

        // when
        WelfareSheet sheet = extract(grid).sheet();

        // then
        assertThat(sheet.indicatorName()).isEqualTo("身近な福祉圏域の検討");
        assertThat(sheet.indicator().cell()).isEqualTo("B8");
    }

    @Test
    void shouldReadTheHeaderFieldsUnderTheirLabelsInAHeaderRow() {
        // given: 部局名, 課名 and 係名 side by side, their values in the row below
        Grid grid = valid("A　着実に進捗している", "R5年度")
                .row(1, "部局名", null, "課名", null, "係名")
                .row(2, "福祉部", null, "地域福祉推進課", null, "地域福祉推進係");

        // when
        WelfareSheet sheet = extract(grid).sheet();

        // then
        assertThat(sheet.bureau().rawText()).isEqualTo("福祉部");
        assertThat(sheet.sections()).containsExactly("地域福祉推進課");
        assertThat(sheet.sectionsCell().cell()).isEqualTo("C3");
        assertThat(sheet.subsection()).isEqualTo(new jp.evalsheet.extract.Located("E3", "地域福祉推進係"));
    }

    @Test
    void shouldNotTakeTheValueOfAnotherLabelOrTheCaptionAsTheValueUnderABlankLabel() {
        // given: 部局名 and 係名 blank; under them the caption 第４期計画掲載内容 and the value of 基本目標
        Grid grid = valid("A　着実に進捗している", "R5年度")
                .row(3, "第\n４\n期\n計\n画\n掲\n載\n内\n容", "基本目標", null, "１　市民の暮らしを支える仕組みづくり")
                .merge(3, 3, 3, 7);

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().bureau()).isNull();
        assertThat(extraction.sheet().subsection()).isNull();
    }

    @Test
    void shouldRejectASheetWhoseIndicatorNameIsNeitherRightOfNorUnderItsLabel() {
        // given: 指標名 with nothing right of it and the year table under it
        Grid grid = valid("A　着実に進捗している", "R5年度").row(6, null, "指標名");

        // when
        Finding error = onlyError(extract(grid));

        // then
        assertThat(error.rule()).isEqualTo("missing_indicator");
        assertThat(error.cell()).isEqualTo("C7");
        assertThat(error.message()).contains("right of 指標名 or under it");
    }

    @Test
    void shouldReadYearHeadersInFullWidthAndReiwaForms() {
        // given
        Grid grid = valid("A　着実に進捗している", "R5年度")
                .row(8, "年度", null, null, "令和3年度", "令和４年度", "Ｒ５年度", "Ｒ６年度", "令和7年度");

        // when
        WelfareSheet sheet = extract(grid).sheet();

        // then
        assertThat(sheet.yearColumns()).containsExactly(2021, 2022, 2023, 2024, 2025);
        assertThat(sheet.value(Kind.TARGET, 2024).value().raw()).isEqualTo("1回");
    }

    @Test
    void shouldReadAYearTableWhoseHeaderRowHasNoLabel年度() {
        // given
        Grid grid = valid("A　着実に進捗している", "R5年度").row(8, "区分", null, null, "R3年度", "R4年度", "R5年度", "R6年度", "R7年度");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().value(Kind.TARGET, 2025).cell()).isEqualTo("H10");
    }

    @Test
    void shouldSkipBlankRowsAndNotesBetweenTheTargetAndActualRows() {
        // given
        Grid grid = valid("A　着実に進捗している", "R5年度")
                .row(10, "※目標値は累計です")
                .row(13, "実績値", null, null, "調査・研究")
                .row(14, "（以下余白）")
                .row(15, "評価", null, "A　着実に進捗している")
                .without(12);

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().values(Kind.ACTUAL)).extracting(YearValue::cell).containsExactly("D14");
    }

    /** Two sub-rows per year, 啓発 and 研修, the sub-labels in a column of their own (B). */
    private static Grid subLabelColumn() {
        return twoRowHeader()
                .row(9, "目標値", "啓発", "21件", "21件", "21件", "21件", "21件")
                .row(10, null, "研修", "7件", "9件", "9件", "9件", "9件")
                .row(11, "実績値", "啓発", "30件", "26件", "29件")
                .row(12, null, "研修", "15件", "9件", "9件");
    }

    /** The same, the sub-labels inside the year cells, the row labels merged down over two rows. */
    private static Grid subLabelInCells() {
        return twoRowHeader()
                .row(9, "目標値", null, "啓発 21件", "啓発 21件", "啓発　21件", "啓発 21件", "啓発 21件").merge(9, 10, 0, 1)
                .row(10, null, null, "研修 7件", "研修 9件", "研修 9件", "研修 9件", "研修 9件")
                .row(11, "実績値", null, "啓発 30件", "啓発 26件", "啓発 29件", "啓発", "啓発").merge(11, 12, 0, 1)
                .row(12, null, null, "研修 15件", "研修 9件", "研修 9件", "研修", "研修");
    }

    private static Grid twoRowHeader() {
        return new Grid()
                .row(0, "Ｒ5年度")
                .row(2, "課名", "総務課\n地域福祉推進課")
                .row(3, "基本目標", "１　市民の暮らしを支える仕組みづくり")
                .row(4, "施策の方向", "（４）権利擁護の推進")
                .row(5, "事業名", "②虐待防止対策")
                .row(6, "指標名", "市民等への啓発及び職員の研修")
                .row(8, "年度", null, "R3年度", "R4年度", "R5年度", "R6年度", "R7年度")
                .row(14, "自己評価", "A　着実に進捗している");
    }

    @Test
    void shouldReadSubLabelsInsideTheYearCellsAsASubLabelColumnGivesThem() {
        // given
        WelfareSheet expected = extract(subLabelColumn()).sheet();

        // when
        WelfareSheetExtractor.Extraction extraction = extract(subLabelInCells());

        // then
        assertThat(extraction.findings()).isEmpty();
        WelfareSheet sheet = extraction.sheet();
        assertThat(sheet.values()).isEqualTo(expected.values());
        assertThat(sheet.blankYears()).isEqualTo(expected.blankYears());
        assertThat(sheet.values(Kind.ACTUAL)).extracting(v -> v.subLabel() + " " + v.fiscalYear() + " " + v.value().raw()
                        + " " + v.value().number() + " " + v.value().unit() + " " + v.cell())
                .containsExactly("啓発 2021 30件 30 件 C12", "啓発 2022 26件 26 件 D12", "啓発 2023 29件 29 件 E12",
                        "研修 2021 15件 15 件 C13", "研修 2022 9件 9 件 D13", "研修 2023 9件 9 件 E13");
        assertThat(sheet.blankYears()).extracting(b -> b.subLabel() + " " + b.fiscalYear() + " " + b.cell())
                .containsExactly("啓発 2024 F12", "啓発 2025 G12", "研修 2024 F13", "研修 2025 G13");
    }

    @Test
    void shouldReadSubLabelsInsideTheYearCellsOfACsvWithTheRowLabelOnTheFirstSubRowOnly() {
        // given: no merges
        Grid csv = subLabelInCells();
        csv.merges.clear();

        // when
        WelfareSheetExtractor.Extraction extraction = extract(csv);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().values()).isEqualTo(extract(subLabelColumn()).sheet().values());
        assertThat(extraction.sheet().blankYears()).isEqualTo(extract(subLabelColumn()).sheet().blankYears());
    }

    @Test
    void shouldReportAYearCellWithAnotherSubLabelAndLoadTheRestOfTheSheet() {
        // given: the 研修 value typed on the 啓発 row in R4
        Grid grid = subLabelInCells().row(9, "目標値", null, "啓発 21件", "研修 9件", "啓発 21件", "啓発 21件", "啓発 21件");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell, Finding::rawText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "unreadable_value", "D10", "研修 9件"));
        assertThat(extraction.findings().get(0).message()).contains("啓発", "not loaded");
        WelfareSheet sheet = extraction.sheet();
        assertThat(sheet.values(Kind.TARGET)).filteredOn(v -> v.fiscalYear() == 2022)
                .extracting(v -> v.subLabel() + " " + v.value().raw()).containsExactly("研修 9件");
        assertThat(sheet.values()).hasSize(extract(subLabelColumn()).sheet().values().size() - 1);
        assertThat(sheet.blankYears()).noneMatch(b -> b.cell().equals("D10"));
    }

    @Test
    void shouldReportASecondRowUnderOneLabelWithoutSubLabelsAndLoadTheFirst() {
        // given: 目標値 merged over two rows, plain values on both
        Grid grid = valid("A　着実に進捗している", "R5年度")
                .row(9, "目標値", null, null, "1回", "1回", "1回", "1回", "1回").merge(9, 10, 0, 2)
                .row(10, null, null, null, "2回", "2回", "2回", "2回", "2回")
                .row(11, "実績値", null, null, "1回")
                .row(12, "評価", null, "A　着実に進捗している");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "unread_row", "D11"));
        assertThat(extraction.sheet().values(Kind.TARGET)).extracting(YearValue::cell)
                .containsExactly("D10", "E10", "F10", "G10", "H10");
    }

    @Test
    void shouldReportAnExcelErrorInAYearCellAndLoadTheRestOfTheSheet() {
        // given
        Grid grid = valid("A　着実に進捗している", "R5年度").row(10, "実績値", null, null, "調査・研究", "#DIV/0!");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::rule, Finding::cell, Finding::rawText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "unreadable_value", "E11", "#DIV/0!"));
        assertThat(extraction.findings().get(0).message()).contains("実績値 R4", "not loaded");
        assertThat(extraction.sheet().values(Kind.ACTUAL)).extracting(YearValue::cell).containsExactly("D11");
        assertThat(extraction.sheet().blankYears()).extracting(WelfareSheet.BlankYear::cell).doesNotContain("E11");
    }

    @Test
    void shouldEndTheTableAtANoteInTheSubLabelColumn() {
        // given: a note under the two sub-rows, in the column of the sub-labels
        Grid grid = subLabelColumn().row(13, null, "※研修は職員向け", "（内部）");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().subLabels()).containsExactly("啓発", "研修");
        assertThat(extraction.sheet().values()).hasSize(16);
    }

    // ---- the grade without the label 評価 ----

    /** The valid sheet without the label 評価: row 12 is given by each test. */
    private static Grid withoutEvaluationLabel() {
        return valid(null, "R5年度").row(11, "進捗状況及び自己評価", null, "計画どおり実施した。").without(12);
    }

    @Test
    void shouldReadTheLoneLetterRightOfTheKeyOfTheGrades() {
        // given
        Grid grid = withoutEvaluationLabel().row(13, null, null, null, null, KEY, null, "Ｃ ");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().evaluation()).isEqualTo(new WelfareSheet.Evaluation("C", "進捗が順調でない", "Ｃ ", "G14"));
    }

    @Test
    void shouldReadTheLoneLetterBelowTheKeyPrintedInThreeCells() {
        // given
        Grid grid = withoutEvaluationLabel()
                .row(13, null, null, null, null, "A　着実に進捗している")
                .row(14, null, null, null, null, "B　ある程度進捗している")
                .row(15, null, null, null, null, "C　進捗が順調でない")
                .row(16, null, null, null, null, "A");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().evaluation()).isEqualTo(new WelfareSheet.Evaluation("A", "着実に進捗している", "A", "E17"));
    }

    @Test
    void shouldReadTheLoneLetterBesideTheLabel進捗状況及び自己評価WithoutAKey() {
        // given: the label merged over two rows, the letter on its second row
        Grid grid = withoutEvaluationLabel().merge(11, 12, 0, 1).row(12, null, null, "B");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().evaluation()).isEqualTo(new WelfareSheet.Evaluation("B", "", "B", "C13"));
    }

    @Test
    void shouldPreferTheLoneLetterNextToTheKey() {
        // given: B next to the key, and an A in another row of 進捗状況及び自己評価
        Grid grid = withoutEvaluationLabel().merge(11, 13, 0, 1)
                .row(12, null, null, "A")
                .row(13, null, null, null, null, "B", KEY);

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().evaluation().code()).isEqualTo("B");
        assertThat(extraction.sheet().evaluation().cell()).isEqualTo("E14");
    }

    @Test
    void shouldRejectTwoDifferentLoneLettersThatAreBothNextToTheKey() {
        // given
        Grid grid = withoutEvaluationLabel().row(13, null, null, null, "A", KEY, "C");

        // when
        Finding error = onlyError(extract(grid));

        // then
        assertThat(error.rule()).isEqualTo("ambiguous_evaluation");
        assertThat(error.cell()).isEqualTo("D14");
        assertThat(error.message()).contains("A and C", "D14, F14");
    }

    @Test
    void shouldRejectASheetWithoutTheLabel評価AndWithoutALoneLetter() {
        // given
        Grid grid = withoutEvaluationLabel().row(13, null, null, null, null, KEY);

        // when
        Finding error = onlyError(extract(grid));

        // then
        assertThat(error.rule()).isEqualTo("missing_evaluation");
        assertThat(error.cell()).isNull();
        assertThat(error.message()).contains("評価", "進捗状況及び自己評価");
    }

    @Test
    void shouldNotTakeTheKeyOfTheGradesOrTheGradeAsTheTextOf進捗状況及び自己評価() {
        // given: nothing written under 進捗状況及び自己評価 but the key and the grade right of it
        Grid grid = withoutEvaluationLabel().row(11, "進捗状況及び自己評価", null, null, null, null, KEY, null, "A");

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().narratives()).isEmpty();
        assertThat(extraction.sheet().evaluation().cell()).isEqualTo("H12");
    }

    @Test
    void shouldTakeTheWordingOfABareLetterRightOf評価FromTheKey() {
        // given
        Grid grid = valid("Ｂ", "R5年度").row(12, "評価", null, "Ｂ", null, null, KEY);

        // when
        WelfareSheetExtractor.Extraction extraction = extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().evaluation()).isEqualTo(new WelfareSheet.Evaluation("B", "ある程度進捗している", "Ｂ", "C13"));
    }

    @Test
    void shouldRecognizeOnlyWelfareSheets() {
        assertThat(WelfareSheetExtractor.recognizes(valid("A", "R5年度").build())).isTrue();
        assertThat(WelfareSheetExtractor.recognizes(new Grid().row(0, "担当課", "人権庶務課").row(1, "施策を構成する事務事業名").build()))
                .isFalse();
        assertThat(WelfareOverviewExtractor.recognizes(valid("A", "R5年度").build())).isFalse();
    }
}
