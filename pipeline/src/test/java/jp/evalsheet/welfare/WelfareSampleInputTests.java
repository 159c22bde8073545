package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.evalsheet.policy.PolicySheetExtractor;
import jp.evalsheet.samples.TruthTable;
import jp.evalsheet.samples.WelfareSampleWorkbooks;
import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.welfare.WelfareSheet.BlankYear;
import jp.evalsheet.welfare.WelfareSheet.Kind;
import jp.evalsheet.welfare.WelfareSheet.YearValue;

/**
 * The 45 welfare progress sheets of seed 004 as the sections submitted them in {@code input/}
 * (地域福祉推進課 .xlsx, 総務課 .xls, 高齢者・児童福祉課 CP932 CSV, one file per sheet), read with
 * {@link jp.evalsheet.grid.WorkbookReaders} and checked value by value against
 * {@code truth/welfare_sheet.csv} and {@code truth/welfare_narrative.csv}.
 */
class WelfareSampleInputTests {

    private static final TruthTable TRUTH = TruthTable.load("welfare_sheet");
    private static final TruthTable NARRATIVES = TruthTable.load("welfare_narrative");
    private static final Map<String, String> NARRATIVE_KEYS = Map.of(
            "activities", "activities", "self_assessment", "self_assessment", "issues", "issues", "direction", "next_steps");

    static Map<String, WelfareSheet> bySubject;
    static Map<String, Path> fileOf;

    @BeforeAll
    static void readInput() {
        bySubject = new LinkedHashMap<>();
        fileOf = new LinkedHashMap<>();
        for (Path file : WelfareFiles.files(WelfareFiles.INPUT, "R5_地域福祉計画評価シート_")) {
            for (WelfareSheet sheet : WelfareFiles.sheets(List.of(file))) {
                assertThat(bySubject.put(sheet.subjectCode(), sheet)).as("duplicate %s", sheet.subjectCode()).isNull();
                fileOf.put(sheet.subjectCode(), file);
            }
        }
    }

    private static String subject(Map<String, String> truth) {
        return truth.get("policy_direction_no") + "-" + truth.get("project_no");
    }

    @Test
    void shouldReadAllFortyFiveSheetsFromEveryFormatOfTheInput() {
        assertThat(bySubject).hasSize(45);
        assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(TRUTH.rows().stream().map(WelfareSampleInputTests::subject).toList());
        Map<String, Long> formats = fileOf.values().stream().collect(Collectors.groupingBy(
                p -> p.getFileName().toString().replaceAll(".*\\.", ""), Collectors.counting()));
        assertThat(formats).containsExactlyInAnyOrderEntriesOf(Map.of("xlsx", 29L, "xls", 13L, "csv", 3L));
        for (WelfareSheet sheet : bySubject.values()) {
            assertThat(sheet.family()).isEqualTo("welfare_progress");
            assertThat(sheet.planId()).isEqualTo("welfare_plan_4");
            assertThat(sheet.evaluationFiscalYear()).isEqualTo(2023);
            assertThat(sheet.yearColumns()).containsExactly(2021, 2022, 2023, 2024, 2025);
        }
        assertThat(bySubject.get("17-1")).isNull();
    }

    @Test
    void shouldReadTheHeaderOfEverySheetAsPrinted() {
        for (Map<String, String> truth : TRUTH.rows()) {
            WelfareSheet sheet = bySubject.get(subject(truth));
            String where = subject(truth) + " in " + fileOf.get(subject(truth)).getFileName();
            assertThat(String.join("、", sheet.sections())).as(where).isEqualTo(truth.get("section"));
            assertThat(sheet.departmentName()).as(where).isEqualTo(WelfareSampleWorkbooks.submittingSection(truth));
            assertThat(sheet.subsection() == null ? "" : sheet.subsection().rawText()).as(where).isEqualTo(truth.get("subsection"));
            assertThat(sheet.bureau()).as(where).isNull();
            assertThat(sheet.basicGoalNo()).as(where).isEqualTo(Integer.parseInt(truth.get("basic_goal_no")));
            assertThat(sheet.basicGoal().rawText()).as(where).isEqualTo(truth.get("basic_goal"));
            assertThat(sheet.basicGoalName()).as(where).isEqualTo(truth.get("basic_goal").substring(2));
            assertThat(sheet.directionNo()).as(where).isEqualTo(Integer.parseInt(truth.get("policy_direction_no")));
            assertThat(sheet.direction().rawText()).as(where).isEqualTo(truth.get("policy_direction"));
            assertThat(sheet.directionName()).as(where).isEqualTo(truth.get("policy_direction").replaceFirst("^（[^）]*）", ""));
            assertThat(sheet.projectNo()).as(where).isEqualTo(Integer.parseInt(truth.get("project_no")));
            assertThat(sheet.projectName()).as(where).isEqualTo(truth.get("project_name"));
            assertThat(sheet.indicatorName()).as(where).isEqualTo(truth.get("indicator_name"));
            assertThat(sheet.evaluation().code()).as(where).isEqualTo(truth.get("evaluation"));
            assertThat(sheet.evaluation().raw()).as(where).isEqualTo(truth.get("evaluation_label"));
            assertThat(sheet.evaluation().label()).as(where).isEqualTo(truth.get("evaluation_label").substring(2));
            assertThat(sheet.sheetName()).as(where).endsWith(WelfareSampleWorkbooks.sheetName(truth));
        }
    }

