package io.ovr.alpr.processors.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateTextTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({"abc-123,ABC123", "' ab c 1 2 ',ABC12", "müc·456,MUC456", "'',''", "i̇stanbul 34,ISTANBUL34",
            "ÆØÅ-9,A9", "é1,E1"})
    void shouldNormalizeToUpperCaseLettersAndDigits(String text, String expected) {
        assertThat(PlateText.normalize(text)).isEqualTo(expected);
    }

    @Test
    void shouldFoldEveryConfusableClassToOneCharacter() {
        assertThat(PlateText.fold("0OQD")).isEqualTo("0000");
        assertThat(PlateText.fold("1IL")).isEqualTo("111");
        assertThat(PlateText.fold("2Z5S8B6G")).isEqualTo("22558866");
        assertThat(PlateText.fold("ACEFHKMNPRTUVWXY3479")).isEqualTo("ACEFHKMNPRTUVWXY3479");
    }

    @Test
    void shouldMakeConfusedReadingsEqualWhenFolded() {
        assertThat(PlateText.fold("B0L5D1Z")).isEqualTo(PlateText.fold("8OI5O12"));
    }

    @Test
    void shouldComputeBoundedEditDistance() {
        assertThat(PlateText.editDistance("ABC123", "ABC123", 2)).isZero();
        assertThat(PlateText.editDistance("ABC123", "ABC124", 2)).isEqualTo(1);
        assertThat(PlateText.editDistance("ABC123", "AC123", 2)).isEqualTo(1);
        assertThat(PlateText.editDistance("ABC123", "XBC12", 2)).isEqualTo(2);
        assertThat(PlateText.editDistance("ABC123", "XYZ789", 2)).isEqualTo(3);
        assertThat(PlateText.editDistance("A", "ABCD", 1)).isEqualTo(2);
    }
}
