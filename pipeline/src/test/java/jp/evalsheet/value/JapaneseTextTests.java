package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseTextTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ０１２３４５６７８９ | 0123456789
            １００％             | 100%
            ２１．０２           | 21.02
            １，２３４           | 1,234
            －８４               | -84
            ＋３                 | +3
            R２                  | R2
            H2７                 | H27
            """)
    void shouldConvertFullWidthDigitsAndSigns(String input, String expected) {
        assertThat(JapaneseText.toHalfWidthDigits(input)).isEqualTo(expected);
    }

    @Test
    void shouldKeepCircledDigitsWhenConvertingDigits() {
        assertThat(JapaneseText.toHalfWidthDigits("1 2 ③ 4 ①②")).isEqualTo("1 2 ③ 4 ①②");
    }

    @Test
    void shouldKeepOtherCharactersWhenConvertingDigits() {
        assertThat(JapaneseText.toHalfWidthDigits("参加者数（人）≪歳≫Ａ")).isEqualTo("参加者数（人）≪歳≫Ａ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ＡＢＣ１ | ABC１
            ｖｓ       | vs
            施策Ａ     | 施策A
            施策       | 施策
            """)
    void shouldConvertFullWidthLettersOnly(String input, String expected) {
        assertThat(JapaneseText.toHalfWidthLetters(input)).isEqualTo(expected);
    }

    @Test
    void shouldReturnEmptyWhenConvertingNull() {
        assertThat(JapaneseText.toHalfWidthDigits(null)).isEmpty();
        assertThat(JapaneseText.collapseWhitespace(null)).isEmpty();
        assertThat(JapaneseText.joinLines(null)).isEmpty();
        assertThat(JapaneseText.toHalfWidthLetters(null)).isEmpty();
    }

    @Test
    void shouldConvertFullWidthLetters() {
        assertThat(JapaneseText.toHalfWidthLetters("ＡＢＣａｂｃ１")).isEqualTo("ABCabc１");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '　目標達成　'          | 目標達成
            'a\\tb'                  | a b
            '  a   b  '             | a b
            'おおむね\\n順調'        | おおむね 順調
            'a\\r\\n\\r\\nb'            | a b
            'a\\u00A0\\u3000 b'       | a b
            '　 \\t\\n'               | ''
            ''                      | ''
            """)
    void shouldCollapseWhitespaceToSingleSpaces(String input, String expected) {
        assertThat(JapaneseText.collapseWhitespace(unescape(input))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '目標達成\\n（見込み）'       | 目標達成（見込み）
            '目標\\r\\n達成'               | 目標達成
            'Twitter\\nフォロワー'        | Twitterフォロワー
            'on\\ntrack'                  | on track
            '　目標　\\n\\n　達成 です　'  | 目標達成 です
            """)
    void shouldJoinWrappedLinesWithoutSpaceBetweenJapanese(String input, String expected) {
        assertThat(JapaneseText.joinLines(unescape(input))).isEqualTo(expected);
    }

    private static String unescape(String text) {
        return text.replace("\\t", "\t").replace("\\r", "\r").replace("\\n", "\n")
                .replace("\\u00A0", "\u00A0").replace("\\u3000", "\u3000");
    }
}
