package jp.evalsheet.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RelistingTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            【再掲】地域防災訓練事業      | 地域防災訓練事業
            [再掲]地域防災訓練事業        | 地域防災訓練事業
            （再掲）地域防災訓練事業      | 地域防災訓練事業
            (再掲)地域防災訓練事業        | 地域防災訓練事業
            '【再掲】　地域防災訓練事業'  | 地域防災訓練事業
            地域防災訓練事業【再掲】      | 地域防災訓練事業
            '地域防災訓練事業 (再掲) '    | 地域防災訓練事業
            ［再掲］地域防災訓練事業      | 地域防災訓練事業
            """)
    void shouldStripMarkWhenRelisted(String printed, String stripped) {
        assertThat(Relisting.isRelisted(printed)).isTrue();
        assertThat(Relisting.stripRelistedMark(printed)).isEqualTo(stripped);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"地域防災訓練事業", "再掲事業の整理", "【新規】子育て支援事業"})
    void shouldNotBeRelistedWhenNoMark(String printed) {
        assertThat(Relisting.isRelisted(printed)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '　地域防災訓練事業　' | 地域防災訓練事業
            【新規】子育て支援事業 | 【新規】子育て支援事業
            """)
    void shouldOnlyTrimWhenNoMark(String printed, String stripped) {
        assertThat(Relisting.stripRelistedMark(printed)).isEqualTo(stripped);
    }
}