    @Test
    void shouldReadEveryTargetAndActualAsPrinted() {
        int checked = 0;
        for (Map<String, String> truth : TRUTH.rows()) {
            WelfareSheet sheet = bySubject.get(subject(truth));
            String where = subject(truth) + " in " + fileOf.get(subject(truth)).getFileName();
            boolean composite = WelfareSampleWorkbooks.isComposite(truth);
            for (Kind kind : Kind.values()) {
                String prefix = kind.sqlName() + "_";
                List<String> years = kind == Kind.TARGET ? WelfareSampleWorkbooks.YEARS : WelfareSampleWorkbooks.ACTUAL_YEARS;
                for (String year : years) {
                    int fiscalYear = EraYearParser.parseFiscalYearOrThrow(year);
                    List<YearValue> values = sheet.values(kind).stream().filter(v -> v.fiscalYear() == fiscalYear).toList();
                    String expected = truth.get(prefix + year);
                    if (composite) {
                        assertThat(values).as(where + " " + kind + " " + year).hasSize(2);
                        String printed = values.stream().map(v -> v.subLabel() + " " + v.value().raw()).collect(Collectors.joining(" / "));
                        assertThat(printed).as(where + " " + kind + " " + year).isEqualTo(expected);
                        assertThat(values).allSatisfy(v -> assertThat(v.value().isNumber()).isTrue());
                    } else {
                        assertThat(values).as(where + " " + kind + " " + year).hasSize(1);
                        YearValue value = values.get(0);
                        assertThat(value.subLabel()).isNull();
                        assertThat(value.value().raw()).as(where + " " + kind + " " + year).isEqualTo(expected);
                        String number = truth.get(prefix + year + "_num");
                        assertThat(value.value().number() == null ? "" : value.value().number().toPlainString())
                                .as(where + " " + kind + " " + year).isEqualTo(number);
                        assertThat(value.value().unit() == null ? "" : value.value().unit())
                                .as(where + " " + kind + " " + year).isEqualTo(truth.get(prefix + year + "_unit"));
                    }
                    checked += values.size();
                }
            }
            // R6 and R7 have no actual yet: blank cells, recorded as such (twice on two-row indicators)
            List<BlankYear> blanks = sheet.blankYears();
            assertThat(blanks).as(where).allSatisfy(b -> {
                assertThat(b.kind()).isEqualTo(Kind.ACTUAL);
                assertThat(b.fiscalYear()).isIn(2024, 2025);
            });
            assertThat(blanks).as(where).hasSize(composite ? 4 : 2);
            assertThat(sheet.values()).as(where).hasSize(composite ? 16 : 8);
        }
        // 42 one-row sheets x 8 values + 3 two-row sheets x 16
        assertThat(checked).isEqualTo(42 * 8 + 3 * 16);
    }

