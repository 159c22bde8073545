package jp.evalsheet.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalityTests {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "112275_朝霞市|112275|朝霞市",
            "112275 朝霞市|112275|朝霞市",
            "112275-朝霞市|112275|朝霞市",
            "112275|112275|null",
            "１１２２７５＿朝霞市|112275|朝霞市",
            "131016_千代田区|131016|千代田区",
            "011002_札幌市|011002|札幌市",
            "110001_埼玉県|110001|埼玉県",
            "090000_栃木県|090000|栃木県",
    })
    void shouldReadAWrittenMunicipality(String written, String code, String name) {
        // when
        Municipality municipality = Municipality.parse(written).orElseThrow();

        // then
        assertThat(municipality.code()).isEqualTo(code);
        assertThat(municipality.name()).isEqualTo(name);
        assertThat(municipality.prefectureCode()).isEqualTo(code.substring(0, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"朝霞市", "2024提出分", "R4", ""})
    void shouldNotTakeAFolderWithoutACodeForAMunicipality(String written) {
        assertThat(Municipality.parse(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "112276_朝霞市|check digit should be 5, making 112275",
            "11227_朝霞市|six-digit",
            "1122755_朝霞市|six-digit",
    })
    void shouldRejectDigitsThatAreNotACode(String written, String expected) {
        assertThatThrownBy(() -> Municipality.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"朝霞市", ""})
    void shouldRequireACodeWhereAMunicipalityMustBeNamed(String written) {
        assertThatThrownBy(() -> Municipality.require(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("six-digit 全国地方公共団体コード");
    }

    @ParameterizedTest
    @ValueSource(strings = {"202401", "202410", "20240401_提出", "112275", "R4提出分", "朝霞市"})
    void shouldNotTakeAFolderForAMunicipalityUnlessItIsWrittenAsCodeAndName(String folder) {
        assertThat(Municipality.parseFolder(folder)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"112275_朝霞市,112275", "１１２０８９ 所沢市,112089", "012017_m0001,012017"})
    void shouldTakeAFolderWrittenAsCodeAndName(String folder, String code) {
        assertThat(Municipality.parseFolder(folder)).hasValueSatisfying(m -> assertThat(m.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"112276_朝霞市", "202404_提出分", "000000_x", "990009_x"})
    void shouldRejectAFolderWrittenAsCodeAndNameWithAnInvalidCode(String folder) {
        assertThatThrownBy(() -> Municipality.parseFolder(folder)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"11227,112275", "13101,131016", "11000,110001", "09000,090000", "01100,011002"})
    void shouldCompleteAFiveDigitCodeWithItsCheckDigit(String fiveDigits, String code) {
        assertThat(Municipality.of(fiveDigits, null).code()).isEqualTo(code);
    }
}
