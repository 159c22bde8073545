package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class LabelsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            計（単位：千円）           | 計(単位:千円)
            計 (単位:千円)             | 計(単位:千円)
            "  計　( 単位 : 千円 ) "    | 計(単位:千円)
            Ｒ４年度                   | R4年度
            Ｈ２７                     | H27
            "事業\n費"                 | 事業費
            "目標値\u00A0(R7)"         | 目標値(R7)
            ２１．０２％               | 21.02%
            施策の進捗状況             | 施策の進捗状況
            ③                          | ③
            ＡＢ                       | ＡＢ
            """)
    void shouldNormalizeSpacesWidthsAndPunctuation(String label, String expected) {
        assertThat(Labels.normalize(label.translateEscapes())).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @CsvSource({"''", "' '", "'　'"})
    void shouldNormalizeNothingToEmpty(String label) {
        assertThat(Labels.normalize(label)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -     | true
            －    | true
            " ― " | true
            ""    | true
            ー−   | false
            0     | false
            -1    | false
            """)
    void shouldTellADashOrNothingFromAValue(String text, boolean expected) {
        assertThat(Labels.isDashOrEmpty(text)).isEqualTo(expected);
    }
}
