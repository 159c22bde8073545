package jp.evalsheet.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.extract.Located;
import jp.evalsheet.extract.Finding;
import jp.evalsheet.grid.CellRange;
import jp.evalsheet.grid.GridCell;
import jp.evalsheet.grid.SheetGrid;
import jp.evalsheet.grid.WorkbookReaders;
import jp.evalsheet.policy.PolicySheetExtractor;
import jp.evalsheet.samples.StrategySampleWorkbooks;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.strategy.StrategySheet.Goal;
import jp.evalsheet.strategy.StrategySheet.Kpi;
import jp.evalsheet.strategy.StrategySheet.Measure;
import jp.evalsheet.strategy.StrategySheet.Narrative;
import jp.evalsheet.strategy.StrategySheet.NumericTarget;
import jp.evalsheet.strategy.StrategySheet.StatusCell;
import jp.evalsheet.strategy.StrategySheet.ValueKind;
import jp.evalsheet.strategy.StrategySheet.YearValue;
import jp.evalsheet.value.JapaneseText;
import jp.evalsheet.value.ParsedValue;

/**
 * The 総合戦略 効果検証 sheets of {@code input/} (基本目標1, 2 as .xlsx, 3 as .xls, 4 as a CP932 CSV),
 * checked value by value against the truth tables of seed 000; the same four sheets in every format
 * read the same; and small grids for each way a sheet is rejected.
 */
class StrategySheetExtractorTests {

    private static final List<String> ACTUAL_YEARS = List.of("R2", "R3", "R4", "R5", "R6");
    private static final Map<String, Integer> BASELINE_YEARS = Map.of("H28", 2016, "H27", 2015, "R元", 2019, "R1", 2019);
    private static final Path FORMATS = Path.of("pipeline/src/test/resources/fixtures/strategy/formats");

    private final StrategySheetExtractor extractor = new StrategySheetExtractor();

    /** The extraction of each input file, by basic goal number. */
    private static final Map<Integer, StrategySheetExtractor.Extraction> INPUT = new TreeMap<>();

    @BeforeAll
    static void readInput() throws Exception {
        for (Path file : strategyFiles(Path.of("input"))) {
            List<SheetGrid> sheets = read(file);
            assertThat(sheets).as(file.toString()).hasSize(1);
            StrategySheetExtractor.Extraction extraction = new StrategySheetExtractor().extract(sheets.get(0));
            assertThat(extraction.sheet()).as(file + ": " + extraction.findings()).isNotNull();
            INPUT.put(extraction.sheet().basicGoalNumber(), extraction);
        }
    }

    // --- the input files against the truth tables ---

    @Test
    void shouldReadOneSheetPerBasicGoalInEveryFormatOfTheInputWithoutFindings() throws Exception {
        assertThat(strategyFiles(Path.of("input"))).extracting(p -> p.getFileName().toString()).containsExactly(
                "R6_総合戦略効果検証_基本目標1.xlsx", "R6_総合戦略効果検証_基本目標2.xlsx",
                "R6_総合戦略効果検証_基本目標3.xls", "R6_総合戦略効果検証_基本目標4.csv");
        assertThat(INPUT).containsOnlyKeys(1, 2, 3, 4);
        for (StrategySheetExtractor.Extraction extraction : INPUT.values()) {
            assertThat(extraction.findings()).isEmpty();
            StrategySheet sheet = extraction.sheet();
            assertThat(sheet.family()).isEqualTo("strategy_kpi");
            assertThat(sheet.planId()).isEqualTo("regional_strategy_2");
            assertThat(sheet.subjectCode()).isEqualTo(Integer.toString(sheet.basicGoalNumber()));
            assertThat(sheet.evaluationFiscalYear()).isEqualTo(2024);
            assertThat(sheet.title().rawText()).isEqualTo(StrategySampleWorkbooks.TITLE);
            assertThat(sheet.departmentName()).isEqualTo(sheet.measures().get(0).departmentsRaw());
        }
        assertThat(INPUT.get(1).sheet().departmentName()).isEqualTo("産業振興課");
        assertThat(INPUT.get(2).sheet().basicGoalCell()).isEqualTo(
                new Located("A3", "基本目標2.　地域の特色を生かし魅力にあふれた選ばれるまちをつくる"));
    }

    @Test
    void shouldReadEveryNumericTargetAsPrinted() {
        List<Map<String, String>> truth = TruthTable.load("strategy_numeric_target").rows();
        List<NumericTarget> read = INPUT.values().stream().flatMap(e -> e.sheet().numericTargets().stream()).toList();
        assertThat(read).hasSize(8).hasSize(truth.size());

        for (Map<String, String> expected : truth) {
            StrategySheet sheet = INPUT.get(Integer.parseInt(expected.get("basic_goal_no"))).sheet();
            assertThat(sheet.basicGoalName()).isEqualTo(expected.get("basic_goal_name"));
            NumericTarget target = sheet.numericTargets().stream()
                    .filter(t -> t.number() == Integer.parseInt(expected.get("target_no"))).findFirst().orElseThrow();
            String what = "基本目標" + expected.get("basic_goal_no") + " 数値目標" + expected.get("target_no");
            assertThat(target.name()).as(what).isEqualTo(expected.get("target_name"));
            assertThat(target.unit()).as(what).isEqualTo(expected.get("unit"));
            assertThat(target.baseline().fiscalYear()).as(what).isEqualTo(BASELINE_YEARS.get(expected.get("baseline_year")));
            assertThat(target.baseline().yearRaw()).as(what).isEqualTo("（" + expected.get("baseline_year_raw") + "）");
            assertValues(what, target.baseline(), target.actuals(), target.target(), expected);
            assertStatus(what, target.status(), expected);
        }
    }

