package jp.evalsheet.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedFormulasTests {

    @Test
    void shouldMoveRelativeReferencesAndKeepAnchoredOnes() {
        assertThat(SharedFormulas.shift("A3+$B$3", 2, 0)).isEqualTo("A5+$B$3");
        assertThat(SharedFormulas.shift("SUM(C5:C6)*$A1", 1, 2)).isEqualTo("SUM(E6:E7)*$A2");
        assertThat(SharedFormulas.shift("A$1+B2", 3, 1)).isEqualTo("B$1+C5");
    }

    @Test
    void shouldLeaveFunctionsStringsAndSheetNamesAlone() {
        assertThat(SharedFormulas.shift("LOG10(A1)&\"B2\"", 1, 0)).isEqualTo("LOG10(A2)&\"B2\"");
        assertThat(SharedFormulas.shift("'評価 B1'!C1+Sheet1!C1", 1, 0)).isEqualTo("'評価 B1'!C2+Sheet1!C2");
        assertThat(SharedFormulas.shift("Table1[[#This Row],[A1]]+TRUE", 1, 1)).isEqualTo("Table1[[#This Row],[A1]]+TRUE");
    }

    @Test
    void shouldMoveWholeColumnAndRowRanges() {
        assertThat(SharedFormulas.shift("SUM(A:B)+SUM(2:3)+SUM($C:$C)", 1, 1)).isEqualTo("SUM(B:C)+SUM(3:4)+SUM($C:$C)");
    }

    @Test
    void shouldWriteRefErrorWhenAReferenceMovesOffTheSheet() {
        assertThat(SharedFormulas.shift("A1", -1, 0)).isEqualTo("#REF!");
    }
}
