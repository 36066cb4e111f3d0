package io.veroforge.operator.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/** The backoff read from status, with a fixed clock: the attempts a failing resource gets over time. */
class FailureBackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static FailureBackoff at(Instant now) {
        return new FailureBackoff(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Condition> readyFalseSince(Instant since) {
        return List.of(new ConditionBuilder().withType("NamespaceReady").withStatus("True").withLastTransitionTime(T0.minusSeconds(3600).toString()).build(),
                new ConditionBuilder().withType("Ready").withStatus("False").withReason("DatabaseUnavailable")
                        .withLastTransitionTime(since.toString()).build());
    }

    @Test
    void aNewFailureIsLookedAtAgainAfterOneSecond() {
        assertThat(at(T0).next(List.of(), "Ready")).isEqualTo(Duration.ofSeconds(1));
        assertThat(at(T0).next(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                .withLastTransitionTime(T0.minusSeconds(600).toString()).build()), "Ready"))
                .as("Ready until now: the failure is new, however long it was Ready").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theWaitGrowsWithHowLongTheResourceHasBeenFailingUpToAMinute() {
        assertThat(at(T0.plusSeconds(5)).next(readyFalseSince(T0), "Ready")).isEqualTo(Duration.ofSeconds(5));
        assertThat(at(T0.plusSeconds(45)).next(readyFalseSince(T0), "Ready")).isEqualTo(Duration.ofSeconds(45));
        assertThat(at(T0.plusSeconds(3600)).next(readyFalseSince(T0), "Ready")).isEqualTo(FailureBackoff.MAX);
    }

    @Test
    void attemptsDuringAnOutageDoubleSoTheirNumberGrowsWithTheLogarithmOfItsLength() {
        // each attempt leaves Ready False since T0 (its transition time holds while it stays False)
        List<Instant> attempts = new ArrayList<>(List.of(T0));
        Instant now = T0;
        while (now.isBefore(T0.plusSeconds(300))) {
            now = now.plus(at(now).next(readyFalseSince(T0), "Ready"));
            attempts.add(now);
        }
        assertThat(attempts.subList(0, 7)).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(4),
                T0.plusSeconds(8), T0.plusSeconds(16), T0.plusSeconds(32));
        // then once a minute: 64, 124, 184, 244, 304
        assertThat(attempts).hasSize(12);
    }

    @Test
    void aRestartedOperatorCarriesTheBackoffOnFromTheStatus() {
        // nothing but the status is shared between the operator that failed and the one started after it
        Duration fromStatus = new FailureBackoff(Clock.fixed(T0.plusSeconds(20), ZoneOffset.UTC)).next(readyFalseSince(T0), "Ready");
        assertThat(fromStatus).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void anUnreadableOrFutureTransitionTimeNeverGivesAZeroOrNegativeWait() {
        List<Condition> unreadable = List.of(new ConditionBuilder().withType("Ready").withStatus("False").withLastTransitionTime("yesterday").build());
        assertThat(at(T0).next(unreadable, "Ready")).isEqualTo(FailureBackoff.MIN);
        assertThat(at(T0).next(readyFalseSince(T0.plusSeconds(30)), "Ready")).as("a clock that stepped back").isEqualTo(FailureBackoff.MIN);
        List<Condition> noTime = List.of(new ConditionBuilder().withType("Ready").withStatus("False").build());
        assertThat(at(T0).next(noTime, "Ready")).isEqualTo(FailureBackoff.MIN);
    }
}
