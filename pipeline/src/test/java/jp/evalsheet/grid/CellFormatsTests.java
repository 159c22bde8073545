package jp.evalsheet.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers as their format shows them, where POI's formatter alone would not. */
class CellFormatsTests {

    @ParameterizedTest(name = "{0} of {1} shows {2}")
    @CsvSource(delimiter = '|', value = {
            // the Japanese name of General, as a Japanese Excel or LibreOffice saves it
            "G/標準|80|80",
            "G/標準\"件\"|80|80件",
            "G/標準\"件\"|3182|3182件",
            // literal text around General
            "General\"件\"|9|9件",
            "\"啓発 \"General\"件\"|21|啓発 21件",
            "General\\ \"人\"|12.5|12.5 人",
            // what POI already renders stays POI's
            "0\"件\"|80|80件",
            "#,##0\"円\"|11000000|11,000,000円",
            "0.0%|0.072|7.2%",
            "General|80|80"})
    void shouldShowTheNumberAsItsFormatDoes(String format, double value, String shown) {
        assertThat(CellFormats.formatNumber(CellFormats.newDataFormatter(), value, 200, format, false)).isEqualTo(shown);
    }
}