    @Test
    void shouldReadEveryKpiAsPrinted() {
        List<Map<String, String>> truth = TruthTable.load("strategy_kpi").rows();
        List<Kpi> read = INPUT.values().stream().flatMap(e -> e.sheet().kpis().stream()).toList();
        assertThat(read).hasSize(27).hasSize(truth.size());

        for (Map<String, String> expected : truth) {
            StrategySheet sheet = INPUT.get(Integer.parseInt(expected.get("basic_goal_no"))).sheet();
            Measure measure = sheet.measures().stream().filter(m -> m.label().equals(expected.get("measure_label")))
                    .findFirst().orElseThrow();
            String what = "基本目標" + expected.get("basic_goal_no") + " (" + measure.label() + ") KPI" + expected.get("kpi_no");
            assertThat(measure.name()).as(what).isEqualTo(expected.get("measure_name"));
            assertThat(measure.departmentsRaw()).as(what).isEqualTo(expected.get("departments"));
            assertThat(measure.departments()).as(what).containsExactly(expected.get("departments").split("、"));
            Kpi kpi = measure.kpis().stream().filter(k -> k.number() == Integer.parseInt(expected.get("kpi_no")))
                    .findFirst().orElseThrow();
            assertThat(kpi.name()).as(what).isEqualTo(expected.get("kpi_name"));
            assertThat(kpi.unit()).as(what).isEqualTo(expected.get("unit"));
            assertThat(kpi.department()).as(what).isEqualTo(expected.get("kpi_department"));
            assertThat(kpi.cumulative()).as(what).isEqualTo(Boolean.parseBoolean(expected.get("cumulative")));
            assertThat(kpi.baseline().fiscalYear()).as(what).isEqualTo(BASELINE_YEARS.get(expected.get("baseline_year")));
            assertValues(what, kpi.baseline(), kpi.actuals(), kpi.target(), expected);
            assertStatus(what, kpi.status(), expected);
        }
        assertThat(read.stream().filter(Kpi::cumulative)).hasSize(7);
    }

    @Test
    void shouldCountTheStatusesTheReportPrints() {
        Map<String, Long> targets = new TreeMap<>();
        Map<String, Long> kpis = new TreeMap<>();
        for (StrategySheetExtractor.Extraction extraction : INPUT.values()) {
            extraction.sheet().numericTargets().stream().filter(t -> t.status() != null)
                    .forEach(t -> targets.merge(t.status().code(), 1L, Long::sum));
            extraction.sheet().kpis().forEach(k -> kpis.merge(k.status().code(), 1L, Long::sum));
        }
        Map<String, Long> expectedTargets = new TreeMap<>();
        Map<String, Long> expectedKpis = new TreeMap<>();
        for (Map<String, String> row : TruthTable.load("strategy_summary").rows()) {
            if (row.get("status").length() == 1) {
                Map<String, Long> map = row.get("category").startsWith("数値目標") ? expectedTargets : expectedKpis;
                if (!row.get("count").equals("0")) {
                    map.put(row.get("status"), Long.parseLong(row.get("count")));
                }
            }
        }
        assertThat(targets).isEqualTo(expectedTargets).isEqualTo(Map.of("B", 3L, "C", 4L));
        assertThat(kpis).isEqualTo(expectedKpis).isEqualTo(Map.of("A", 9L, "B", 11L, "C", 7L));
    }

