package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    /**
     * The strategy extractor makes letters ASCII after a cell's memoized label rather than before
     * normalizing: both orders must give the same text.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ＫＰＩ（Ｒ６）
            "ＫＰＩ\n（Ｒ６年度）"
            "Ｒ６ 　ｒ６\tＨ２７ ｈ２７"
            数値目標：Ａｂｃ１２３
            "（ａ）：（Ｚ）\r\n"
            "ＳＤＧｓ\u00A0目標値 (R7)"
            ＡＢＣ
            abc
            ""
            ①ＫＰＩ．－＋％
            """)
    void shouldGiveTheSameTextWhetherLettersAreMadeAsciiBeforeOrAfter(String text) {
        String unescaped = text == null ? "" : text.translateEscapes();
        assertThat(JapaneseText.toHalfWidthLetters(Labels.normalize(unescaped)))
                .isEqualTo(Labels.normalize(JapaneseText.toHalfWidthLetters(unescaped)));
    }

    /** Both map one character at a time, so that they agree on every character proves they commute. */
    @Test
    void shouldGiveTheSameCharacterWhetherLettersAreMadeAsciiBeforeOrAfter() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            String text = "x" + (char) c + "ｙ";
            assertThat(JapaneseText.toHalfWidthLetters(Labels.normalize(text)))
                    .as("U+%04X", c)
                    .isEqualTo(Labels.normalize(JapaneseText.toHalfWidthLetters(text)));
        }
    }
}
