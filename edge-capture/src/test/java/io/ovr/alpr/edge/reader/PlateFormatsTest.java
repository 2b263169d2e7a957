package io.ovr.alpr.edge.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlateFormatsTest {

    @Test
    void shouldMatchBrazilianGreyAndMercosurPlatesOnly() {
        PlateFormats br = PlateFormats.parse("br");

        assertThat(br.matches("ABC1234")).isTrue();
        assertThat(br.matches("ABC1D23")).isTrue();
        assertThat(br.matches("ABCO234")).isFalse(); // a letter where the digits are
        assertThat(br.matches("ABC123")).isFalse(); // a character short
        assertThat(br.matches("ABC12345")).isFalse();
        assertThat(br.templates()).containsExactly("LLLDDDD", "LLLDLDD");
    }

    @Test
    void shouldCombineRegionsAndTemplatesIgnoringSeparatorsAndRepeats() {
        PlateFormats f = PlateFormats.parse(" br, LL-DD-LL ,LLL DDDD");

        assertThat(f.templates()).containsExactly("LLLDDDD", "LLLDLDD", "LLDDLL");
        assertThat(f.matches("AB12CD")).isTrue();
        assertThat(f.any()).isFalse();
    }

    @Test
    void shouldLetXStandForALetterOrADigit() {
        PlateFormats f = PlateFormats.parse("XXXXX");

        assertThat(f.matches("A1B2C")).isTrue();
        assertThat(f.matches("12345")).isTrue();
        assertThat(f.matches("A1B2")).isFalse();
    }

    @Test
    void shouldSetNoPriorForAny() {
        assertThat(PlateFormats.parse("ANY")).isSameAs(PlateFormats.ANY);
        assertThat(PlateFormats.ANY.matches("Q")).isTrue();
        assertThat(PlateFormats.ANY.any()).isTrue();
    }

    @Test
    void shouldRefuseWhatIsNeitherARegionNorATemplate() {
        assertThatThrownBy(() -> PlateFormats.parse("mars")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mars'");
        assertThatThrownBy(() -> PlateFormats.parse("LLLLLLLLLLL")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlateFormats.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlateFormats.parse("br,,us")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowEveryFormatTheRegionsList() {
        PlateFormats all = PlateFormats.parse("br,us,eu");

        assertThat(all.templates()).hasSizeLessThanOrEqualTo(PlateFormats.BR.size() + PlateFormats.US.size() + PlateFormats.EU.size())
                .contains("LLDDDLL", "DLLLDDD", "XXXXXX");
        assertThat(all.matches("AB123CD")).isTrue();
        assertThat(all.matches("1ABC234")).isTrue();
    }
}
