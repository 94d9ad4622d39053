package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {
  @Test
  void growsPastItsFirstTableAndForgetsByExpiry() {
    SeenIds seen = new SeenIds();
    for (int i = 0; i < 100; i++) {
      seen.add("id-" + i, i < 60 ? 1_000 : 2_000);
    }
    assertThat(seen.contains("id-0")).isTrue();
    assertThat(seen.contains("id-99")).isTrue();
    assertThat(seen.contains("id-100")).isFalse();

    seen.expire(1_000);
    assertThat(seen.size).isEqualTo(40);
    assertThat(seen.contains("id-59")).isFalse();
    assertThat(seen.contains("id-60")).isTrue();
    assertThat(seen.ids).hasSize(256); // a sixth full: kept for the ids of the next horizon
    seen.expire(2_000);
    assertThat(seen.isEmpty()).isTrue();
    assertThat(seen.ids).hasSize(16); // shrunk back
  }

  @Test
  void asksForOneTimerPerExpiryUntilItPasses() {
    SeenIds seen = new SeenIds();
    assertThat(seen.needsTimer(1_000)).isTrue();
    assertThat(seen.needsTimer(1_000)).isFalse();
    assertThat(seen.needsTimer(2_000)).isTrue();
    seen.expire(1_000);
    assertThat(seen.timers).containsExactly(2_000L);
    assertThat(seen.needsTimer(1_000)).isTrue(); // a late event's bucket, whose timer already fired
  }
}
