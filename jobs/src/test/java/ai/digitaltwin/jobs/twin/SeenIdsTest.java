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
    assertThat(seen.ids).hasSize(256);

    seen.expire(1_000);
    assertThat(seen.contains("id-59")).isFalse();
    assertThat(seen.contains("id-60")).isTrue();
    assertThat(seen.live()).isEqualTo(40);
    assertThat(seen.isEmpty()).isFalse();
    seen.expire(2_000);
    assertThat(seen.contains("id-60")).isFalse();
    assertThat(seen.isEmpty()).isTrue();
  }

  @Test
  void expiryLeavesTheTableAloneAndTheNextRebuildReclaimsTheForgottenSlots() {
    SeenIds seen = new SeenIds();
    for (int i = 0; i < 100; i++) {
      seen.add("id-" + i, 1_000);
    }
    String[] table = seen.ids;
    seen.expire(1_000);
    assertThat(seen.ids).isSameAs(table); // no pass over the slots per expiry
    assertThat(seen.size).isEqualTo(100);
    // 28 more fill the 256 slots to half: the rebuild keeps only these and shrinks the table
    for (int i = 100; i < 129; i++) {
      seen.add("id-" + i, 2_000);
    }
    assertThat(seen.size).isEqualTo(29);
    assertThat(seen.ids).hasSize(128);
    assertThat(seen.contains("id-99")).isFalse();
    assertThat(seen.contains("id-128")).isTrue();
  }

  @Test
  void anIdForgottenByExpiryIsNewAgain() {
    SeenIds seen = new SeenIds();
    seen.add("a", 1_000);
    seen.expire(1_000);
    assertThat(seen.contains("a")).isFalse();
    seen.add("a", 2_000); // a late duplicate after the horizon counts as new, as before
    assertThat(seen.contains("a")).isTrue();
    seen.expire(1_500);
    assertThat(seen.contains("a")).isTrue();
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
