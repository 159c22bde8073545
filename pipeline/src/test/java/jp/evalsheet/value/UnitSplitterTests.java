package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitSplitterTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            参加者数（人）                               | 参加者数                             | 人
            割合 (%)                                     | 割合                                 | %
            割合（％）                                   | 割合                                 | %
            Twitterフォロワー数（累計）（人）            | Twitterフォロワー数（累計）          | 人
            シティ・プロモーションの機会(累計)(回)       | シティ・プロモーションの機会(累計)   | 回
            事業費（千円）                               | 事業費                               | 千円
            設置数（か所）                               | 設置数                               | か所
            '　参加者数（ 人 ）　'                       | 参加者数                             | 人
            相談件数（延べ（人））                       | 相談件数                             | 延べ（人）
            参加者数                                     | 参加者数                             | null
            参加者数（累計）                             | 参加者数（累計）                     | null
            参加者数(累計値)                             | 参加者数(累計値)                     | null
            参加者数（人）の推移                         | 参加者数（人）の推移                 | null
            参加者数（）                                 | 参加者数（）                         | null
            （人）                                       | （人）                               | null
            参加者数人）                                 | 参加者数人）                         | null
            """)
    void shouldSplitUnitFromFinalParentheses(String printed, String name, String unit) {
        assertThat(UnitSplitter.split(printed)).isEqualTo(new NameAndUnit(name, unit));
    }

    @Test
    void shouldReturnEmptyNameWhenNull() {
        assertThat(UnitSplitter.split(null)).isEqualTo(new NameAndUnit("", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Twitterフォロワー数（累計）（人）", "参加者数（累計）", "累計参加者数"})
    void shouldBeCumulativeWhenNameMentionsIt(String name) {
        assertThat(UnitSplitter.isCumulative(name)).isTrue();
    }

    @Test
    void shouldNotBeCumulativeWhenNameDoesNotMentionIt() {
        assertThat(UnitSplitter.isCumulative("参加者数（人）")).isFalse();
        assertThat(UnitSplitter.isCumulative(null)).isFalse();
    }
}
