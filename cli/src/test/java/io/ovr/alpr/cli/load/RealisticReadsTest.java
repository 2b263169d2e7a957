package io.ovr.alpr.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovr.alpr.processors.pass.PassDecision;
import io.ovr.alpr.processors.pass.PassLogic;
import io.ovr.alpr.processors.pass.PassState;
import io.ovr.alpr.processors.text.PlateText;
import io.ovr.alpr.processors.validate.ReadValidator;
import io.ovr.alpr.processors.validate.Validation;
import io.ovr.alpr.processors.validate.ValidationConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The load generator's reads and the fates it predicts, checked against the pipeline's own validator and pass rule. */
class RealisticReadsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void shouldPredictTheFateTheValidatorAndThePassRuleGiveEveryRead() {
        RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withPlates(500)
                .withShares(0.05, 0.02, 0.1));
        List<RealisticReads.Read> reads = generate(generator, 20_000, 7);
        ReadValidator validator = new ReadValidator(ValidationConfig.defaults(),
                Clock.fixed(reads.get(reads.size() - 1).read().getCapturedAt(), ZoneOffset.UTC));
        PassLogic passes = new PassLogic(() -> UUID.randomUUID().toString());
        Map<String, PassState> open = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (RealisticReads.Read r : reads) {
            Validation validation = validator.validate(r.read());
            RealisticReads.Fate actual;
            if (validation instanceof Validation.Rejected) {
                actual = RealisticReads.Fate.DEAD;
            } else {
                String key = r.read().getCameraId() + "|" + PlateText.fold(PlateText.normalize(r.read().getText()));
                PassLogic.Outcome outcome = passes.apply(open.get(key), r.read().getCapturedAt().toEpochMilli(),
                        r.read().getConfidence(), Duration.ofSeconds(10).toMillis());
                open.put(key, outcome.state());
                actual = outcome.decision() == PassDecision.SUPPRESS ? RealisticReads.Fate.SUPPRESSED
                        : RealisticReads.Fate.ENRICHED;
            }
            if (actual != r.fate()) {
                mismatches.add(r.read().getReadId() + " predicted " + r.fate() + " but is " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldMixPassesMisreadsHotlistedPlatesAndInvalidReadsInTheAskedShares() {
        RealisticReads generator = new RealisticReads(RealisticReads.Profile.defaults().withShares(0.1, 0.02, 0.05));
        List<RealisticReads.Read> reads = generate(generator, 30_000, 2);

        long dead = reads.stream().filter(r -> r.fate() == RealisticReads.Fate.DEAD).count();
        long suppressed = reads.stream().filter(r -> r.fate() == RealisticReads.Fate.SUPPRESSED).count();
        long hot = reads.stream().filter(RealisticReads.Read::hotlisted).count();
        long misread = reads.stream().filter(RealisticReads.Read::misread).count();
        assertThat(dead).isBetween(450L, 750L);
        assertThat(suppressed).as("reads folded into their pass").isGreaterThan(5_000);
        assertThat(hot).isBetween(2_000L, 4_000L);
        assertThat(misread).isBetween(600L, 1_500L);
        assertThat(reads).extracting(r -> r.read().getReadId()).doesNotHaveDuplicates();
        assertThat(generator.hotlist()).hasSize(100);
        assertThat(generator.cameras()).hasSize(20);
    }

    @Test
    void shouldGiveTheSamePlatesAndPassesForTheSameSeed() {
        List<String> first = generate(new RealisticReads(RealisticReads.Profile.defaults()), 500, 5).stream()
                .map(r -> r.read().getCameraId() + r.read().getText() + r.fate()).toList();
        List<String> second = generate(new RealisticReads(RealisticReads.Profile.defaults()), 500, 5).stream()
                .map(r -> r.read().getCameraId() + r.read().getText() + r.fate()).toList();

        assertThat(first).isEqualTo(second);
    }

    private static List<RealisticReads.Read> generate(RealisticReads generator, int count, int stepMillis) {
        List<RealisticReads.Read> reads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reads.add(generator.next(T0.plusMillis((long) i * stepMillis)));
        }
        return reads;
    }
}
