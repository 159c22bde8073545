package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            40,923                   | 40923       | null | null
            58.2%                    | 58.2        | %    | null
            -84                      | -84         | null | null
            77.50                    | 77.50       | null | null
            １００％                 | 100         | %    | null
            21.0２                   | 21.02       | null | null
            3182件                   | 3182        | 件   | null
            80件                     | 80          | 件   | null
            1回                      | 1           | 回   | null
            12人                     | 12          | 人   | null
            10,338,996円             | 10338996    | 円   | null
            17.92 ≪82.92歳≫          | 17.92       | null | 82.92歳
            18.1５ ≪83.1５歳≫        | 18.15       | null | 83.15歳
            -5.0%                    | -5.0        | %    | null
            0%                       | 0           | %    | null
            △5                       | -5          | null | null
            ▲5                       | -5          | null | null
            +3                       | 3           | null | null
            1,234.5                  | 1234.5      | null | null
            43,400（速報値）         | 43400       | null | 速報値
            43,400 (速報値)          | 43400       | null | 速報値
            1,200千円                | 1200        | 千円 | null
            5か所                    | 5           | か所 | null
            65歳                     | 65          | 歳   | null
            －３                     | -3          | null | null
            ＋３                     | 3           | null | null
            1,000,000                | 1000000     | null | null
            0                        | 0           | null | null
            12,345人（見込み）       | 12345       | 人   | 見込み
            """)
    void shouldReadNumber(String raw, String number, String unit, String annotation) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(value.isNumber()).isTrue();
        assertThat(value.raw()).isEqualTo(raw);
        assertThat(value.number()).isEqualTo(new BigDecimal(number));
        assertThat(value.unit()).isEqualTo(unit);
        assertThat(value.annotation()).isEqualTo(annotation);
    }

    @Test
    void shouldKeepScaleAsPrinted() {
        assertThat(NumberParser.parse("77.50").number()).isEqualTo(new BigDecimal("77.50"));
        assertThat(NumberParser.parse("77.50").number().scale()).isEqualTo(2);
        assertThat(NumberParser.parse("-5.0%").number().scale()).isEqualTo(1);
    }

    static Stream<Arguments> numbersSurroundedByWhitespace() {
        return Stream.of(
                Arguments.of("  40,923  ", "40923"),
                Arguments.of("\u3000５８．２％\u3000", "58.2"),
                Arguments.of("\n3182件\n", "3182"),
                Arguments.of("\t\r\n-84 \n", "-84"),
                Arguments.of("17.92\n≪82.92歳≫", "17.92"));
    }

    @ParameterizedTest
    @MethodSource("numbersSurroundedByWhitespace")
    void shouldReadNumberWhenSurroundedByWhitespace(String raw, String expected) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.number()).isEqualTo(new BigDecimal(expected));
        assertThat(value.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "—", "―", "－", "‐", "ー", "–", " - ", "\u3000－\u3000", "――"})
    void shouldReadNotApplicableWhenDashAlone(String raw) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.kind()).isEqualTo(ValueKind.NOT_APPLICABLE);
        assertThat(value.raw()).isEqualTo(raw);
        assertThat(value.number()).isNull();
        assertThat(value.isNumber()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000", "\n", " \t\r\n\u3000 "})
    void shouldReadBlankWithEmptyRawWhenNullOrWhitespace(String raw) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value).isEqualTo(new ParsedValue("", ValueKind.BLANK, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ※                 | null
            ※未調査           | 未調査
            ※ 隔年調査のため   | 隔年調査のため
            ※（R5調査予定）   | R5調査予定
            """)
    void shouldReadNotSurveyedWhenReferenceMark(String raw, String annotation) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.kind()).isEqualTo(ValueKind.NOT_SURVEYED);
        assertThat(value.annotation()).isEqualTo(annotation);
        assertThat(value.number()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            中止                     | null
            ' 中止 '                 | null
            中止（感染症拡大のため） | 感染症拡大のため
            """)
    void shouldReadCancelled(String raw, String annotation) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.kind()).isEqualTo(ValueKind.CANCELLED);
        assertThat(value.annotation()).isEqualTo(annotation);
        assertThat(value.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"調査・研究", "調査・検討", "設置", "検討・準備", "全項目", "abc", "12abc34", "12abc",
        "啓発 21件 / 研修 7件", "1,23", "1234,567", "1,2345", "約100人", "100人以上", "5.", ".5", "1.2.3",
        "R4", "3-5", "--5"})
    void shouldReadTextWhenNotANumber(String raw) {
        // when
        ParsedValue value = NumberParser.parse(raw);

        // then
        assertThat(value.kind()).isEqualTo(ValueKind.TEXT);
        assertThat(value.raw()).isEqualTo(raw);
        assertThat(value.number()).isNull();
        assertThat(value.unit()).isNull();
        assertThat(value.annotation()).isNull();
    }

    @Test
    void shouldReturnNumberWhenKindIsNumber() {
        assertThat(NumberParser.number("10,338,996円")).hasValue(new BigDecimal("10338996"));
        assertThat(NumberParser.number("△5")).hasValue(new BigDecimal("-5"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-", "※", "中止", "調査・研究"})
    void shouldReturnNoNumberWhenKindIsNotNumber(String raw) {
        assertThat(NumberParser.number(raw)).isEmpty();
    }

    @Test
    void shouldRejectParsedValueWhenNumberDoesNotMatchKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ParsedValue("1", ValueKind.TEXT, BigDecimal.ONE, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ParsedValue("1", ValueKind.NUMBER, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ParsedValue("-", ValueKind.NOT_APPLICABLE, null, "件", null));
    }
}
