package ai.digitaltwin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  @Test
  void returnsOnceTheConditionHoldsAndRetriesAFailingCheck() {
    AtomicInteger checks = new AtomicInteger();
    long before = System.nanoTime();
    long seen = Await.until("the third check", Duration.ofSeconds(5), Duration.ofMillis(1), () -> {
      if (checks.incrementAndGet() == 1) {
        throw new IOException("not up yet");
      }
      return checks.get() == 3;
    });
    assertThat(checks).hasValue(3);
    assertThat(seen).isGreaterThan(before).isLessThanOrEqualTo(System.nanoTime());
  }

  @Test
  void aTimeoutNamesWhatWasAwaitedAndTheLastError() {
    assertThatThrownBy(() -> Await.until("the broker", Duration.ofMillis(50), Duration.ofMillis(5), () -> {
          throw new IOException("connection refused");
        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timed out after 50 ms waiting for the broker")
        .hasMessageContaining("connection refused")
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> Await.until("never", Duration.ofMillis(20), () -> false))
        .hasMessage("timed out after 20 ms waiting for never");
  }

  @Test
  void anErrorEndsTheWaitAtOnce() {
    AtomicInteger checks = new AtomicInteger();
    assertThatThrownBy(() -> Await.until("a process", Duration.ofSeconds(30), () -> {
          checks.incrementAndGet();
          throw new AssertionError("it exited with code 1");
        }))
        .isInstanceOf(AssertionError.class).hasMessage("it exited with code 1");
    assertThat(checks).hasValue(1);
  }

  @Test
  void valueGivesTheFirstAcceptedValueOrNamesTheLastOneRead() {
    AtomicInteger reads = new AtomicInteger();
    assertThat(Await.value("a count of 4", Duration.ofSeconds(5), reads::incrementAndGet, n -> n >= 4)).isEqualTo(4);
    assertThatThrownBy(() -> Await.value("a count of -1", Duration.ofMillis(30), () -> 7, n -> n < 0))
        .hasMessageContaining("waiting for a count of -1").hasMessageEndingWith("last value: 7");
  }

  @Test
  void anInterruptedWaitStopsAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> Await.until("anything", Duration.ofSeconds(5), () -> false))
        .hasMessage("interrupted while waiting for anything");
    assertThat(Thread.interrupted()).isTrue();
  }
}
