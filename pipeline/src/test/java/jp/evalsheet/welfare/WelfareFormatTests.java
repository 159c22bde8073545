package jp.evalsheet.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.evalsheet.value.EraYearParser;
import jp.evalsheet.welfare.WelfareSheet.BlankYear;
import jp.evalsheet.welfare.WelfareSheet.YearValue;

/**
 * One submission (地域福祉推進課, 29 sheets including the four with merged milestones) saved as .xlsx, as
 * legacy .xls and as CP932 CSV (one file per sheet) by LibreOffice: .xlsx and .xls give the same
 * extraction; CSV gives the same except what a CSV cannot hold, the merge ranges.
 */
class WelfareFormatTests {

    static Map<String, WelfareSheet> xlsx;
    static Map<String, WelfareSheet> xls;
    static Map<String, WelfareSheet> csv;

    @BeforeAll
    static void readEveryFormat() {
        xlsx = bySubject(WelfareFiles.sheets(WelfareFiles.files(WelfareFiles.FORMATS.resolve("xlsx"), "R5_")));
        xls = bySubject(WelfareFiles.sheets(WelfareFiles.files(WelfareFiles.FORMATS.resolve("xls"), "R5_")));
        csv = bySubject(WelfareFiles.sheets(WelfareFiles.files(WelfareFiles.FORMATS.resolve("csv"), "R5_")));
    }

    private static Map<String, WelfareSheet> bySubject(List<WelfareSheet> sheets) {
        return sheets.stream().collect(Collectors.toMap(WelfareSheet::subjectCode, Function.identity()));
    }

    @Test
    void shouldExtractTheSameFromXlsxAndXls() {
        assertThat(xlsx).hasSize(29);
        assertThat(xls.keySet()).isEqualTo(xlsx.keySet());
        for (String subject : xlsx.keySet()) {
            assertThat(xls.get(subject)).as(subject).isEqualTo(xlsx.get(subject));
        }
    }

    @Test
    void shouldExtractTheSameFromCsvExceptTheMergedYears() {
        assertThat(csv.keySet()).isEqualTo(xlsx.keySet());
        for (String subject : xlsx.keySet()) {
            WelfareSheet fromXlsx = xlsx.get(subject);
            WelfareSheet fromCsv = csv.get(subject);
            // a CSV is one sheet named after its file: <workbook>-<sheet>
            assertThat(fromCsv.sheetName()).isEqualTo("R5_地域福祉計画評価シート_地域福祉推進課-" + fromXlsx.sheetName());
            // the merge ranges are gone: each milestone stands in its first year only, without its range
            List<YearValue> withoutMerges = fromXlsx.values().stream().filter(v -> !v.inferredFromMerge())
                    .map(v -> new YearValue(v.fiscalYear(), v.kind(), v.value(), v.subLabel(), v.cell(), null, false))
                    .toList();
            assertThat(fromCsv.values()).as(subject).isEqualTo(withoutMerges);
            // the years they covered are blank, not invented
            List<BlankYear> expectedBlanks = new ArrayList<>(fromXlsx.blankYears());
            for (YearValue lost : fromXlsx.values().stream().filter(YearValue::inferredFromMerge).toList()) {
                expectedBlanks.add(new BlankYear(lost.fiscalYear(), lost.kind(), lost.subLabel(),
                        jp.evalsheet.grid.CellAddresses.a1(lost.mergedFrom().firstRow(), columnOf(fromXlsx, lost))));
            }
            assertThat(fromCsv.blankYears()).as(subject).containsExactlyInAnyOrderElementsOf(expectedBlanks);
            // everything else is the same
            WelfareSheet rest = new WelfareSheet(fromXlsx.sheetName(), fromCsv.evaluationFiscalYear(), fromCsv.bureau(),
                    fromCsv.sections(), fromCsv.sectionsCell(), fromCsv.subsection(), fromCsv.basicGoalNo(),
                    fromCsv.basicGoalName(), fromCsv.basicGoal(), fromCsv.directionNo(), fromCsv.directionName(),
                    fromCsv.direction(), fromCsv.projectNo(), fromCsv.projectName(), fromCsv.project(), fromCsv.outline(),
                    fromCsv.indicatorName(), fromCsv.indicator(), fromCsv.yearColumns(), fromXlsx.values(),
                    fromXlsx.blankYears(), fromCsv.evaluation(), fromCsv.narratives());
            assertThat(rest).as(subject).isEqualTo(fromXlsx);
        }
    }

    /** Exactly these years are lost in CSV: the years right of the first column of each merged milestone. */
    @Test
    void shouldLoseExactlyTheYearsThatOnlyAMergeAssigned() {
        List<String> lost = new ArrayList<>();
        for (String subject : xlsx.keySet()) {
            for (BlankYear blank : csv.get(subject).blankYears()) {
                if (!xlsx.get(subject).blankYears().contains(blank)) {
                    lost.add(subject + " " + blank.kind().sqlName() + " " + EraYearParser.eraLabel(blank.fiscalYear()) + " " + blank.cell());
                }
            }
        }
        assertThat(lost).containsExactlyInAnyOrder(
                "1-2 target R4 E12", "1-2 target R5 F12", "1-2 actual R4 E13", "1-2 actual R5 F13",
                "1-3 target R4 E12", "1-3 target R5 F12", "1-3 target R6 G12", "1-3 actual R4 E13", "1-3 actual R5 F13",
                "3-1 target R4 E12", "3-1 actual R4 E13",
                "3-3 target R4 E12", "3-3 actual R4 E13");
        // the first year keeps its value
        assertThat(csv.get("1-2").value(WelfareSheet.Kind.TARGET, 2021).value().raw()).isEqualTo("調査・研究");
        assertThat(csv.get("1-2").value(WelfareSheet.Kind.TARGET, 2022)).isNull();
        assertThat(xlsx.get("1-2").value(WelfareSheet.Kind.TARGET, 2022).inferredFromMerge()).isTrue();
    }

    /** The column of a year in the year table: the merge's first column plus the year's offset from its first year. */
    private static int columnOf(WelfareSheet sheet, YearValue value) {
        int first = value.mergedFrom().firstColumn();
        int firstYear = sheet.values().stream().filter(v -> v.cell().equals(value.cell()) && !v.inferredFromMerge())
                .findFirst().orElseThrow().fiscalYear();
        return first + value.fiscalYear() - firstYear;
    }
}