    @Test
    void shouldReadEveryNarrativeBlockUnderItsMeasure() {
        List<Map<String, String>> truth = TruthTable.load("strategy_narrative").rows();
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : truth) {
            expected.add(String.join("|", row.get("basic_goal_no"), row.get("measure_label"), row.get("block"), row.get("text")));
        }
        List<String> actual = new ArrayList<>();
        for (StrategySheetExtractor.Extraction extraction : INPUT.values()) {
            for (Narrative narrative : extraction.sheet().narratives()) {
                actual.add(String.join("|", extraction.sheet().subjectCode(),
                        narrative.measureLabel() == null ? "" : narrative.measureLabel(), narrative.key(), narrative.text()));
            }
        }
        assertThat(actual).hasSize(40).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldKeepTheCellOfEveryValue() {
        StrategySheet goal1 = INPUT.get(1).sheet();
        NumericTarget employees = goal1.numericTargets().get(0);
        assertThat(employees.cell()).isEqualTo("B7");
        assertThat(employees.baseline()).isEqualTo(new YearValue(2016, ValueKind.BASELINE, "（H28）",
                new ParsedValue("40,923", jp.evalsheet.value.ValueKind.NUMBER, new BigDecimal("40923"), null, null), "D7"));
        assertThat(employees.status()).isEqualTo(new StatusCell("B", "目標達成（見込み）", "B　目標達成\n（見込み）", "K7"));
        assertThat(employees.values()).extracting(YearValue::cell)
                .containsExactly("D7", "E7", "F7", "G7", "H7", "I7", "J7");
        assertThat(employees.values()).extracting(YearValue::fiscalYear)
                .containsExactly(2016, 2020, 2021, 2022, 2023, 2024, 2025);
        assertThat(employees.target().kind()).isEqualTo(ValueKind.TARGET);

        Kpi shops = goal1.measures().get(0).kpis().get(0);
        assertThat(shops.nameAsPrinted()).contains("\n");
        assertThat(shops.values()).extracting(v -> v.kind() + " " + v.fiscalYear() + " " + v.cell() + " " + v.value().raw())
                .containsExactly("BASELINE 2019 D16 0", "ACTUAL 2020 E16 1", "ACTUAL 2021 F16 2", "ACTUAL 2022 G16 3",
                        "ACTUAL 2023 H16 6", "ACTUAL 2024 I16 9", "TARGET 2025 J16 3");
        assertThat(goal1.measures().get(0).departmentsCell()).isEqualTo("B14");

        Kpi bus = INPUT.get(2).sheet().measures().get(0).kpis().get(0);
        assertThat(bus.actuals().get(0).yearRaw()).isEqualTo("(R２)");
    }

