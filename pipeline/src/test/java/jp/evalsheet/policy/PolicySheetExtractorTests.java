package jp.evalsheet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.policy.PolicySheet.CostBasis;

/** The 施策評価シート extractor on small sheets typed the ways departments type them. */
class PolicySheetExtractorTests {

    private final PolicySheetExtractor extractor = new PolicySheetExtractor();

    @Test
    void shouldReadAWellFormedSheet() {
        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(validSheet()));

        // then
        assertThat(extraction.findings()).isEmpty();
        PolicySheet sheet = extraction.sheet();
        assertThat(sheet.policyCode()).isEqualTo("611");
        assertThat(sheet.policyName()).isEqualTo("人権教育・啓発活動");
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2022);
        assertThat(sheet.departmentName()).isEqualTo("人権庶務課");
        assertThat(sheet.relatedDepartments()).containsExactly("教育指導課", "生涯学習・スポーツ課");
        assertThat(sheet.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.name()).isEqualTo("参加者数");
            assertThat(indicator.unit()).isEqualTo("人");
            assertThat(indicator.values()).extracting(v -> v.fiscalYear() + " " + v.kind() + " " + v.value().raw() + " " + v.cell())
                    .containsExactly("2020 ACTUAL 50 B9", "2021 ACTUAL 210 C9", "2022 FORECAST 368 D9", "2025 TARGET 630 E9");
        });
        assertThat(sheet.ratings()).extracting(r -> r.kind() + " " + r.rating().value() + " " + r.rating().label() + " " + r.cell())
                .containsExactly("progress 3 おおむね順調 A14", "necessity 4 社会的なニーズは増加傾向にある A17");
        assertThat(sheet.projects()).extracting(p -> p.rowNumber() + " " + p.name() + " " + p.relisted() + " " + p.direction())
                .containsExactly("1 教育指導支援事業 true 継続", "2 人権啓発推進事業 false 拡充");
        assertThat(sheet.projects().get(1).costs()).extracting(c -> c.fiscalYear() + " " + c.basis() + " " + c.value().number())
                .containsExactly("2020 SETTLED 10059", "2021 SETTLED 5113", "2022 FORECAST 6717");
        assertThat(sheet.printedTotals()).extracting(t -> t.kind() + " " + t.fiscalYear() + " " + t.value().number() + " " + t.cell())
                .containsExactly("total 2020 10059 C25", "total 2021 5113 D25", "total 2022 6717 E25",
                        "trend 2020 10059 B28", "trend 2021 5113 C28", "trend 2022 6717 D28");
        assertThat(sheet.narratives()).extracting(n -> n.key() + " " + n.text())
                .containsExactly("target_state 差別のない社会", "implementation 研修会を開催した。", "progress_basis 目標を下回った。",
                        "necessity_reason ニーズは高まっている。", "summary 着実に実施する。");
    }

    @Test
    void shouldReadTheCodeAndNameTypedInOneCellAndSpacedEraLabels() {
        // given
        List<String[]> rows = validSheet();
        rows.set(2, row("611　人権教育・啓発活動"));
        rows.set(7, row("", "R 2 年度実績", "R 3 年度実績", "R 4 年度見込み", "最終年度目標 (R 7 年度)"));

        // when
        PolicySheet sheet = extractor.extract(grid(rows)).sheet();

        // then
        assertThat(sheet.policyCode()).isEqualTo("611");
        assertThat(sheet.policyName()).isEqualTo("人権教育・啓発活動");
        assertThat(sheet.indicators().get(0).values()).hasSize(4);
    }

    @Test
    void shouldReadTheYearOverYearBlockPrintedDownAColumn() {
        // given
        List<String[]> rows = new ArrayList<>(validSheet().subList(0, 26));
        rows.add(row("", "R2年度", "10,059"));
        rows.add(row("", "R3年度", "5,113"));
        rows.add(row("", "R4年度(見込み)", "6,717"));

        // when
        PolicySheet sheet = extractor.extract(grid(rows)).sheet();

        // then
        assertThat(sheet.printedTotals()).filteredOn(t -> t.kind().equals("trend"))
                .extracting(t -> t.fiscalYear() + " " + t.basis() + " " + t.value().number() + " " + t.cell())
                .containsExactly("2020 SETTLED 10059 C27", "2021 SETTLED 5113 C28", "2022 FORECAST 6717 C29");
    }

    @Test
    void shouldTakeTheEvaluationYearFromTheForecastColumn() {
        // given
        List<String[]> rows = validSheet();
        rows.set(20, row("", "", "R3決算", "R4決算", "R5決算見込み"));

        // when
        PolicySheet sheet = extractor.extract(grid(rows)).sheet();

        // then
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2023);
        assertThat(sheet.projects().get(1).costs()).extracting(PolicySheet.ProjectCost::basis)
                .containsExactly(CostBasis.SETTLED, CostBasis.SETTLED, CostBasis.FORECAST);
    }

    @Test
    void shouldRejectTheSheetWhenItsOnlyOwnProjectHasATextCost() {
        // given the policy's only project of its own (the other is 【再掲】): without it nothing of its cost is left
        List<String[]> rows = validSheet();
        rows.set(22, row("2", "人権啓発推進事業", "10,059", "約5千", "6,717", "拡充"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.sheetName()).isEqualTo("施策611");
            assertThat(finding.cell()).isEqualTo("D23");
            assertThat(finding.rule()).isEqualTo("cost_not_a_number");
            assertThat(finding.message()).contains("expected a cost in thousand yen");
            assertThat(finding.rawText()).isEqualTo("約5千");
        });
    }

    @Test
    void shouldRejectTheSheetWhenACostIsNegative() {
        // given
        List<String[]> rows = validSheet();
        rows.set(22, row("2", "人権啓発推進事業", "-10,059", "5,113", "6,717", "拡充"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::cell, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C23", "negative_cost"));
    }

    @Test
    void shouldRejectAnAbsurdCostOfMoreThanOneHundredBillionYen() {
        // given a cost typed in yen instead of thousand yen
        List<String[]> rows = validSheet();
        rows.set(22, row("2", "人権啓発推進事業", "10,059", "5,113,000,000", "6,717", "拡充"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.cell()).isEqualTo("D23");
            assertThat(finding.rule()).isEqualTo("absurd_cost");
            assertThat(finding.message()).contains("at most 100,000,000 (100 billion yen)").contains("thousand yen, not yen");
            assertThat(finding.rawText()).isEqualTo("5,113,000,000");
        });
    }

    @Test
    void shouldRejectACostInTenThousandYenButAcceptOneMarkedInThousandYen() {
        // given
        List<String[]> rows = validSheet();
        rows.set(22, row("2", "人権啓発推進事業", "10,059千円", "511万円", "6,717", "拡充"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then 511万円 is 5,110 thousand yen, not 511
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo("D23");
            assertThat(finding.rule()).isEqualTo("cost_unit_not_thousand_yen");
            assertThat(finding.message()).isEqualTo("expected a cost in thousand yen (千円) such as 10,059, found one in 万円; "
                    + "convert it to thousand yen");
            assertThat(finding.rawText()).isEqualTo("511万円");
        });
    }

    @Test
    void shouldAcceptACostOfExactlyOneHundredBillionYen() {
        // given
        List<String[]> rows = validSheet();
        rows.set(22, row("2", "人権啓発推進事業", "10,059", "100,000,000", "6,717", "拡充"));
        rows.set(24, row("計（単位：千円）", "", "10,059", "100,000,000", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().projects().get(1).costs().get(1).value().number()).isEqualByComparingTo("100000000");
    }

    @Test
    void shouldRejectAnIndicatorYearColumnWhoseEraCannotBeRead() {
        // given
        List<String[]> rows = validSheet();
        rows.set(7, row("", "R2年度実績", "R3年度実績", "Q4年度見込み", "最終年度目標 (R7年度)"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then the column is not dropped silently
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo("D8");
            assertThat(finding.rule()).isEqualTo("invalid_year_header");
            assertThat(finding.message()).contains("expected an era fiscal year such as R4").contains("found Q4年度見込み");
            assertThat(finding.rawText()).isEqualTo("Q4年度見込み");
        });
    }

    @Test
    void shouldRejectACostColumnOfYearZero() {
        // given
        List<String[]> rows = validSheet();
        rows.set(20, row("", "", "R0決算", "R3決算", "R4決算見込み"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::cell, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C21", "invalid_year_header"));
    }

    @Test
    void shouldRejectARatingWithoutACircledDigit() {
        // given
        List<String[]> rows = validSheet();
        rows.set(13, row("1 2 3 4 … おおむね順調"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo("A14");
            assertThat(finding.rule()).isEqualTo("invalid_rating");
            assertThat(finding.message()).startsWith("3 進捗状況: expected exactly one circled digit");
        });
    }

    @Test
    void shouldRejectASheetWithoutItsOwningDepartment() {
        // given
        List<String[]> rows = validSheet();
        rows.set(3, row("所管", "人権庶務課"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule).containsExactly("missing_label");
        assertThat(extraction.findings().get(0).message()).contains("担当課");
    }

    @Test
    void shouldRecognizeATitledSheetThatLostItsOwningDepartmentLabelAndRejectIt() {
        // given
        List<String[]> rows = validSheet();
        rows.set(3, row("", "", "関連課", "教育指導課"));

        // when
        boolean recognized = PolicySheetExtractor.recognizes(grid(rows));
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(recognized).isTrue();
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isNull();
            assertThat(finding.rule()).isEqualTo("missing_label");
            assertThat(finding.message()).contains("expected the label 担当課");
        });
    }

    @Test
    void shouldRejectABlankOwningDepartmentInsteadOfReadingTheNextLabelAsIt() {
        // given 担当課 is there but its value is blank, so 関連課 stands right of it
        List<String[]> rows = validSheet();
        rows.set(3, row("担当課", "", "関連課", "教育指導課"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo("B4");
            assertThat(finding.rule()).isEqualTo("missing_department");
            assertThat(finding.message()).isEqualTo("expected the name of the owning department right of 担当課");
        });
    }

    @Test
    void shouldRecognizeATitledSheetWithoutItsProjectTableAndRejectIt() {
        // given
        List<String[]> rows = new ArrayList<>(validSheet().subList(0, 18));
        rows.add(row("9 所管部の総括"));
        rows.add(row("着実に実施する。"));

        // when
        boolean recognized = PolicySheetExtractor.recognizes(grid(rows));
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(recognized).isTrue();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing_label",
                        "expected the table 5 施策構成事務事業 with the columns 事務事業名, R?決算 and 今後の方向性"));
    }

    @Test
    void shouldRejectASheetWithoutTheProjectTable() {
        // given
        List<String[]> rows = new ArrayList<>(validSheet().subList(0, 18));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::message)
                .anySatisfy(message -> assertThat(message).contains("5 施策構成事務事業"));
    }

    @Test
    void shouldSkipAnIndicatorSlotPrintedAsADash() {
        // given
        List<String[]> rows = validSheet();
        rows.add(10, row("指標 2", "—"));
        rows.add(11, row("", "—"));
        rows.add(12, row("", "R2年度実績", "R3年度実績", "R4年度見込み", "最終年度目標 (R7年度)"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().indicators()).extracting(PolicySheet.Indicator::number).containsExactly(1);
    }

    @Test
    void shouldWarnAboutAFormulaWithoutACachedValueAndLoadTheRest() {
        // given
        SheetGrid.Builder builder = builder(validSheet());
        builder.cell(new GridCell(24, 2, "", null, "SUM(C22:C23)"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(builder.build());

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.cell()).isEqualTo("C25");
            assertThat(finding.rule()).isEqualTo("formula_without_cached_value");
        });
        assertThat(extraction.sheet().printedTotals().get(0).value().number()).isNull();
    }

    // ---------------------------------------------------------------- 経年変化 in the layouts departments use

    @Test
    void shouldReadTheTrendWhenTheYearsStandOnTheLabelsOwnRow() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化 単位：千円", "R2年度", "R3年度", "R4年度(見込み)"),
                row("", "10,059", "5,113", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 B27", "2021 SETTLED 5113 C27", "2022 FORECAST 6717 D27");
    }

    @Test
    void shouldReadTheTrendWhenEachTotalStandsBesideItsYearOnTheLabelsRow() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化", "R2決算", "10,059", "R3決算", "5,113", "R4決算見込み", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 C26", "2021 SETTLED 5113 E26", "2022 FORECAST 6717 G26");
    }

    @Test
    void shouldReadTheTrendWhenTheYearsStandOnTheRowAboveTheLabel() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("", "R2年度", "R3年度", "R4年度(見込み)"),
                row("総コスト（事業費+人件費）の経年変化（単位：千円）", "10,059", "5,113", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then the row of years is not a project either
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 B27", "2021 SETTLED 5113 C27", "2022 FORECAST 6717 D27");
        assertThat(extraction.sheet().projects()).hasSize(2);
    }

    @Test
    void shouldReadTheTrendWhenTheYearsInReiwaAndFullWidthStandOnTheLabelsRow() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費＋人件費）の\n経年変化　単位：千円", "令和２年度", "令和3年度決算", "Ｒ４年度（見込み）"),
                row("", "１０，０５９", "5,113", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 B27", "2021 SETTLED 5113 C27", "2022 FORECAST 6717 D27");
    }

    @Test
    void shouldReadTheTrendDownAColumnWhenEachTotalStandsBelowItsYear() {
        // given the block as sheet 654 prints it
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化 単位：千円"),
                row("", "R2年度"),
                row("", "10,059"),
                row("", "R3年度"),
                row("", "5,113"),
                row("", "R4年度(見込み)"),
                row("", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 B28", "2021 SETTLED 5113 B30", "2022 FORECAST 6717 B32");
    }

    @Test
    void shouldReadTheTrendDownAColumnFromTheLabelsRowAndIgnoreANoteThatNamesAYear() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化", "R2年度", "10,059"),
                row("", "R3年度", "5,113"),
                row("", "R4年度(見込み)", "6,717"),
                row("※R4年度は決算見込み"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(trend(extraction.sheet()))
                .containsExactly("2020 SETTLED 10059 C26", "2021 SETTLED 5113 C27", "2022 FORECAST 6717 C28");
    }

    @Test
    void shouldWarnAndRecordNoBlankWhenAYearOfTheTrendHasNoTotal() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化"),
                row("", "R2年度", "10,059"),
                row("", "R3年度"),
                row("", "R4年度(見込み)", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.cell()).isEqualTo("C28");
            assertThat(finding.rule()).isEqualTo("missing_trend_total");
            assertThat(finding.message()).isEqualTo("expected the printed 経年変化 total of R3年度 in thousand yen here, "
                    + "beside or below its year; none was found, so it was not loaded");
        });
        assertThat(trend(extraction.sheet())).containsExactly("2020 SETTLED 10059 C27", "2022 FORECAST 6717 C29");
    }

    @Test
    void shouldWarnForEveryYearWhenTheTrendPrintsItsYearsButNoTotals() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化"),
                row("", "R2年度", "R3年度", "R4年度(見込み)"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::cell, Finding::rule).containsExactly(
                tuple(Finding.Severity.WARNING, "B28", "missing_trend_total"),
                tuple(Finding.Severity.WARNING, "C28", "missing_trend_total"),
                tuple(Finding.Severity.WARNING, "D28", "missing_trend_total"));
        assertThat(trend(extraction.sheet())).isEmpty();
    }

    @Test
    void shouldWarnWhenTheTrendLabelStandsWithoutYears() {
        // given
        List<String[]> rows = sheetWithTrend(row("総コスト（事業費+人件費）の経年変化 単位：千円"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.cell()).isEqualTo("A26");
            assertThat(finding.rule()).isEqualTo("missing_trend_years");
            assertThat(finding.message()).isEqualTo("expected the years (R2年度, R3年度, R4年度(見込み)) with their totals "
                    + "beside or below the label 総コスト（事業費+人件費）の経年変化 単位：千円; none was found, "
                    + "so the printed 経年変化 was not loaded");
        });
        assertThat(trend(extraction.sheet())).isEmpty();
    }

    @Test
    void shouldWarnAndLeaveOutATrendTotalThatIsNotACost() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化"),
                row("", "R2年度", "R3年度", "R4年度(見込み)"),
                row("", "10,059", "約5千", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(finding.cell()).isEqualTo("C28");
            assertThat(finding.rule()).isEqualTo("cost_not_a_number");
            assertThat(finding.message()).isEqualTo("expected a cost in thousand yen such as 10,059, or - for none; "
                    + "this 経年変化 figure was not loaded");
            assertThat(finding.rawText()).isEqualTo("約5千");
        });
        assertThat(trend(extraction.sheet())).containsExactly("2020 SETTLED 10059 B28", "2022 FORECAST 6717 D28");
    }

    @Test
    void shouldWarnAndLeaveOutATrendYearWhoseEraCannotBeRead() {
        // given
        List<String[]> rows = sheetWithTrend(
                row("総コスト（事業費+人件費）の経年変化"),
                row("", "R2年度", "R3年度", "Q4年度(見込み)"),
                row("", "10,059", "5,113", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::cell, Finding::rule).containsExactly(
                tuple(Finding.Severity.WARNING, "D27", "invalid_year_header"));
        assertThat(trend(extraction.sheet())).containsExactly("2020 SETTLED 10059 B28", "2021 SETTLED 5113 C28");
    }

    // ---------------------------------------------------------------- where the project table ends

    @Test
    void shouldEndTheProjectRowsAtIkaYohakuAndStillReadTheTotalRow() {
        // given
        List<String[]> rows = validSheet();
        rows.set(23, row("", "（以下余白）"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().projects()).extracting(PolicySheet.Project::name)
                .containsExactly("教育指導支援事業", "人権啓発推進事業");
        assertThat(extraction.sheet().printedTotals()).filteredOn(t -> t.kind().equals("total"))
                .extracting(PolicySheet.PrintedTotal::cell).containsExactly("C25", "D25", "E25");
    }

    @ParameterizedTest
    @ValueSource(strings = {"（以下余白）", "以下余白", "※【再掲】の事務事業は他の施策で計上しているため、総コストは「-」",
            "（注）総コストは千円未満を四捨五入", "(注) 総コストは千円未満を四捨五入"})
    void shouldEndTheProjectRowsAtARowStartingWithANoteOrIkaYohaku(String first) {
        // given a note, then a line of it that stands in the name column
        List<String[]> rows = validSheet();
        rows.set(23, row(first));
        rows.add(24, row("", "の内訳は別表のとおり"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().projects()).extracting(PolicySheet.Project::name)
                .containsExactly("教育指導支援事業", "人権啓発推進事業");
        assertThat(extraction.sheet().printedTotals()).filteredOn(t -> t.kind().equals("total")).hasSize(3);
    }

    @Test
    void shouldSkipBlankRowsAndTheHeaderRepeatedAfterAPageBreak() {
        // given
        List<String[]> rows = validSheet();
        rows.set(22, row());
        rows.add(23, row("番号", "施策を構成する事務事業名", "総コスト（事業費+人件費 単位：千円）", "", "", "今後の方向性※"));
        rows.add(24, row("", "", "R2決算", "R3決算", "R4決算見込み"));
        rows.add(25, row());
        rows.add(26, row("2", "人権啓発推進事業", "10,059", "5,113", "6,717", "拡充"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().projects()).extracting(p -> p.rowNumber() + " " + p.name() + " " + p.cell())
                .containsExactly("1 教育指導支援事業 B22", "2 人権啓発推進事業 B27");
    }

    @Test
    void shouldReadAProjectWhoseNameStartsWithKeiAsAProjectNotAsTheTotalRow() {
        // given a row without its number, so that the name is its first cell
        List<String[]> rows = validSheet();
        rows.set(23, row("", "計画推進事業", "1", "2", "3", "継続"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().projects()).extracting(PolicySheet.Project::name)
                .containsExactly("教育指導支援事業", "人権啓発推進事業", "計画推進事業");
        assertThat(extraction.sheet().printedTotals()).filteredOn(t -> t.kind().equals("total"))
                .extracting(PolicySheet.PrintedTotal::cell).containsExactly("C25", "D25", "E25");
    }

    // ---------------------------------------------------------------- a bad cost costs its cell

    @Test
    void shouldLoadTheSheetWithoutACostThatIsTextWhenTheOtherProjectsAreSound() {
        // given three projects of the policy's own, one with text for a cost
        List<String[]> rows = validSheet();
        rows.set(23, row("3", "市民相談事業", "5,650", "約7千", "7,513", "継続"));
        rows.add(24, row("4", "広報事業", "1", "2", "3", "継続"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.rejectsSheet()).isFalse();
            assertThat(finding.sheetName()).isEqualTo("施策611");
            assertThat(finding.cell()).isEqualTo("D24");
            assertThat(finding.rule()).isEqualTo("cost_not_a_number");
            assertThat(finding.message()).isEqualTo("expected a cost in thousand yen such as 10,059, or - for none; "
                    + "this cost of 市民相談事業 was not loaded, the rest of the sheet was");
            assertThat(finding.rawText()).isEqualTo("約7千");
        });
        assertThat(extraction.sheet().projects()).extracting(p -> p.rowNumber() + " " + p.name())
                .containsExactly("1 教育指導支援事業", "2 人権啓発推進事業", "3 市民相談事業", "4 広報事業");
        assertThat(extraction.sheet().projects().get(2).costs()).extracting(c -> c.fiscalYear() + " " + c.value().raw())
                .containsExactly("2020 5,650", "2022 7,513");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#REF!", "#N/A", "#DIV/0!"})
    void shouldReportASpreadsheetErrorInAnIndicatorCellAndLoadTheOtherValues(String error) {
        // given the R3 actual of 指標 1 shows a broken formula's error value
        List<String[]> rows = validSheet();
        rows.set(8, row("", "50", error, "368", "630"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("excel_error_value");
            assertThat(finding.isError()).isTrue();
            assertThat(finding.rejectsSheet()).isFalse();
            assertThat(finding.cell()).isEqualTo("C9");
            assertThat(finding.rawText()).isEqualTo(error);
            assertThat(finding.message()).contains(error, "not loaded");
        });
        assertThat(extraction.sheet().indicators().get(0).values()).extracting(v -> v.value().raw())
                .containsExactly("50", "368", "630");
    }

    @Test
    void shouldLoadTheSheetWithoutATextCostOfARelistedRow() {
        // given the 【再掲】 row, never summed, has text; the policy's one own project is sound
        List<String[]> rows = validSheet();
        rows.set(21, row("1", "教育指導支援事業【再掲】", "-", "再掲のため省略", "-", "継続"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::rejectsSheet, Finding::cell, Finding::rule).containsExactly(
                tuple(false, "D22", "cost_not_a_number"));
        assertThat(extraction.sheet().projects().get(0).costs()).extracting(PolicySheet.ProjectCost::cell)
                .containsExactly("C22", "E22");
    }

    @Test
    void shouldRejectTheSheetWhenMoreThanHalfOfItsOwnProjectsHaveUnusableCosts() {
        // given two of three own projects are bad: a column typed in 万円 is not one slip
        List<String[]> rows = validSheet();
        rows.set(23, row("3", "市民相談事業", "565万円", "739万円", "751万円", "継続"));
        rows.add(24, row("4", "広報事業", "-1", "2", "3", "継続"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::cell, Finding::rule).containsExactly(
                tuple(Finding.Severity.ERROR, "C24", "cost_unit_not_thousand_yen"),
                tuple(Finding.Severity.ERROR, "D24", "cost_unit_not_thousand_yen"),
                tuple(Finding.Severity.ERROR, "E24", "cost_unit_not_thousand_yen"),
                tuple(Finding.Severity.ERROR, "C25", "negative_cost"));
        assertThat(extraction.findings().get(0).message())
                .isEqualTo("expected a cost in thousand yen (千円) such as 10,059, found one in 万円; convert it to thousand yen");
    }

    @Test
    void shouldLeaveOutATotalRowCellThatIsNotACostAsARowError() {
        // given
        List<String[]> rows = validSheet();
        rows.set(24, row("計（単位：千円）", "", "10,059", "約5千", "6,717"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(finding.rejectsSheet()).isFalse();
            assertThat(finding.cell()).isEqualTo("D25");
            assertThat(finding.message()).endsWith("; this 計 figure was not loaded");
        });
        assertThat(extraction.sheet().printedTotals()).filteredOn(t -> t.kind().equals("total"))
                .extracting(PolicySheet.PrintedTotal::cell).containsExactly("C25", "E25");
    }

    @Test
    void shouldStillRejectASheetWithoutItsPolicyCode() {
        // given
        List<String[]> rows = validSheet();
        rows.set(2, row("人権教育・啓発活動"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::severity, Finding::cell, Finding::rule).containsExactly(
                tuple(Finding.Severity.ERROR, null, "missing_label"));
        assertThat(extraction.findings().get(0).message()).contains("expected the policy code and name");
    }

    // ---------------------------------------------------------------- ratings, code, target state and indicators laid out otherwise

    @Test
    void shouldReadARatingWhoseStepsStandInCellsOfTheirOwn() {
        // given
        List<String[]> rows = validSheet();
        rows.set(13, row("1", "2", "③", "4", "…", "おおむね順調"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().ratings().get(0)).satisfies(rating -> {
            assertThat(rating.rating().value()).isEqualTo(3);
            assertThat(rating.rating().label()).isEqualTo("おおむね順調");
            assertThat(rating.cell()).isEqualTo("C14");
        });
    }

    @Test
    void shouldReadARatingCircledAloneWithItsLabelBeside() {
        // given
        List<String[]> rows = validSheet();
        rows.set(13, row("評価", "", "③", "おおむね順調"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().ratings()).extracting(r -> r.kind() + " " + r.rating().value() + " " + r.rating().label() + " " + r.cell())
                .containsExactly("progress 3 おおむね順調 C14", "necessity 4 社会的なニーズは増加傾向にある A17");
    }

    @Test
    void shouldReadARatingTypedAsABareDigitRightOfItsLabel() {
        // given
        List<String[]> rows = validSheet();
        rows.set(16, row("評価", "4", "社会的なニーズは増加傾向にある"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().ratings()).extracting(r -> r.kind() + " " + r.rating().value() + " " + r.rating().label() + " " + r.cell())
                .containsExactly("progress 3 おおむね順調 A14", "necessity 4 社会的なニーズは増加傾向にある B17");
    }

    @Test
    void shouldRejectARatingWithTwoStepsCircledInCellsOfTheirOwn() {
        // given
        List<String[]> rows = validSheet();
        rows.set(13, row("1", "②", "③", "4", "…", "おおむね順調"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo("B14");
            assertThat(finding.rule()).isEqualTo("invalid_rating");
            assertThat(finding.message()).startsWith("3 進捗状況: expected exactly one circled digit").contains("found 2");
        });
    }

    @Test
    void shouldRejectABareDigitWithoutItsRatingLabel() {
        // given a 3 that might be anything: no circle, no 評価 left of it
        List<String[]> rows = validSheet();
        rows.set(13, row("3", "おおむね順調"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::cell, Finding::rule).containsExactly(tuple("A13", "missing_rating"));
    }

    @Test
    void shouldReadTheCodeAndNameFromRowsOfTheirOwnLabels() {
        // given
        List<String[]> rows = validSheet();
        rows.set(2, row("施策番号", "611"));
        rows.add(3, row("施策名", "人権教育・啓発活動"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().policyCode()).isEqualTo("611");
        assertThat(extraction.sheet().policyName()).isEqualTo("人権教育・啓発活動");
        assertThat(extraction.sheet().codeCell().cell()).isEqualTo("B3");
    }

    @Test
    void shouldReadTheTargetStateFromTheRowBelowItsLabel() {
        // given
        List<String[]> rows = validSheet();
        rows.set(4, row("目指す姿"));
        rows.add(5, row("差別のない社会"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().targetState().cell()).isEqualTo("A6");
        assertThat(extraction.sheet().narratives()).first()
                .satisfies(n -> assertThat(n.key() + " " + n.text() + " " + n.cell()).isEqualTo("target_state 差別のない社会 A6"));
    }

    @Test
    void shouldNotTakeTheNextSectionForTheTargetStateWhenItIsLeftBlank() {
        // given
        List<String[]> rows = validSheet();
        rows.set(4, row("目指す姿"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().targetState().rawText()).isEmpty();
        assertThat(extraction.sheet().narratives()).extracting(PolicySheet.Narrative::key).doesNotContain("target_state");
    }

    @Test
    void shouldReadIndicatorsPrintedAsOneTableWithTheUnitInAColumnOfItsOwn() {
        // given
        List<String[]> rows = validSheet();
        rows.set(5, row("指標", "指標名", "単位", "指標の定義", "R2年度実績", "R3年度実績", "R4年度見込み", "最終年度目標 (R7年度)"));
        rows.set(6, row("1", "参加者数", "人", "研修会などの年間参加者数", "50", "210", "368", "630"));
        rows.set(7, row("2", "フォロワー数（累計）", "人", "公式アカウントのフォロワー数", "12,385", "13,152", "13,618", "14,200",
                "【まち・ひと・しごと】"));
        rows.set(8, row("3", "—"));

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().indicators())
                .extracting(i -> i.number() + " " + i.name() + " " + i.unit() + " " + i.definition() + " " + i.mhsTag()
                        + " " + i.cumulative() + " " + i.cell())
                .containsExactly("1 参加者数 人 研修会などの年間参加者数 null false B7",
                        "2 フォロワー数（累計） 人 公式アカウントのフォロワー数 【まち・ひと・しごと】 true B8");
        assertThat(extraction.sheet().indicators().get(1).values())
                .extracting(v -> v.fiscalYear() + " " + v.kind() + " " + v.value().number() + " " + v.cell())
                .containsExactly("2020 ACTUAL 12385 E8", "2021 ACTUAL 13152 F8", "2022 FORECAST 13618 G8", "2025 TARGET 14200 H8");
    }

    @Test
    void shouldRejectAnIndicatorTableYearColumnWhoseEraCannotBeRead() {
        // given
        List<String[]> rows = validSheet();
        rows.set(5, row("指標", "指標名", "単位", "指標の定義", "R2年度実績", "R3年度実績", "Q4年度見込み", "最終年度目標 (R7年度)"));
        rows.set(6, row("1", "参加者数", "人", "研修会などの年間参加者数", "50", "210", "368", "630"));
        rows.set(7, row());
        rows.set(8, row());

        // when
        PolicySheetExtractor.Extraction extraction = extractor.extract(grid(rows));

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(extraction.findings()).extracting(Finding::cell, Finding::rule).containsExactly(tuple("G6", "invalid_year_header"));
    }

    @Test
    void shouldRecognizeOnlyPolicySheets() {
        assertThat(PolicySheetExtractor.recognizes(grid(validSheet()))).isTrue();
        assertThat(PolicySheetExtractor.recognizes(grid(List.of(row("記入要領"), row("担当課は正式名称で記入すること")))))
                .isFalse();
        assertThat(PolicySheetExtractor.recognizes(grid(List.of(row("施策評価シート"), row("3 進捗状況")))))
                .as("a title and one heading are not enough").isFalse();
    }

    /** A small but complete sheet; row indexes in comments are zero-based. */
    private static List<String[]> validSheet() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("施策評価シート"));                                                       // 0
        rows.add(row());                                                                       // 1
        rows.add(row("611", "人権教育・啓発活動"));                                            // 2
        rows.add(row("担当課", "人権庶務課", "関連課", "教育指導課、生涯学習・スポーツ課"));   // 3
        rows.add(row("目指す姿", "差別のない社会"));                                            // 4
        rows.add(row("指標 1", "参加者数（人）"));                                              // 5
        rows.add(row("", "研修会などの年間参加者数"));                                          // 6
        rows.add(row("", "R2年度実績", "R3年度実績", "R4年度見込み", "最終年度目標 (R7年度)")); // 7
        rows.add(row("", "50", "210", "368", "630"));                                          // 8
        rows.add(row("1 実施内容"));                                                           // 9
        rows.add(row("研修会を開催した。"));                                                   // 10
        rows.add(row());                                                                       // 11
        rows.add(row("3 進捗状況"));                                                           // 12
        rows.add(row("1 2 ③ 4 … おおむね順調"));                                               // 13
        rows.add(row("【判断の根拠】", "目標を下回った。"));                                    // 14
        rows.add(row("4 必要性"));                                                             // 15
        rows.add(row("1 2 3 ④ … 社会的なニーズは増加傾向にある"));                             // 16
        rows.add(row("ニーズは高まっている。"));                                               // 17
        rows.add(row("5 施策構成事務事業の優先度評価"));                                       // 18
        rows.add(row("番号", "施策を構成する事務事業名", "総コスト（事業費+人件費 単位：千円）", "", "", "今後の方向性※")); // 19
        rows.add(row("", "", "R2決算", "R3決算", "R4決算見込み"));                              // 20
        rows.add(row("1", "教育指導支援事業【再掲】", "-", "-", "-", "継続"));                 // 21
        rows.add(row("2", "人権啓発推進事業", "10,059", "5,113", "6,717", "拡充"));            // 22
        rows.add(row("3"));                                                                    // 23
        rows.add(row("計（単位：千円）", "", "10,059", "5,113", "6,717"));                      // 24
        rows.add(row("総コスト（事業費+人件費）の経年変化 単位：千円"));                        // 25
        rows.add(row("", "R2年度", "R3年度", "R4年度(見込み)"));                                // 26
        rows.add(row("", "10,059", "5,113", "6,717"));                                          // 27
        rows.add(row("9 所管部の総括"));                                                       // 28
        rows.add(row("着実に実施する。"));                                                     // 29
        return rows;
    }

    /** The valid sheet with its 経年変化 block (zero-based rows 25 to 27) replaced by {@code trend}, from row 25 on. */
    private static List<String[]> sheetWithTrend(String[]... trend) {
        List<String[]> rows = new ArrayList<>(validSheet().subList(0, 25));
        rows.addAll(List.of(trend));
        rows.addAll(validSheet().subList(28, 30));
        return rows;
    }

    /** The 経年変化 totals read: year, basis, figure and cell. */
    private static List<String> trend(PolicySheet sheet) {
        return sheet.printedTotals().stream().filter(t -> t.kind().equals("trend"))
                .map(t -> t.fiscalYear() + " " + t.basis() + " " + t.value().number() + " " + t.cell()).toList();
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static SheetGrid grid(List<String[]> rows) {
        return builder(rows).build();
    }

    private static SheetGrid.Builder builder(List<String[]> rows) {
        SheetGrid.Builder builder = SheetGrid.builder("施策611");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                builder.cell(new GridCell(r, c, rows.get(r)[c], null, null));
            }
        }
        return builder;
    }
}
