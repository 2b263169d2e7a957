package io.ovr.alpr.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovr.alpr.schema.HotlistEntry;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotlistCsvTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void shouldReadQuotedFieldsColumnsInAnyOrderAndNormalizePlates() throws IOException {
        List<HotlistEntry> entries = parse("\uFEFFreason,notes,plate,expires_at,priority\r\n"
                + "stolen,\"dented, blue\nvan\",ab-123,2026-12-31,4\r\n"
                + "\"say \"\"hi\"\"\",,XY 9,2027-01-01T00:00:00Z,\r\n");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getPlate()).isEqualTo("AB123");
        assertThat(entries.get(0).getNotes()).isEqualTo("dented, blue\nvan");
        assertThat(entries.get(0).getExpiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(entries.get(0).getPriority()).isEqualTo(4);
        assertThat(entries.get(1).getReason()).isEqualTo("say \"hi\"");
        assertThat(entries.get(1).getPriority()).isEqualTo(1);
        assertThat(entries.get(1).getAddedBy()).isEqualTo("tester");
        assertThat(entries.get(1).getAddedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldListEveryBadRowByLineAndRejectTheWholeFile() {
        assertThatThrownBy(() -> parse("plate,reason,priority\nOK1,fine,1\nBAD*,stolen,1\nOK2,,1\nOK3,x,7\nok-1,dup,1\n"))
                .isInstanceOfSatisfying(HotlistCsv.InvalidCsvException.class, e -> assertThat(e.errors())
                        .hasSize(4)
                        .anySatisfy(line -> assertThat(line).startsWith("line 3:").contains("plate"))
                        .anySatisfy(line -> assertThat(line).startsWith("line 4:").contains("reason"))
                        .anySatisfy(line -> assertThat(line).startsWith("line 5:").contains("priority"))
                        .anySatisfy(line -> assertThat(line).startsWith("line 6:").contains("line 2")));
    }

    @Test
    void shouldRejectHeadersWithoutTheRequiredOrWithUnknownColumns() {
        assertThatThrownBy(() -> parse("plate,priority\nAB1,1\n")).hasMessageContaining("plate and reason");
        assertThatThrownBy(() -> parse("plate,reason,owner\nAB1,x,me\n")).hasMessageContaining("unknown column 'owner'");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("plate,reason\nAB1,\"open\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("plate,reason\nAB1,x,extra\n")).hasMessageContaining("line 2");
    }

    private static List<HotlistEntry> parse(String csv) throws IOException {
        return HotlistCsv.parse(new StringReader(csv), "tester", NOW);
    }
}