    @Test
    void shouldTakeTheYearsOfAMilestoneTypedOnceFromItsMergedCell() {
        List<String> inferred = new ArrayList<>();
        for (Map<String, String> truth : TRUTH.rows()) {
            WelfareSheet sheet = bySubject.get(subject(truth));
            boolean expectMerges = truth.get("year_assignment").startsWith("inferred");
            if (!expectMerges) {
                assertThat(sheet.values()).as(subject(truth)).allSatisfy(v -> {
                    assertThat(v.mergedFrom()).isNull();
                    assertThat(v.inferredFromMerge()).isFalse();
                });
                continue;
            }
            for (YearValue value : sheet.values()) {
                if (value.inferredFromMerge()) {
                    inferred.add(subject(truth) + " " + value.kind().sqlName() + " " + EraYearParser.eraLabel(value.fiscalYear())
                            + " " + value.value().raw() + " " + value.cell() + " " + value.mergedFrom().a1());
                } else if (value.mergedFrom() != null) {
                    // the column the milestone is typed in: the merge's top-left
                    assertThat(value.cell()).isEqualTo(value.mergedFrom().a1().split(":")[0]);
                }
            }
        }
        // (1)② 調査・研究 R3–R5; (1)③ 調査・検討 R3–R6 (target) and R3–R5 (actual); (3)① and (3)③ 調査・検討 R3–R4
        assertThat(inferred).containsExactlyInAnyOrder(
                "1-2 target R4 調査・研究 D12 D12:F12", "1-2 target R5 調査・研究 D12 D12:F12",
                "1-2 actual R4 調査・研究 D13 D13:F13", "1-2 actual R5 調査・研究 D13 D13:F13",
                "1-3 target R4 調査・検討 D12 D12:G12", "1-3 target R5 調査・検討 D12 D12:G12",
                "1-3 target R6 調査・検討 D12 D12:G12",
                "1-3 actual R4 調査・検討 D13 D13:F13", "1-3 actual R5 調査・検討 D13 D13:F13",
                "3-1 target R4 調査・検討 D12 D12:E12", "3-1 actual R4 調査・検討 D13 D13:E13",
                "3-3 target R4 調査・検討 D12 D12:E12", "3-3 actual R4 調査・検討 D13 D13:E13");
    }

    @Test
    void shouldKeepTheSubRowsOfTheTwoRowIndicators() {
        assertThat(bySubject.get("4-2").subLabels()).containsExactly("啓発", "研修");
        assertThat(bySubject.get("7-1").subLabels()).containsExactly("ボランティア", "実習生");
        assertThat(bySubject.get("10-1").subLabels()).containsExactly("SNS", "紙媒体");
        YearValue paper = bySubject.get("10-1").values(Kind.ACTUAL).stream()
                .filter(v -> v.fiscalYear() == 2023 && "紙媒体".equals(v.subLabel())).findFirst().orElseThrow();
        assertThat(paper.value().number()).isEqualByComparingTo("18");
        assertThat(paper.value().unit()).isEqualTo("回");
        assertThat(bySubject.get("1-1").subLabels()).isEmpty();
    }

    @Test
    void shouldReadEveryNarrativeBlockAsPrinted() {
        int checked = 0;
        for (Map<String, String> block : NARRATIVES.rows()) {
            Map<String, String> truth = TRUTH.where("sheet_no", block.get("sheet_no")).get(0);
            WelfareSheet sheet = bySubject.get(subject(truth));
            String text;
            if (block.get("block").equals("outline")) {
                text = sheet.outline().rawText();
            } else {
                String key = NARRATIVE_KEYS.get(block.get("block"));
                text = sheet.narratives().stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow().text();
            }
            assertThat(text).as(subject(truth) + " " + block.get("block")).isEqualTo(block.get("text"));
            checked++;
        }
        assertThat(checked).isEqualTo(45 * 5);
        assertThat(bySubject.get("1-1").narratives()).extracting(WelfareSheet.Narrative::heading)
                .containsExactly("R5年度の取り組み内容", "進捗状況及び自己評価", "課題", "今後の取り組み方針");
    }

    @Test
    void shouldCountTheGradesAsTheReportPrintsThem() {
        Map<String, Long> grades = bySubject.values().stream()
                .collect(Collectors.groupingBy(s -> s.evaluation().code(), Collectors.counting()));
        assertThat(grades).containsExactlyInAnyOrderEntriesOf(Map.of("A", 28L, "B", 16L, "C", 1L));
    }

    @Test
    void shouldNotMistakeAWelfareSheetForAPolicySheet() {
        for (Path file : WelfareFiles.files(WelfareFiles.INPUT, "R5_地域福祉計画")) {
            for (var grid : WelfareFiles.grids(file)) {
                assertThat(PolicySheetExtractor.recognizes(grid)).as(file + " " + grid.sheetName()).isFalse();
            }
        }
        for (Path file : WelfareFiles.files(WelfareFiles.INPUT, "R4_施策評価シート_")) {
            for (var grid : WelfareFiles.grids(file)) {
                assertThat(WelfareSheetExtractor.recognizes(grid)).as(file + " " + grid.sheetName()).isFalse();
                assertThat(WelfareOverviewExtractor.recognizes(grid)).as(file + " " + grid.sheetName()).isFalse();
            }
        }
    }
}
