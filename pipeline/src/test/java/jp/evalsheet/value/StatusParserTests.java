package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusParserTests {

    private static final Set<String> ABC = Set.of("A", "B", "C");

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("A　目標達成\n（見込み）", "A", "目標達成（見込み）"),
                Arguments.of("B", "B", ""),
                Arguments.of(" B ", "B", ""),
                Arguments.of("C 未達成", "C", "未達成"),
                Arguments.of("Ａ　目標達成", "A", "目標達成"),
                Arguments.of("Ｂ", "B", ""),
                Arguments.of("Ｃ\n未達成", "C", "未達成"),
                Arguments.of("A目標達成", "A", "目標達成"),
                Arguments.of("\u3000A\u3000\u3000目標\r\n達成\n", "A", "目標達成"),
                Arguments.of("a 目標達成", "A", "目標達成"),
                Arguments.of("B　順調に\n進んでいる\n(一部遅れ)", "B", "順調に進んでいる(一部遅れ)"));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void shouldReadCodeAndLabel(String raw, String code, String label) {
        assertThat(StatusParser.parse(raw, ABC)).isEqualTo(new Status(code, label, raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u3000\n"})
    void shouldThrowWhenStatusIsBlank(String raw) {
        assertThatThrownBy(() -> StatusParser.parse(raw, ABC))
                .isInstanceOf(ValueParseException.class)
                .hasMessageStartingWith("expected a status A, B or C, found \"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "D 未達成", "AB", "目標達成", "1", "Ａ1"})
    void shouldThrowWhenCodeIsNotAllowed(String raw) {
        assertThatThrownBy(() -> StatusParser.parse(raw, ABC))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected a status A, B or C, found \"" + raw + "\"");
    }

    @Test
    void shouldThrowWithExactMessageWhenCodeIsD() {
        assertThatThrownBy(() -> StatusParser.parse("D", ABC))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected a status A, B or C, found \"D\"");
    }

    @Test
    void shouldListAllowedCodesInMessageWhenFewer() {
        assertThatThrownBy(() -> StatusParser.parse("C", Set.of("B", "A")))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected a status A or B, found \"C\"");
        assertThatThrownBy(() -> StatusParser.parse("C", Set.of("A")))
                .isInstanceOf(ValueParseException.class)
                .hasMessage("expected a status A, found \"C\"");
    }

    @Test
    void shouldAcceptCodeWhenAllowedSetIsWider() {
        assertThat(StatusParser.parse("D 未着手", Set.of("A", "B", "C", "D")))
                .isEqualTo(new Status("D", "未着手", "D 未着手"));
    }

    @Test
    void shouldRejectEmptyAllowedCodes() {
        assertThatIllegalArgumentException().isThrownBy(() -> StatusParser.parse("A", Set.of()));
    }
}