    @Test
    void shouldNotBeTakenForAPolicySheetNorTakeAPolicySheet() throws Exception {
        for (Path file : strategyFiles(Path.of("input"))) {
            for (SheetGrid grid : read(file)) {
                assertThat(StrategySheetExtractor.recognizes(grid)).as(file.toString()).isTrue();
                assertThat(PolicySheetExtractor.recognizes(grid)).as(file.toString()).isFalse();
            }
        }
        try (Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("R4_施策評価シート")).sorted().toList()) {
                for (SheetGrid grid : read(file)) {
                    assertThat(StrategySheetExtractor.recognizes(grid)).as(file + " " + grid.sheetName()).isFalse();
                }
            }
        }
    }

    // --- the same sheets in every format ---

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldExtractTheSameFromXlsxXlsAndCsv(int goal) throws Exception {
        String base = StrategySampleWorkbooks.baseName(goal);
        List<String> xlsx = describe(extractOnly(FORMATS.resolve("xlsx/" + base + ".xlsx")));
        List<String> xls = describe(extractOnly(FORMATS.resolve("xls/" + base + ".xls")));
        List<String> csv = describe(extractOnly(FORMATS.resolve("csv/" + base + ".csv")));

        assertThat(xlsx).hasSizeGreaterThan(40);
        assertThat(xls).isEqualTo(xlsx);
        assertThat(csv).isEqualTo(xlsx);
        assertThat(describe(INPUT.get(goal).sheet())).isEqualTo(xlsx);
    }

    // --- small sheets: what is read, what is rejected ---

    @Test
    void shouldReadAMinimalSheetByItsLabels() {
        // given
        SheetGrid grid = minimalSheet().build();

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // then
        assertThat(extraction.findings()).isEmpty();
        StrategySheet sheet = extraction.sheet();
        assertThat(sheet.basicGoalNumber()).isEqualTo(1);
        assertThat(sheet.basicGoalName()).isEqualTo("産業の振興");
        assertThat(sheet.title()).isNull();
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2021);
        assertThat(sheet.numericTargets()).singleElement().satisfies(target -> {
            assertThat(target.name()).isEqualTo("民営事業所従業員数の向上");
            assertThat(target.baseline().fiscalYear()).isEqualTo(2016);
            assertThat(target.actuals()).extracting(v -> v.value().raw()).containsExactly("-", "43,400");
            assertThat(target.target().value().number()).isEqualByComparingTo("42000");
            assertThat(target.status().label()).isEqualTo("目標達成（見込み）");
        });
        assertThat(sheet.measures()).singleElement().satisfies(measure -> {
            assertThat(measure.label()).isEqualTo("ア");
            assertThat(measure.name()).isEqualTo("暮らしにマッチした生活環境の創造");
            assertThat(measure.departments()).containsExactly("産業振興課");
            assertThat(measure.kpis()).singleElement().satisfies(kpi -> {
                assertThat(kpi.cumulative()).isTrue();
                assertThat(kpi.unit()).isEqualTo("件");
                assertThat(kpi.department()).isNull();
                assertThat(kpi.status().code()).isEqualTo("B");
            });
        });
        assertThat(sheet.departmentName()).isEqualTo("産業振興課");
    }

    @Test
    void shouldReadASheetWithInsertedAndBlankRowsAndUnitsInTheNames() {
        // given: every row moved down by 3, a blank row between the tables, no unit column
        SheetGrid.Builder builder = SheetGrid.builder("挿入行");
        String[][] rows = {
                {"基本目標3", "安心して結婚・出産・子育てができる環境をつくる"},
                {},
                {"（イ）様々な保育需要に応じた環境づくり"},
                {"担当課", "保育課"},
                {},
                {"No.", "指標名", "策定当初(R1)", "R5年度", "R6年度", "目標値(R7)", "進捗状況"},
                {},
                {"1", "待機児童数（人）", "44", "9", "17", "0", "B 策定当初より良くなっている"},
                {"2", "入所保留者数（人）", "175", "136", "250", "0", "Ｃ　策定当初より悪くなっている"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                builder.cell(new GridCell(r + 3, c + 1, rows[r][c], null, null));
            }
        }

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(builder.build());

        // then
        assertThat(extraction.findings()).isEmpty();
        List<Kpi> kpis = extraction.sheet().kpis();
        assertThat(kpis).extracting(Kpi::number, Kpi::name, Kpi::unit).containsExactly(
                tuple(1, "待機児童数", "人"),
                tuple(2, "入所保留者数", "人"));
        assertThat(kpis.get(1).status().code()).isEqualTo("C");
        assertThat(kpis.get(1).actuals()).extracting(YearValue::fiscalYear, YearValue::cell).containsExactly(
                tuple(2023, "E12"), tuple(2024, "F12"));
        assertThat(extraction.sheet().evaluationFiscalYear()).isEqualTo(2024);
    }

    @Test
    void shouldLoseOnlyTheRowOfAStatusThatIsNotABOrC() {
        SheetGrid grid = minimalSheet().cell(text(7, 7, "D　評価できない")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // the KPI's row is not loaded; the 数値目標 and the measure are
        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.sheet().kpis()).isEmpty();
        assertThat(extraction.sheet().numericTargets()).hasSize(1);
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rejectsSheet()).isFalse();
            assertThat(finding.rule()).isEqualTo("invalid_status");
            assertThat(finding.cell()).isEqualTo("H8");
            assertThat(finding.rawText()).isEqualTo("D　評価できない");
            assertThat(finding.message()).contains("A, B or C");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"策定当初（R0）", "策定当初（X5）"})
    void shouldRejectAnUnreadableBaselineYearInTheHeader(String label) {
        SheetGrid grid = minimalSheet().cell(text(6, 3, label)).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(extraction.isRejected()).isTrue();
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("invalid_baseline_year");
            assertThat(finding.cell()).isEqualTo("D7");
            assertThat(finding.rawText()).isEqualTo(label);
        });
    }

    @Test
    void shouldRejectAnUnreadableBaselineYearUnderTheValue() {
        // the 数値目標 prints its years in a row under the values; the baseline's reads (X5)
        SheetGrid grid = minimalSheet().cell(text(3, 3, "（X5）")).cell(text(3, 4, "（R2）")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("invalid_baseline_year");
            assertThat(finding.cell()).isEqualTo("D4");
            assertThat(finding.rawText()).isEqualTo("（X5）");
        });
    }

    @Test
    void shouldRejectABaselineWithoutAnyYear() {
        SheetGrid grid = minimalSheet().cell(text(6, 3, "策定当初")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("missing_baseline_year");
            assertThat(finding.cell()).isEqualTo("D8");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"約40", "未定", "12abc", "1,2,3"})
    void shouldLoseOnlyTheRowOfTextInAValueColumnOfANumericRow(String raw) {
        SheetGrid grid = minimalSheet().cell(text(7, 5, raw)).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.sheet().kpis()).isEmpty();
        assertThat(extraction.sheet().numericTargets()).hasSize(1);
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rejectsSheet()).isFalse();
            assertThat(finding.rule()).isEqualTo("value_not_a_number");
            assertThat(finding.cell()).isEqualTo("F8");
            assertThat(finding.rawText()).isEqualTo(raw);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"#REF!", "#N/A"})
    void shouldLoseOnlyTheRowOfASpreadsheetErrorEvenInARowOfText(String error) {
        // given a qualitative KPI (全項目 every year) whose R3 actual shows a broken formula's error
        SheetGrid grid = minimalSheet()
                .cell(text(7, 3, "全項目")).cell(text(7, 4, "全項目")).cell(text(7, 5, error)).cell(text(7, 6, "全項目"))
                .build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.sheet().kpis()).isEmpty();
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("excel_error_value");
            assertThat(finding.cell()).isEqualTo("F8");
            assertThat(finding.rejectsSheet()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "―", "－", "※", "中止", "58.2%", "18.1５ ≪83.1５歳≫", "△5"})
    void shouldAcceptMarksAndPrintedNumbersInAValueColumn(String raw) {
        SheetGrid grid = minimalSheet().cell(text(7, 5, raw)).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(errors(extraction)).isEmpty();
        assertThat(extraction.sheet().kpis().get(0).actuals().get(1).value().raw()).isEqualTo(raw);
    }

    @Test
    void shouldAcceptTextInARowWithoutAnyNumber() {
        // 全国平均を上回る平均正答率の数 is printed 全項目 every year (中止 in R2): a qualitative KPI
        SheetGrid grid = minimalSheet()
                .cell(text(7, 3, "全項目")).cell(text(7, 4, "中止")).cell(text(7, 5, "全項目")).cell(text(7, 6, "全項目"))
                .build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(extraction.findings()).isEmpty();
        assertThat(extraction.sheet().kpis().get(0).values()).extracting(v -> v.value().kind().name())
                .containsExactly("TEXT", "CANCELLED", "TEXT", "TEXT");
    }

    @Test
    void shouldRejectASheetWithoutTheBasicGoalLabel() {
        SheetGrid grid = minimalSheet().cell(text(0, 0, "基本方針1")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(StrategySheetExtractor.recognizes(grid)).isFalse();
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("missing_label");
            assertThat(finding.cell()).isNull();
            assertThat(finding.message()).contains("基本目標");
        });
    }

    @Test
    void shouldRejectATableWithoutItsStatusColumn() {
        SheetGrid grid = minimalSheet().cell(text(6, 7, "備考")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("missing_label");
            assertThat(finding.cell()).isEqualTo("A7");
            assertThat(finding.message()).contains("評価").contains("KPI");
        });
    }

    @Test
    void shouldRejectAKpiTableWithoutAMeasureHeading() {
        SheetGrid grid = minimalSheet().cell(text(4, 0, "具体的な施策")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("missing_label");
            assertThat(finding.cell()).isEqualTo("A7");
            assertThat(finding.message()).contains("(ア)");
        });
    }

    @Test
    void shouldWarnOfAMissingStatusAndDepartmentButLoadTheSheet() {
        SheetGrid.Builder builder = SheetGrid.builder("警告");
        String[][] rows = {
                {"基本目標1", "産業の振興"},
                {"（ア）暮らしにマッチした生活環境の創造"},
                {"No.", "指標名", "単位", "策定当初（R1）", "R2", "R3", "目標値（R7）", "評価"},
                {"①", "買物施設等誘致件数", "件", "1", "1", "0％", "2", ""}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                builder.cell(text(r, c, rows[r][c]));
            }
        }

        StrategySheetExtractor.Extraction extraction = extractor.extract(builder.build());

        assertThat(extraction.isRejected()).isFalse();
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell).containsExactlyInAnyOrder(
                tuple("unit_mismatch", "F4"),
                tuple("missing_status", "H4"),
                tuple("missing_department", "A2"));
        assertThat(extraction.sheet().departmentName()).isNull();
        assertThat(extraction.sheet().kpis().get(0).status()).isNull();
    }

    @Test
    void shouldWarnWhenTheTitleYearIsNotTheLatestActualYear() {
        // the title names 令和6年度 while the latest actual column is R3
        SheetGrid grid = minimalSheet(1).cell(text(0, 0, "第２期総合戦略 効果検証（令和6年度）")).build();

        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        assertThat(extraction.sheet().evaluationFiscalYear()).isEqualTo(2024);
        assertThat(extraction.sheet().title()).isEqualTo(new Located("A1", "第２期総合戦略 効果検証（令和6年度）"));
        assertThat(extraction.findings()).extracting(Finding::rule, Finding::cell)
                .containsExactly(tuple("evaluation_year_mismatch", "A1"));
    }

    // --- the printed pages, laid out by another hand ---

    @Test
    void shouldReadAMeasurePageWithItsGoalAndMeasureInTitleCellsAndRowLabelsUnderTheTable() {
        // given: the report's page of measure 1(ア): title cells 1 and （ア）, the KPI table with a
        // (年度) row under the header and the years under each value row, then the row labels
        SheetGrid grid = sheet("1(ア)",
                new String[] {"1", "（ア）"},
                new String[] {"１．重要業績評価指標（KPI）"},
                new String[] {"", "指標名", "単位", "策定当初", "実績値", "実績値", "目標値", "進捗状況"},
                new String[] {"", "", "", "（年度）", "（年度）", "（年度）", "（年度）"},
                new String[] {"①", "市の支援による空き店舗の活用件数（累計）", "件", "0", "6", "9", "3", "B　策定当初よ\nり良くなってい\nる"},
                new String[] {"", "", "", "(R1)", "(R5)", "(R6)", "(R7)"},
                new String[] {"②", "買物施設等誘致件数", "件", "1", "0", "0", "2", "C　策定当初より悪くなっている"},
                new String[] {"", "", "", "(R1)", "(R5)", "(R6)", "(R7)"},
                new String[] {"２．各KPIの進捗状況（令和２年度から令和６年度の実施内容と結果について記載）"},
                new String[] {"基本目標", "産業の振興により市民生活と調和した豊かな暮らしを実現する"},
                new String[] {"具体的な施策", "暮らしにマッチした生活環境の創造"},
                new String[] {"担当課", "産業振興課"});

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // then
        assertThat(StrategySheetExtractor.recognizes(grid)).isTrue();
        assertThat(errors(extraction)).isEmpty();
        StrategySheet sheet = extraction.sheet();
        assertThat(sheet.basicGoalNumber()).isEqualTo(1);
        assertThat(sheet.basicGoalName()).isEqualTo("産業の振興により市民生活と調和した豊かな暮らしを実現する");
        assertThat(sheet.subjectCode()).isEqualTo("1-ア");
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2024);
        assertThat(sheet.measures()).singleElement().satisfies(measure -> {
            assertThat(measure.label()).isEqualTo("ア");
            assertThat(measure.name()).isEqualTo("暮らしにマッチした生活環境の創造");
            assertThat(measure.departments()).containsExactly("産業振興課");
            assertThat(measure.kpis()).extracting(Kpi::number, Kpi::name, k -> k.status().code()).containsExactly(
                    tuple(1, "市の支援による空き店舗の活用件数（累計）", "B"), tuple(2, "買物施設等誘致件数", "C"));
            assertThat(measure.kpis().get(0).values()).extracting(YearValue::fiscalYear, v -> v.value().raw(), YearValue::cell)
                    .containsExactly(tuple(2019, "0", "D5"), tuple(2023, "6", "E5"), tuple(2024, "9", "F5"), tuple(2025, "3", "G5"));
        });
    }

    @Test
    void shouldReadTheYearsPrintedOverTheValuesAndValuesOneColumnRightOfTheirLabels() {
        // given: each label merged over two columns, the values in the second; the years over each row
        SheetGrid.Builder builder = builder("基本目標2",
                new String[] {"基本目標２．地域の特色を生かし魅力にあふれた選ばれるまちをつくる"},
                new String[] {"数値目標", "", "単位", "", "策定当初", "", "実績値", "", "目標値", "", "評価"},
                new String[] {"", "", "", "", "（R元）", "", "（R5）", "", "（R7）"},
                new String[] {"①住みつづけたい市民の割合の向上", "", "", "%", "", "80.6", "", "81.7", "", "90.0", "", "B　目標達成（見込み）"},
                new String[] {"", "", "", "", "（H2７）", "", "（R5）", "", "（R7）"},
                new String[] {"②青少年の割合の向上", "", "", "%", "", "88.2", "", "77.50", "", "90.0", "", "B"},
                new String[] {"※数値目標②は調査項目が変わったため参考値"});
        for (int c = 0; c <= 10; c += 2) {
            builder.merge(new CellRange(1, 1, c, c + 1));
        }

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(builder.build());

        // then: the ※ row ends the table instead of becoming a third target
        assertThat(errors(extraction)).isEmpty();
        List<NumericTarget> targets = extraction.sheet().numericTargets();
        assertThat(targets).extracting(NumericTarget::number, NumericTarget::name, NumericTarget::unit).containsExactly(
                tuple(1, "住みつづけたい市民の割合の向上", "%"), tuple(2, "青少年の割合の向上", "%"));
        assertThat(targets.get(0).baseline()).extracting(YearValue::fiscalYear, v -> v.value().raw(), YearValue::cell)
                .containsExactly(2019, "80.6", "F4");
        assertThat(targets.get(1).baseline().fiscalYear()).isEqualTo(2015);
        assertThat(targets.get(1).actuals()).extracting(v -> v.value().raw()).containsExactly("77.50");
        assertThat(targets.get(1).status().code()).isEqualTo("B");
    }

    @Test
    void shouldReadTheNumericTargetsOfSeveralGoalsOnOnePage() {
        // given: the report's page 1 数値目標の達成状況, two goals each under its heading
        SheetGrid grid = sheet("数値目標",
                new String[] {"１　数値目標の達成状況"},
                new String[] {"基本目標1.　産業の振興により市民生活と調和した豊かな暮らしを実現する"},
                new String[] {"数値目標", "単位", "策定当初", "実績値", "実績値", "目標値", "進捗状況"},
                new String[] {"①民営事業所従業員数の向上", "人", "40,923", "-", "43,400", "42,000", "B　目標達成\n（見込み）"},
                new String[] {"", "", "（H28）", "(R2）", "(R3）", "（R7）"},
                new String[] {"〈指標へのコメント〉"},
                new String[] {"　①については、一定の効果が挙がっている。"},
                new String[] {"基本目標4.　地域の人がつながり、支え合える安全・安心のまちづくり"},
                new String[] {"数値目標", "単位", "策定当初", "実績値", "実績値", "目標値", "進捗状況"},
                new String[] {"②生きがいをもっている高齢者（65歳以上）の割合の向上", "％", "67.2", "56.80", "※", "80.8"},
                new String[] {"", "", "（R元）", "(R2）", "(R3）", "（R7）"},
                new String[] {"※数値目標②は「介護予防・日常生活圏域ニーズ調査」の調査項目であったが、R３以降は実施していない。"});

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // then
        assertThat(errors(extraction)).isEmpty();
        StrategySheet sheet = extraction.sheet();
        assertThat(sheet.goals()).extracting(Goal::number, g -> g.numericTargets().size()).containsExactly(tuple(1, 1), tuple(4, 1));
        assertThat(sheet.subjectCode()).isEqualTo("1+4");
        assertThat(sheet.goals().get(1).numericTargets().get(0)).satisfies(target -> {
            assertThat(target.number()).isEqualTo(2);
            assertThat(target.status()).isNull();
            assertThat(target.actuals()).extracting(v -> v.value().raw()).containsExactly("56.80", "※");
        });
        assertThat(sheet.evaluationFiscalYear()).isEqualTo(2021);
    }

    @Test
    void shouldReadThePrintedSummary() {
        // given: the report's first page, the shares typed one column right of the counts
        SheetGrid grid = sheet("総括",
                new String[] {"１　第２期朝霞市まち・ひと・しごと創生総合戦略の総括"},
                new String[] {"＜数値目標の達成状況＞"},
                new String[] {"A　目標達成", "0件", "0.0%"},
                new String[] {"B　目標達成（見込み）", "3件", "42.9%"},
                new String[] {"C　目標達成に至らない", "4件", "57.1%"},
                new String[] {"合計", "7件", "100.0%"},
                new String[] {"＜KPIの進捗状況＞"},
                new String[] {"A", "目標達成（見込み）", "9", "", "33.3%"},
                new String[] {"B", "策定当初より良くなっている", "11", "", "40.8%"},
                new String[] {"C", "策定当初より悪くなっている", "7", "", "25.9%"},
                new String[] {"合計", "", "27", "", "100.0%"},
                new String[] {"指標の総括", "目標達成に向け概ね進捗している（AとBの割合の合計）"},
                new String[] {"数値目標", "42.9%", "KPI", "74.1%"});

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // then
        assertThat(StrategySheetExtractor.recognizes(grid)).isFalse();
        assertThat(StrategySheetExtractor.recognizesPageWithoutTable(grid)).isTrue();
        assertThat(extraction.findings()).isEmpty();
        StrategySheet sheet = extraction.sheet();
        assertThat(sheet.goals()).isEmpty();
        assertThat(sheet.subjectCode()).isEqualTo("総括");
        assertThat(sheet.evaluationFiscalYear()).isZero();
        assertThat(sheet.summary().counts()).extracting(c -> c.category() + " " + c.status() + " " + c.count() + " "
                + c.sharePercent() + " " + c.cell()).containsExactly(
                "数値目標 A 0 0.0 B3", "数値目標 B 3 42.9 B4", "数値目標 C 4 57.1 B5", "数値目標 合計 7 100.0 B6",
                "KPI A 9 33.3 C8", "KPI B 11 40.8 C9", "KPI C 7 25.9 C10", "KPI 合計 27 100.0 C11",
                "数値目標 A+B null 42.9 B13", "KPI A+B null 74.1 D13");
    }

    @Test
    void shouldRejectAKpiTableWhoseMeasureLetterIsPrintedNowhere() {
        // given: the row label names the measure, but no heading, title cell or sheet name gives its letter
        SheetGrid grid = sheet("KPI",
                new String[] {"基本目標1.　産業の振興"},
                new String[] {"指標名", "単位", "策定当初（R1）", "R6", "目標値（R7）", "進捗状況"},
                new String[] {"買物施設等誘致件数", "件", "1", "0", "2", "C"},
                new String[] {"具体的な施策", "暮らしにマッチした生活環境の創造"});

        // when
        StrategySheetExtractor.Extraction extraction = extractor.extract(grid);

        // then
        assertThat(extraction.isRejected()).isTrue();
        assertThat(errors(extraction)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("missing_label");
            assertThat(finding.cell()).isEqualTo("A2");
            assertThat(finding.message()).contains("(ア)");
        });
    }

    private static SheetGrid sheet(String name, String[]... rows) {
        return builder(name, rows).build();
    }

    private static SheetGrid.Builder builder(String name, String[]... rows) {
        SheetGrid.Builder builder = SheetGrid.builder(name);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    builder.cell(text(r, c, rows[r][c]));
                }
            }
        }
        return builder;
    }

    // --- helpers ---

    /**
     * A valid sheet of eight rows: 1 基本目標1, 2 the 数値目標 header, 3 its values, 4 its years in a row
     * under the values, 5 measure (ア), 6 担当課, 7 the KPI header with the years in the labels, 8 the KPI.
     */
    private static SheetGrid.Builder minimalSheet() {
        return minimalSheet(0);
    }

    /** The minimal sheet moved {@code offset} rows down. */
    private static SheetGrid.Builder minimalSheet(int offset) {
        SheetGrid.Builder builder = SheetGrid.builder("最小");
        String[][] rows = {
                {"基本目標1", "産業の振興"},
                {"No.", "数値目標", "単位", "策定当初", "実績値", "実績値", "目標値", "評価"},
                {"①", "民営事業所従業員数の向上", "人", "40,923", "-", "43,400", "42,000", "B　目標達成\n（見込み）"},
                {"", "", "", "（H28）", "（R2）", "（R3）", "（R7）", ""},
                {"（ア）暮らしにマッチした生活環境の創造"},
                {"担当課", "産業振興課"},
                {"No.", "指標名", "単位", "策定当初（R1）", "R2", "R3", "目標値（R7）", "評価"},
                {"①", "空き店舗の活用件数（累計）", "件", "0", "1", "2", "3", "B　策定当初より良くなっている"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                builder.cell(text(r + offset, c, rows[r][c]));
            }
        }
        return builder;
    }

    private static GridCell text(int row, int column, String text) {
        return new GridCell(row, column, text, null, null);
    }

    private static List<Finding> errors(StrategySheetExtractor.Extraction extraction) {
        return extraction.findings().stream().filter(Finding::isError).toList();
    }

    private static List<Path> strategyFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("R6_総合戦略効果検証_")).sorted().toList();
        }
    }

    private static List<SheetGrid> read(Path file) throws Exception {
        List<SheetGrid> sheets = new ArrayList<>();
        WorkbookReaders.forFile(file).read(file, sheets::add);
        return sheets;
    }

    private StrategySheet extractOnly(Path file) throws Exception {
        List<SheetGrid> sheets = read(file);
        assertThat(sheets).hasSize(1);
        StrategySheetExtractor.Extraction extraction = extractor.extract(sheets.get(0));
        assertThat(extraction.findings()).as(file.toString()).isEmpty();
        return extraction.sheet();
    }

    private static void assertValues(String what, YearValue baseline, List<YearValue> actuals, YearValue target,
            Map<String, String> expected) {
        assertThat(baseline.kind()).isEqualTo(ValueKind.BASELINE);
        assertValue(what + " baseline", baseline.value(), expected.get("baseline_value"), expected.get("baseline_value_num"));
        assertThat(actuals).as(what).extracting(YearValue::fiscalYear).containsExactly(2020, 2021, 2022, 2023, 2024);
        for (int i = 0; i < ACTUAL_YEARS.size(); i++) {
            String year = ACTUAL_YEARS.get(i);
            assertThat(actuals.get(i).kind()).isEqualTo(ValueKind.ACTUAL);
            assertValue(what + " " + year, actuals.get(i).value(), expected.get("actual_" + year),
                    expected.get("actual_" + year + "_num"));
        }
        assertThat(target.fiscalYear()).as(what).isEqualTo(2025);
        assertThat(target.kind()).isEqualTo(ValueKind.TARGET);
        assertValue(what + " target", target.value(), expected.get("target_R7"), expected.get("target_R7_num"));
    }

    private static void assertValue(String what, ParsedValue value, String raw, String number) {
        assertThat(value.raw()).as(what).isEqualTo(raw);
        if (number.isEmpty()) {
            assertThat(value.number()).as(what).isNull();
        } else {
            assertThat(value.number()).as(what).isEqualByComparingTo(number);
        }
    }

    private static void assertStatus(String what, StatusCell status, Map<String, String> expected) {
        if (expected.get("status").isEmpty()) {
            assertThat(status).as(what).isNull();
            return;
        }
        assertThat(status.code()).as(what).isEqualTo(expected.get("status"));
        String label = JapaneseText.collapseWhitespace(expected.get("status_label").substring(1));
        assertThat(status.label()).as(what).isEqualTo(label);
        assertThat(JapaneseText.joinLines(status.raw())).as(what).isEqualTo(JapaneseText.collapseWhitespace(expected.get("status_label")));
    }

    /** Every fact of a sheet as one line each, sheet name left out and dashes unified (CP932 turns — into ―). */
    private static List<String> describe(StrategySheet sheet) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join("|", "sheet", String.valueOf(sheet.evaluationFiscalYear()), String.valueOf(sheet.title()),
                sheet.subjectCode(), sheet.basicGoalName(), String.valueOf(sheet.basicGoalCell()), sheet.departmentName()));
        for (NumericTarget target : sheet.numericTargets()) {
            String key = "target|" + target.number();
            lines.add(String.join("|", key, target.name(), target.nameAsPrinted(), target.unit(), target.cell(),
                    String.valueOf(target.status())));
            target.values().forEach(v -> lines.add(key + "|" + v));
        }
        for (Measure measure : sheet.measures()) {
            lines.add(String.join("|", "measure", measure.label(), measure.name(), measure.cell(), measure.departmentsRaw(),
                    String.valueOf(measure.departments()), measure.departmentsCell()));
            for (Kpi kpi : measure.kpis()) {
                String key = "kpi|" + measure.label() + "|" + kpi.number();
                lines.add(String.join("|", key, kpi.name(), kpi.nameAsPrinted(), kpi.unit(), kpi.department(),
                        String.valueOf(kpi.cumulative()), kpi.cell(), String.valueOf(kpi.status())));
                kpi.values().forEach(v -> lines.add(key + "|" + v));
            }
        }
        for (Narrative narrative : sheet.narratives()) {
            lines.add("narrative|" + narrative);
        }
        return lines.stream().map(line -> line.replace('—', '―')).toList();
    }
}
