package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The not-before time that keeps a failed stage from running again early, on a clock the test moves. */
class RetryBackoffTest {
    private final AtomicLong now = new AtomicLong();
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), now::get);

    @Test
    void aFailedStageIsNotDueUntilItsBackoffHasPassed() {
        assertThat(backoff.failed("g/Commit", "GitUnavailable: down")).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.notDue("g/Commit")).hasValueSatisfying(n -> {
            assertThat(n.left()).isEqualTo(Duration.ofSeconds(1));
            assertThat(n.why()).isEqualTo("GitUnavailable: down");
        });
        advance(Duration.ofMillis(400));
        assertThat(backoff.notDue("g/Commit")).hasValueSatisfying(n -> assertThat(n.left()).isEqualTo(Duration.ofMillis(600)));
        advance(Duration.ofMillis(600));
        assertThat(backoff.notDue("g/Commit")).isEmpty();
        assertThat(backoff.notDue("g/Migrate")).isEmpty();
    }

    @Test
    void failuresInARowDoubleTheWaitUpToTheMaximumAndSuccessStartsOver() {
        for (long expected : new long[] {1, 2, 4, 8, 16, 32, 60, 60}) {
            assertThat(backoff.failed("g/Migrate", "DatabaseUnavailable")).isEqualTo(Duration.ofSeconds(expected));
        }
        assertThat(backoff.failures("g/Migrate")).isEqualTo(8);
        backoff.reset("g/Migrate");
        assertThat(backoff.failures("g/Migrate")).isZero();
        assertThat(backoff.failed("g/Migrate", "DatabaseUnavailable")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFinishedGenerationForgetsEveryStage() {
        backoff.failed(RetryBackoff.key("uid-1", "Commit"), "x");
        backoff.failed(RetryBackoff.key("uid-1", "Build"), "x");
        backoff.failed(RetryBackoff.key("uid-2", "Commit"), "x");
        backoff.forget("uid-1");
        assertThat(backoff.failures(RetryBackoff.key("uid-1", "Commit"))).isZero();
        assertThat(backoff.failures(RetryBackoff.key("uid-1", "Build"))).isZero();
        assertThat(backoff.failures(RetryBackoff.key("uid-2", "Commit"))).isEqualTo(1);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
