package jp.evalsheet.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.evalsheet.value.Labels;

class GridCellTests {

    /** What GridCell was before it memoized its label; its equality, hash and string form must not change. */
    private record AsRecord(int row, int column, String text, Double number, String formula) {
    }

    @ParameterizedTest
    // texts that normalizing changes, so that a second normalization would return another instance
    @ValueSource(strings = {"計（単位：千円）", "  目標値\n(Ｒ７) ", "施策の 進捗状況", "　", "２１．０２％"})
    void shouldNormalizeItsTextAsALabelOnce(String text) {
        GridCell cell = new GridCell(3, 2, text, null, null);

        String label = cell.label();

        assertThat(label).isEqualTo(Labels.normalize(text));
        assertThat(cell.label()).isSameAs(label);
    }

    @Test
    void shouldBeEqualAndHashAlikeWhetherItsLabelWasAskedOrNot() {
        GridCell asked = new GridCell(4, 1, "計 （千円）", 1200.0, "SUM(B2:B4)");
        GridCell notAsked = new GridCell(4, 1, "計 （千円）", 1200.0, "SUM(B2:B4)");

        asked.label();

        assertThat(asked).isEqualTo(notAsked).hasSameHashCodeAs(notAsked).hasToString(notAsked.toString());
        assertThat(notAsked).isEqualTo(asked);
    }

    @Test
    void shouldKeepTheEqualityHashAndStringOfTheRecordItWas() {
        Object[][] cells = {
                {0, 0, "事業費", null, null},
                {12, 3, "80件", 80.0, null},
                {12, 3, "", null, "A1+B1"},
                {5, 7, "7.2%", 0.072, "C5/D5"},
        };
        for (Object[] c : cells) {
            GridCell cell = new GridCell((int) c[0], (int) c[1], (String) c[2], (Double) c[3], (String) c[4]);
            AsRecord record = new AsRecord((int) c[0], (int) c[1], (String) c[2], (Double) c[3], (String) c[4]);
            cell.label();
            assertThat(cell.hashCode()).isEqualTo(record.hashCode());
            assertThat(cell.toString()).isEqualTo(record.toString().replace("AsRecord[", "GridCell["));
        }
        GridCell cell = new GridCell(12, 3, "80件", 80.0, null);
        assertThat(cell)
                .isEqualTo(new GridCell(12, 3, "80件", 80.0, null))
                .isNotEqualTo(new GridCell(13, 3, "80件", 80.0, null))
                .isNotEqualTo(new GridCell(12, 4, "80件", 80.0, null))
                .isNotEqualTo(new GridCell(12, 3, "80 件", 80.0, null))
                .isNotEqualTo(new GridCell(12, 3, "80件", 81.0, null))
                .isNotEqualTo(new GridCell(12, 3, "80件", 80.0, "A1"))
                .isNotEqualTo(null)
                .isNotEqualTo("80件");
    }

    @Test
    void shouldTellAFormulaWithoutCachedValueAndItsAddress() {
        assertThat(new GridCell(11, 2, "", null, "A1+B1").isFormulaWithoutCachedValue()).isTrue();
        assertThat(new GridCell(11, 2, "", 0.0, "A1+B1").isFormulaWithoutCachedValue()).isFalse();
        assertThat(new GridCell(11, 2, "x", null, null).isFormulaWithoutCachedValue()).isFalse();
        assertThat(new GridCell(11, 2, "x", null, null).address()).isEqualTo("C12");
    }
}
