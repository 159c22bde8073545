package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EraYearParserTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            R4                 | 2022
            R２                | 2020
            r4                 | 2022
            R元                | 2019
            R1                 | 2019
            R7                 | 2025
            Ｒ４               | 2022
            令和4年度          | 2022
            令和元年度         | 2019
            令和５年度         | 2023
            H1                 | 1989
            H26                | 2014
            H31                | 2019
            H2７               | 2015
            h30                | 2018
            平成28年度         | 2016
            平成元年           | 1989
            (R4年度見込み)     | 2022
            R4年度見込み       | 2022
            最終年度目標 (R7年度) | 2025
            最終年度目標（R7年度） | 2025
            R2決算             | 2020
            R4決算見込み       | 2022
            R4年度(見込み)     | 2022
            （H2７）           | 2015
            S63                | 1988
            昭和63年           | 1988
            2022年度           | 2022
            FY2022             | 2022
            fy 2021            | 2021
            H32                | 2020
            """)
    void shouldReadFiscalYear(String text, int expected) {
        assertThat(EraYearParser.parseFiscalYear(text)).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            R3実績 / R4目標   | 2021
            H30〜R2           | 2018
            令和2年度（2020年度） | 2020
            2021年度 (R3)     | 2021
            """)
    void shouldUseFirstEraYearWhenTextHasSeveral(String text, int expected) {
        assertThat(EraYearParser.parseFiscalYear(text)).hasValue(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"R0", "R", "H", "Rabc", "R123", "PS4", "目標値", "2022", "実績", "令和"})
    void shouldFindNoFiscalYearWhenTextHasNone(String text) {
        assertThat(EraYearParser.parseFiscalYear(text)).isEmpty();
    }

    @Test
    void shouldReturnFiscalYearWhenParsingOrThrowing() {
        assertThat(EraYearParser.parseFiscalYearOrThrow("令和4年度")).isEqualTo(2022);
    }

    @Test
    void shouldThrowWithExpectationWhenNoFiscalYear() {
        assertThatThrownBy(() -> EraYearParser.parseFiscalYearOrThrow("Rabc"))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected an era fiscal year such as R4, 令和4年度 or H31, found \"Rabc\"");
    }

    @Test
    void shouldThrowWithEmptyQuotesWhenTextIsNull() {
        assertThatThrownBy(() -> EraYearParser.parseFiscalYearOrThrow(null))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected an era fiscal year such as R4, 令和4年度 or H31, found \"\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2022 | R4      | 令和4年度
            2025 | R7      | 令和7年度
            2019 | R1      | 令和元年度
            2018 | H30     | 平成30年度
            1990 | H2      | 平成2年度
            1989 | H1      | 平成元年度
            1988 | S63     | 昭和63年度
            1926 | S1      | 昭和元年度
            """)
    void shouldLabelFiscalYearByEra(int fiscalYear, String eraLabel, String warekiLabel) {
        assertThat(EraYearParser.eraLabel(fiscalYear)).isEqualTo(eraLabel);
        assertThat(EraYearParser.warekiLabel(fiscalYear)).isEqualTo(warekiLabel);
    }

    @ParameterizedTest
    @ValueSource(ints = {2019, 2022, 2030, 2018, 2000, 1989, 1988, 1926})
    void shouldReadBackItsOwnLabels(int fiscalYear) {
        assertThat(EraYearParser.parseFiscalYear(EraYearParser.eraLabel(fiscalYear))).hasValue(fiscalYear);
        assertThat(EraYearParser.parseFiscalYear(EraYearParser.warekiLabel(fiscalYear))).hasValue(fiscalYear);
    }

    @Test
    void shouldRejectLabelWhenYearIsBeforeShowa() {
        assertThatIllegalArgumentException().isThrownBy(() -> EraYearParser.eraLabel(1925));
        assertThatIllegalArgumentException().isThrownBy(() -> EraYearParser.warekiLabel(1925));
    }
}
