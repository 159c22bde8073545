package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatingParserTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 2 ③ 4 … おおむね順調     | 3 | おおむね順調
            ① 2 3 4 … 順調             | 1 | 順調
            1 2 3 ④ … 遅れ             | 4 | 遅れ
            1 ② 3 4 ... やや遅れ       | 2 | やや遅れ
            1 2 ③ 4 ・・・ おおむね順調 | 3 | おおむね順調
            1 2 ③ 4 ‥ おおむね順調     | 3 | おおむね順調
            1 2 ③ 4 …… おおむね順調    | 3 | おおむね順調
            1　2　③　4　…　おおむね順調 | 3 | おおむね順調
            12③4…おおむね順調          | 3 | おおむね順調
            １ ２ ③ ４ … おおむね順調  | 3 | おおむね順調
            1 2 ③ 4 …                  | 3 | ''
            ③                          | 3 | ''
            3                          | 3 | ''
            ３                         | 3 | ''
            ③ おおむね順調             | 3 | おおむね順調
            1 2 ③ 4 おおむね順調       | 3 | おおむね順調
            3 … おおむね順調            | 3 | おおむね順調
            ❸ … おおむね順調            | 3 | おおむね順調
            """)
    void shouldReadCircledStepAndLabel(String raw, int value, String label) {
        // when
        Rating rating = RatingParser.parse(raw);

        // then
        assertThat(rating).isEqualTo(new Rating(value, label, raw));
    }

    @Test
    void shouldJoinLabelWhenItSpansLines() {
        // given
        String raw = "1 2 ③ 4\n…\nおおむね\n順調\n";

        // when
        Rating rating = RatingParser.parse(raw);

        // then
        assertThat(rating.value()).isEqualTo(3);
        assertThat(rating.label()).isEqualTo("おおむね順調");
        assertThat(rating.raw()).isEqualTo(raw);
    }

    @Test
    void shouldCollapseWhitespaceInLabel() {
        assertThat(RatingParser.parse("1 2 ③ 4 …   on    track ").label()).isEqualTo("on track");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 2 3 4 5 ⑥ 7 … 良好 | 7  | 6
            ⑩                    | 10 | 10
            1 ② 3               | 3  | 2
            """)
    void shouldReadStepWhenScaleIsGiven(String raw, int maxValue, int expected) {
        assertThat(RatingParser.parse(raw, maxValue).value()).isEqualTo(expected);
    }

    static Stream<Arguments> invalidRatings() {
        return Stream.of(
                Arguments.of("1 2 3 4 … おおむね順調",
                        "expected exactly one circled digit ①–④ marking the rating, found none in \"1 2 3 4 … おおむね順調\""),
                Arguments.of("… おおむね順調",
                        "expected exactly one circled digit ①–④ marking the rating, found none in \"… おおむね順調\""),
                Arguments.of("おおむね順調",
                        "expected exactly one circled digit ①–④ marking the rating, found none in \"おおむね順調\""),
                Arguments.of("",
                        "expected exactly one circled digit ①–④ marking the rating, found none in \"\""),
                Arguments.of("1 ② ③ 4 … 順調",
                        "expected exactly one circled digit ①–④ marking the rating, found 2 (②, ③) in \"1 ② ③ 4 … 順調\""),
                Arguments.of("⑤",
                        "expected a rating from 1 to 4, found ⑤ in \"⑤\""),
                Arguments.of("1 2 3 4 ⑤ … 順調",
                        "expected a rating from 1 to 4, found ⑤ in \"1 2 3 4 ⑤ … 順調\""),
                Arguments.of("7",
                        "expected a rating from 1 to 4, found 7 in \"7\""),
                Arguments.of("0",
                        "expected a rating from 1 to 4, found 0 in \"0\""));
    }

    @ParameterizedTest
    @MethodSource("invalidRatings")
    void shouldThrowWithReasonWhenRatingIsInvalid(String raw, String message) {
        assertThatThrownBy(() -> RatingParser.parse(raw))
                .isInstanceOf(ValueParseException.class)
                .hasMessage(message);
    }

    @Test
    void shouldThrowWhenRawIsNull() {
        assertThatThrownBy(() -> RatingParser.parse(null))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected exactly one circled digit ①–④ marking the rating, found none in \"\"");
    }

    @Test
    void shouldNameScaleInMessageWhenMaxValueIsGiven() {
        assertThatThrownBy(() -> RatingParser.parse("1 2 3 4 5", 5))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected exactly one circled digit ①–⑤ marking the rating, found none in \"1 2 3 4 5\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 21})
    void shouldRejectMaxValueWhenOutsideCircledDigits(int maxValue) {
        assertThatIllegalArgumentException().isThrownBy(() -> RatingParser.parse("③", maxValue));
    }
}
