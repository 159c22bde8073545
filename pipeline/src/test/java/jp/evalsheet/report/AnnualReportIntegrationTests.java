package jp.evalsheet.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.evalsheet.EvalSheetWarehouseApplication;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.support.Warehouse;
import jp.evalsheet.value.EraYearParser;

/**
 * The annual report workbook of a run over {@code input/} (朝霞市): written beside the warehouse,
 * its tables equal the figures the city prints (the truth tables) and the views they name, each cost
 * sheet draws its chart from its own cells, and LibreOffice renders it to a PDF that prints those
 * figures. {@code --report=FILE} names the file; a run over two municipalities that names none
 * writes no report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportIntegrationTests {

    private static final DataFormatter SHOWN = new DataFormatter();

    /** One folder for the whole class: the run of {@code @BeforeAll} is shared by every test. */
    private Path temp;
    private Warehouse warehouse;
    private Run run;
    private Path report;

    @BeforeAll
    void loadInput(@TempDir Path folder) {
        temp = folder;
        warehouse = new Warehouse(temp.resolve("warehouse.duckdb"));
        run = run(() -> warehouse.ingest(Path.of("input")));
        report = temp.resolve("warehouse_112275_朝霞市_年次報告.xlsx");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void shouldWriteTheReportBesideTheWarehouseReadableByTheGroup() throws Exception {
        // then, after the line naming the published warehouse, one line names the report
        List<String> lines = run.output().lines().toList();
        int published = indexOf(lines, "Published: ");
        assertThat(lines.get(published + 1)).startsWith("Annual report: " + report + " (112275 朝霞市: 21 sheets, 14 cost charts) written in ");
        assertThat(lines.stream().filter(line -> line.startsWith("Annual report:"))).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        try (XSSFWorkbook workbook = open(report)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).startsWith("概要", "総合戦略", "施策評価", "地域福祉", "指標の進捗", "データ品質", "施策別コスト", "施策611")
                    .endsWith("施策655", "施策656").hasSize(21);
        }
    }

    @Test
    void shouldPrintTheStrategyRollUpAsTheCityPrintsIt() throws Exception {
        // given the first page of the city's 効果検証, as transcribed
        TruthTable truth = TruthTable.load("strategy_summary");

        try (XSSFWorkbook workbook = open(report)) {
            XSSFSheet sheet = workbook.getSheet("総合戦略");
            for (String category : List.of("数値目標の達成状況", "KPIの進捗状況")) {
                List<List<String>> table = table(sheet, category + "（令和6年度評価）", "評価");

                // then each row is the printed count and share, the 合計 and the A+B share included
                List<String> expected = truth.where("category", category).stream()
                        .map(row -> row.get("status") + "|" + row.get("count") + "|" + row.get("percent")).toList();
                assertThat(table.stream().map(row -> row.get(0) + "|" + (row.get(0).equals("A+B") ? "" : row.get(2)) + "|" + row.get(3)))
                        .as(category).containsExactlyElementsOf(expected);
            }
            assertThat(table(sheet, "KPIの進捗状況", "評価")).extracting(row -> row.get(3))
                    .containsExactly("33.3%", "40.8%", "25.9%", "100.0%", "74.1%");
            assertThat(table(sheet, "KPIの進捗状況", "評価").get(3).get(2)).isEqualTo("27");
            assertThat(table(sheet, "数値目標の達成状況", "評価")).extracting(row -> row.get(3))
                    .containsExactly("0.0%", "42.9%", "57.1%", "100.0%", "42.9%");
            assertThat(table(sheet, "数値目標の達成状況", "評価").get(3).get(2)).isEqualTo("7");
        }
    }

    @Test
    void shouldPrintThePolicyRatingsOfThePolicySheets() throws Exception {
        // given the ratings of the 14 policy sheets, as transcribed
        TruthTable truth = TruthTable.load("policy_sheet");

        try (XSSFWorkbook workbook = open(report)) {
            XSSFSheet sheet = workbook.getSheet("施策評価");
            for (String[] kind : new String[][] {{"施策の進捗状況", "progress_rating"}, {"施策の必要性", "necessity_rating"}}) {
                List<List<String>> table = table(sheet, kind[0] + "（令和4年度評価、4段階）", "評価");

                // then each rating's count is the number of policies printed with it, 3 and 4 together last
                Map<String, Long> counts = truth.rows().stream().collect(Collectors.groupingBy(row -> row.get(kind[1]), Collectors.counting()));
                List<Long> byRating = List.of("1", "2", "3", "4").stream().map(rating -> counts.getOrDefault(rating, 0L)).toList();
                List<String> shares = printedShares(byRating);
                List<String> expected = new ArrayList<>();
                for (int rating = 0; rating < 4; rating++) {
                    expected.add((rating + 1) + "|" + byRating.get(rating) + "|" + shares.get(rating));
                }
                expected.add("合計|14|100.0%");
                long good = counts.getOrDefault("3", 0L) + counts.getOrDefault("4", 0L);
                expected.add("3・4|" + good + "|" + percent(good, 14));
                assertThat(table.stream().map(row -> row.get(0) + "|" + row.get(2) + "|" + row.get(3))).as(kind[0])
                        .containsExactlyElementsOf(expected);
            }
            assertThat(table(sheet, "施策の進捗状況", "評価").get(1)).containsExactly("2", "やや遅れている", "1", "7.1%");
        }
    }

    @Test
    void shouldPrintTheWelfareOverviewByYear() throws Exception {
        // given the overview table of the welfare report, as transcribed (without its empty (17)① row)
        List<Map<String, String>> truth = TruthTable.load("welfare_overview").rows().stream()
                .filter(row -> !row.get("grade_R3").isEmpty()).toList();

        try (XSSFWorkbook workbook = open(report)) {
            XSSFSheet sheet = workbook.getSheet("地域福祉");

            // then every project shows the grade the overview prints for R3, R4 and R5
            List<List<String>> projects = table(sheet, "評価一覧（事業別）", "基本目標");
            assertThat(projects.stream().map(row -> row.get(0) + "|" + row.get(1).replaceAll("（(\\d+)）.*", "$1") + "|" + row.get(2)
                    + "|" + row.get(4) + row.get(5) + row.get(6)))
                    .containsExactlyElementsOf(truth.stream().map(row -> row.get("basic_goal_no") + "|" + row.get("policy_direction_no")
                            + "|" + row.get("project_no") + "|" + row.get("grade_R3") + row.get("grade_R4") + row.get("grade_R5")).toList());

            // and each year's count and share of A, B and C
            List<List<String>> years = table(sheet, "評価一覧の年度別集計", "評価");
            for (int y = 0; y < 3; y++) {
                String column = "grade_R" + (3 + y);
                List<Long> counts = List.of("A", "B", "C").stream()
                        .map(grade -> truth.stream().filter(row -> row.get(column).equals(grade)).count()).toList();
                List<String> shares = printedShares(counts);
                for (int s = 0; s < 3; s++) {
                    assertThat(years.get(s).subList(2 + 2 * y, 4 + 2 * y)).as(column + " " + "ABC".charAt(s))
                            .containsExactly(String.valueOf(counts.get(s)), shares.get(s));
                }
                assertThat(years.get(3).get(2 + 2 * y)).isEqualTo(String.valueOf(truth.size()));
            }
            assertThat(years.get(4)).containsExactly("A+B", "AとBの割合の合計", "45", "100.0%", "45", "100.0%", "44", "97.8%");
        }
    }

    @Test
    void shouldPrintEachPolicysCostTrendAsTheViewGivesIt() throws Exception {
        // given the view, and the 計 row each policy sheet prints
        Map<String, List<String>> view = new LinkedHashMap<>();
        for (Map<String, Object> row : warehouse.query("""
                select policy_code, fiscal_year, cost_thousand_yen, cost_basis, yoy_change_thousand_yen, yoy_change_ratio, project_count
                from v_policy_cost_trend where municipality_code = '112275' order by policy_code, fiscal_year
                """)) {
            view.computeIfAbsent((String) row.get("policy_code"), code -> new ArrayList<>()).add(String.join("|",
                    EraYearParser.warekiLabel(((Number) row.get("fiscal_year")).intValue()),
                    "settled".equals(row.get("cost_basis")) ? thousands(row.get("cost_thousand_yen")) : "",
                    "forecast".equals(row.get("cost_basis")) ? thousands(row.get("cost_thousand_yen")) : "",
                    row.get("yoy_change_thousand_yen") == null ? "" : signed(((BigDecimal) row.get("yoy_change_thousand_yen")).longValue()),
                    row.get("yoy_change_ratio") == null ? "" : String.format("%+.1f%%", 100 * (Double) row.get("yoy_change_ratio")),
                    String.valueOf(row.get("project_count"))));
        }
        TruthTable totals = TruthTable.load("policy_cost_total");

        try (XSSFWorkbook workbook = open(report)) {
            // then each policy's sheet shows the view's rows, settled and forecast in their own columns
            assertThat(view).hasSize(14);
            view.forEach((policy, rows) -> {
                List<List<String>> table = table(workbook.getSheet("施策" + policy), "総コスト（事業費＋人件費）の推移", "年度");
                assertThat(table.stream().map(row -> String.join("|", row.subList(0, 6)))).as(policy).containsExactlyElementsOf(rows);
                // which are the printed 計: R2 and R3 settled, R4 forecast
                Map<String, String> printed = totals.where("policy_code", policy).get(0);
                assertThat(List.of(table.get(0).get(1), table.get(1).get(1), table.get(2).get(2))).as(policy)
                        .containsExactly(printed.get("R2"), printed.get("R3"), printed.get("R4_forecast"));
            });
            // and the overview holds the same figures
            List<List<String>> overview = table(workbook.getSheet("施策別コスト"), "施策別コストの推移", "施策");
            assertThat(overview.stream().map(row -> row.get(0) + "|" + row.get(3) + "|" + row.get(4) + "|" + row.get(5)))
                    .containsExactlyElementsOf(totals.where("row_type", "計（単位：千円）").stream()
                            .map(row -> row.get("policy_code") + "|" + row.get("R2") + "|" + row.get("R3") + "|" + row.get("R4_forecast")).toList());
            assertThat(headerRow(workbook.getSheet("施策別コスト"), "施策")).contains("令和2年度\n決算", "令和3年度\n決算", "令和4年度\n決算見込み");
        }
    }

    @Test
    void shouldDrawOneChartPerCostSheetFromItsOwnCells() throws Exception {
        try (XSSFWorkbook workbook = open(report)) {
            for (XSSFSheet sheet : sheets(workbook)) {
                if (!sheet.getSheetName().matches("施策\\d{3}")) {
                    assertThat(sheet.getDrawingPatriarch() == null ? List.of() : sheet.getDrawingPatriarch().getCharts())
                            .as(sheet.getSheetName()).isEmpty();
                    continue;
                }
                // then exactly one chart, titled after the policy, a bar chart of two series
                List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
                assertThat(charts).as(sheet.getSheetName()).hasSize(1);
                XSSFChart chart = charts.get(0);
                assertThat(chart.getTitleText().getString()).startsWith(sheet.getSheetName() + " ").endsWith(" 総コストの推移");
                assertThat(chart.getChartSeries()).hasSize(1);
                XDDFChartData data = chart.getChartSeries().get(0);
                assertThat(data).isInstanceOf(XDDFBarChartData.class);
                assertThat(chart.getCTChart().xmlText()).contains("<c:grouping val=\"stacked\"/>").contains("<c:overlap val=\"100\"/>");

                // whose categories are the table's years and whose values are its 決算 and 決算見込み cells
                int header = headerRowIndex(sheet, "年度");
                int last = header + 1;
                while (sheet.getRow(last + 1) != null && !text(sheet.getRow(last + 1).getCell(0)).isEmpty()) {
                    last++;
                }
                assertThat(data.getSeriesCount()).isEqualTo(2);
                for (int s = 0; s < 2; s++) {
                    XDDFChartData.Series series = data.getSeries(s);
                    assertThat(series.getCategoryData().getDataRangeReference())
                            .isEqualTo(new CellRangeAddress(header + 1, last, 0, 0).formatAsString(sheet.getSheetName(), true));
                    assertThat(series.getValuesData().getDataRangeReference())
                            .isEqualTo(new CellRangeAddress(header + 1, last, 1 + s, 1 + s).formatAsString(sheet.getSheetName(), true));
                    assertThat(((XDDFBarChartData.Series) series).getCTBarSer().getTx().getStrRef().getF())
                            .isEqualTo(new CellReference(sheet.getSheetName(), header, 1 + s, true, true).formatAsString());
                }
                assertThat(last - header).as(sheet.getSheetName() + " years").isEqualTo(3);
                assertThat(text(sheet.getRow(header).getCell(1))).isEqualTo("決算（千円）");
                assertThat(text(sheet.getRow(header).getCell(2))).isEqualTo("決算見込み（千円）");
            }
        }
    }

    @Test
    void shouldJudgeEachIndicatorInItsDirection() throws Exception {
        try (XSSFWorkbook workbook = open(report)) {
            List<List<String>> strategy = table(workbook.getSheet("指標の進捗"), "第２期まち・ひと・しごと創生総合戦略", "区分");
            Map<String, List<String>> byName = new LinkedHashMap<>();
            strategy.forEach(row -> byName.put(row.get(2), row));

            // then 待機児童数 (44 -> 0) goes down: 17 is progress of 61.4 % but not the target, and no value ÷ target
            assertThat(byName.get("待機児童数").subList(4, 14))
                    .containsExactly("R6実績", "17", "44", "R1", "0", "R7", "↓", "", "61.4%", "未達成");
            // ふれあい推進事業 (8,776 -> 7,500) goes up to a lowered target: a fall to 6,817 is no progress
            assertThat(byName.get("ふれあい推進事業の参加者数").subList(4, 14))
                    .containsExactly("R6実績", "6,817", "8,776", "R1", "7,500", "R7", "↑", "90.9%", "-153.5%", "未達成");
            assertThat(byName.get("健康寿命（女性）").subList(5, 14))
                    .containsExactly("21.15", "20.69", "R1", "21.08", "R7", "↑", "100.3%", "117.9%", "達成");
            // a 数値目標 whose latest year prints no number shows its latest number
            assertThat(byName.get("民営事業所従業員数の向上").subList(4, 7)).containsExactly("R3実績", "43,400", "40,923");
            // and every indicator of the plan is there once
            assertThat(strategy).hasSize((int) warehouse.count("""
                    select count(distinct (owner_code, indicator_no, sub_label)) from v_indicator_progress
                    where municipality_code = '112275' and plan = 'regional_strategy_2'
                    """));
            List<List<String>> policy = table(workbook.getSheet("指標の進捗"), "総合計画 後期基本計画", "区分");
            assertThat(policy).hasSize(16).allSatisfy(row -> assertThat(row.get(10)).isEqualTo("－"));
        }
    }

    @Test
    void shouldListEveryDataQualityFindingOfTheMunicipality() throws Exception {
        List<String> expected = warehouse.lines("""
                select rule, count(*) from v_data_quality_findings where municipality_code = '112275'
                group by rule order by rule
                """);

        try (XSSFWorkbook workbook = open(report)) {
            XSSFSheet sheet = workbook.getSheet("データ品質");
            List<List<String>> summary = table(sheet, "種類別の件数", "重要度");
            assertThat(summary.subList(0, summary.size() - 1).stream().map(row -> row.get(1) + "|" + row.get(3)).sorted())
                    .containsExactlyElementsOf(expected);
            assertThat(summary.get(summary.size() - 1)).containsExactly("合計", "", "", "16");
            List<List<String>> findings = table(sheet, "指摘の一覧", "重要度");
            assertThat(findings).hasSize(16);
            assertThat(findings).anySatisfy(row -> assertThat(row).containsExactly("警告", "評価一覧の評価が事業シートの評価と異なる",
                    "R5_地域福祉計画_評価一覧.xlsx", "評価一覧", "G32", row.get(5)));
        }
    }

    @Test
    void shouldNameTheViewOfEveryTable() throws Exception {
        List<String> views = warehouse.lines("select view_name from duckdb_views() where not internal");
        try (XSSFWorkbook workbook = open(report)) {
            for (XSSFSheet sheet : sheets(workbook)) {
                if (sheet.getSheetName().equals("概要")) {
                    continue;
                }
                int tables = 0;
                for (Row row : sheet) {
                    if (row.getCell(0) != null
                            && row.getCell(0).getCellStyle().getFillForegroundColor() == IndexedColors.GREY_25_PERCENT.getIndex()) {
                        tables++;
                        // then above every table's header, within its heading and notes, a line names its views
                        String source = sourceAbove(sheet, row.getRowNum());
                        assertThat(source).as(sheet.getSheetName() + " row " + (row.getRowNum() + 1)).startsWith("出典: v_");
                        for (String view : source.substring(4).split("[、（）]")) {
                            if (view.startsWith("v_")) {
                                assertThat(views).as(source).contains(view.strip());
                            }
                        }
                    }
                }
                assertThat(tables).as(sheet.getSheetName()).isPositive();
            }
        }
    }

    @Test
    void shouldPrintTheFiguresAndChartTitlesWhenLibreOfficeRendersIt() throws Exception {
        Path soffice = Stream.of("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: the report is not rendered");
        Path out = Files.createDirectories(temp.resolve("rendered"));

        // when LibreOffice converts it to PDF, with a profile of its own so that parallel runs do not clash
        long start = System.nanoTime();
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + temp.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), report.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        System.out.printf("AnnualReportIntegrationTests: LibreOffice rendered the report in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Path pdf = out.resolve(report.getFileName().toString().replace(".xlsx", ".pdf"));
        assertThat(pdf).as(Files.readString(temp.resolve("soffice.log"))).exists();

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // then every sheet prints on a page or a few (the list of indicators takes three)
            assertThat(document.getNumberOfPages()).isBetween(21, 30);
            String text = new PDFTextStripper().getText(document);
            String compact = text.replaceAll("\\s+", "");
            // the printed shares, as the city prints them
            assertThat(text).contains("A 目標達成（見込み） 9 33.3%", "B 策定当初より良くなっている 11 40.8%",
                    "C 策定当初より悪くなっている 7 25.9%", "合計 27 100.0%", "A+B 20 74.1%");
            assertThat(text).contains("A 目標達成 0 0.0%", "B 目標達成（見込み） 3 42.9%", "C 目標達成に至らない 4 57.1%", "合計 7 100.0%");
            // each policy's costs and its chart's title
            for (Map<String, String> total : TruthTable.load("policy_cost_total").where("row_type", "計（単位：千円）")) {
                assertThat(text).contains(total.get("R2"), total.get("R3"), total.get("R4_forecast"));
            }
            try (XSSFWorkbook workbook = open(report)) {
                for (XSSFSheet sheet : sheets(workbook)) {
                    if (sheet.getDrawingPatriarch() != null && !sheet.getDrawingPatriarch().getCharts().isEmpty()) {
                        String title = sheet.getDrawingPatriarch().getCharts().get(0).getTitleText().getString();
                        assertThat(compact).as(title).contains(title.replaceAll("\\s+", ""));
                    }
                }
            }
            assertThat(text).contains("出典: v_status_summary", "出典: v_policy_cost_trend", "出典: v_welfare_grade_trend",
                    "出典: v_indicator_progress", "出典: v_data_quality_findings", "出典: v_policy_rating_share");
        }
    }

    @Test
    void shouldWriteTheReportWhereReportNamesIt() throws Exception {
        // given a copy of the warehouse, and a run over the same files naming the report's file
        Path folder = Files.createDirectories(temp.resolve("named"));
        Warehouse copy = new Warehouse(Files.copy(warehouse.file(), folder.resolve("warehouse.duckdb")));
        Path named = folder.resolve("reports").resolve("令和6年度_年次報告.xlsx");

        // when
        Run again = run(() -> copy.ingest(Path.of("input"), "--report=" + named));

        // then it is written there, and not beside the warehouse
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Annual report: " + named + " (112275 朝霞市: 21 sheets, 14 cost charts) written in ");
        assertThat(named).isRegularFile();
        assertThat(folder.resolve("warehouse_112275_朝霞市_年次報告.xlsx")).doesNotExist();
        try (XSSFWorkbook workbook = open(named)) {
            assertThat(table(workbook.getSheet("総合戦略"), "KPIの進捗状況", "評価").get(4)).containsExactly("A+B",
                    "目標達成に向け概ね進捗している（AとBの割合の合計）", "20", "74.1%");
        }
    }

    @Test
    void shouldWriteNoReportWhenTheRunNamesNoneOfTwoMunicipalities() throws Exception {
        // given input/ submitted by 朝霞市 and by 所沢市, one folder each
        Path folder = Files.createDirectories(temp.resolve("two"));
        Path submissions = folder.resolve("submissions");
        Warehouse.copyFolder(Path.of("input"), submissions.resolve("112275_朝霞市"));
        Warehouse.copyFolder(Path.of("input"), submissions.resolve("112089_所沢市"));
        Path file = folder.resolve("warehouse.duckdb");
        String[] options = {"--input=" + submissions, "--warehouse=" + file, "--feedback=" + folder.resolve("feedback")};

        // when a run names no municipality
        Run both = run(() -> EvalSheetWarehouseApplication.run(options));

        // then it is published, and one line says why no report was written
        assertThat(both.exitCode()).as(both.output()).isZero();
        assertThat(both.output().lines().filter(line -> line.startsWith("Annual report:")))
                .containsExactly("Annual report: none written, as the warehouse holds more than one municipality and the run "
                        + "names none (--municipality=CODE_NAME chooses the municipality of the report, --report=FILE its file).");
        assertThat(reportsIn(folder)).isEmpty();

        // when a run names the file but no municipality, no report is written and the run asks for attention
        Path named = folder.resolve("報告.xlsx");
        Run namedOnly = run(() -> EvalSheetWarehouseApplication.run(Stream.concat(Stream.of(options),
                Stream.of("--report=" + named)).toArray(String[]::new)));
        assertThat(namedOnly.exitCode()).as(namedOnly.output()).isEqualTo(2);
        assertThat(namedOnly.output()).contains("Annual report: none written, as the warehouse holds more than one municipality")
                .contains("; " + named + " was not written.");
        assertThat(named).doesNotExist();

        // and a run that names one writes that one's report
        Run tokorozawa = run(() -> EvalSheetWarehouseApplication.run(Stream.concat(Stream.of(options),
                Stream.of("--municipality=112089_所沢市")).toArray(String[]::new)));
        assertThat(tokorozawa.exitCode()).as(tokorozawa.output()).isZero();
        assertThat(reportsIn(folder)).containsExactly("warehouse_112089_所沢市_年次報告.xlsx");
        try (XSSFWorkbook workbook = open(folder.resolve("warehouse_112089_所沢市_年次報告.xlsx"))) {
            assertThat(text(workbook.getSheet("概要").getRow(0).getCell(0))).isEqualTo("所沢市 評価シート 年次報告");
            assertThat(table(workbook.getSheet("総合戦略"), "KPIの進捗状況", "評価")).extracting(row -> row.get(2))
                    .containsExactly("9", "11", "7", "27", "20");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Run(int exitCode, String output) {
    }

    private interface Command {
        int run();
    }

    /** Runs the application, capturing what it prints. */
    private static Run run(Command command) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exitCode = command.run();
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static List<XSSFSheet> sheets(XSSFWorkbook workbook) {
        List<XSSFSheet> sheets = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            sheets.add(workbook.getSheetAt(i));
        }
        return sheets;
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> reportsIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("_年次報告.xlsx")).sorted().toList();
        }
    }

    /**
     * The rows of the table under the first line that starts with {@code heading}: from the row after
     * the header whose first cell is {@code firstHeader} to the first empty row, each cell as shown.
     */
    private static List<List<String>> table(XSSFSheet sheet, String heading, String firstHeader) {
        int header = headerRowIndex(sheet, firstHeader, rowStarting(sheet, heading));
        int width = sheet.getRow(header).getLastCellNum();
        List<List<String>> rows = new ArrayList<>();
        for (int r = header + 1; sheet.getRow(r) != null && !text(sheet.getRow(r).getCell(0)).isEmpty(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(text(sheet.getRow(r).getCell(c)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> headerRow(XSSFSheet sheet, String firstHeader) {
        List<String> cells = new ArrayList<>();
        sheet.getRow(headerRowIndex(sheet, firstHeader)).forEach(cell -> cells.add(text(cell)));
        return cells;
    }

    private static int headerRowIndex(XSSFSheet sheet, String firstHeader) {
        return headerRowIndex(sheet, firstHeader, 0);
    }

    private static int headerRowIndex(XSSFSheet sheet, String firstHeader, int from) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r) != null && text(sheet.getRow(r).getCell(0)).equals(firstHeader)) {
                return r;
            }
        }
        throw new AssertionError("no table headed " + firstHeader + " in " + sheet.getSheetName() + " after row " + (from + 1));
    }

    private static int rowStarting(XSSFSheet sheet, String text) {
        for (Row row : sheet) {
            if (text(row.getCell(0)).startsWith(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no line " + text + " in " + sheet.getSheetName());
    }

    /** The 出典 line among the few lines above a table's header (its heading, source and notes). */
    private static String sourceAbove(XSSFSheet sheet, int header) {
        for (int r = header - 1; r >= Math.max(0, header - 4); r--) {
            String line = sheet.getRow(r) == null ? "" : text(sheet.getRow(r).getCell(0));
            if (line.startsWith("出典: ")) {
                return line;
            }
        }
        return "";
    }

    private static String text(Cell cell) {
        return cell == null ? "" : SHOWN.formatCellValue(cell);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line " + prefix + " in " + lines);
    }

    /** A change as the report prints it: {@code +1,604}, {@code -4,946}, {@code 0}. */
    private static String signed(long change) {
        return change == 0 ? "0" : String.format("%+,d", change);
    }

    private static String thousands(Object value) {
        return String.format("%,d", ((BigDecimal) value).longValue());
    }

    /** The share printed for {@code count} of {@code total}, rounded half up to one decimal. */
    private static String percent(long count, long total) {
        return BigDecimal.valueOf(1000 * count).divide(BigDecimal.valueOf(total), 0, java.math.RoundingMode.HALF_UP)
                .movePointLeft(1).setScale(1).toPlainString() + "%";
    }

    /**
     * The shares of counts as the city prints them: in tenths of a percent, each rounded down, the
     * tenths still missing to 100.0 given to the largest remainders (29, 15 and 1 of 45: 64.5, 33.3, 2.2,
     * where plain rounding gives 64.4).
     */
    private static List<String> printedShares(List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long[] tenths = counts.stream().mapToLong(count -> count * 1000 / total).toArray();
        long missing = 1000 - java.util.Arrays.stream(tenths).sum();
        List<Integer> byRemainder = new ArrayList<>(java.util.stream.IntStream.range(0, counts.size()).boxed().toList());
        byRemainder.sort(java.util.Comparator.comparingLong((Integer i) -> -(counts.get(i) * 1000 % total)).thenComparing(i -> i));
        for (int i = 0; i < missing; i++) {
            tenths[byRemainder.get(i)]++;
        }
        return java.util.Arrays.stream(tenths).mapToObj(t -> BigDecimal.valueOf(t, 1).toPlainString() + "%").toList();
    }
}
