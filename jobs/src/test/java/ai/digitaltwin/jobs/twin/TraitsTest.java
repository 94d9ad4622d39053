package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.digitaltwin.jobs.Events;
import org.junit.jupiter.api.Test;

class TraitsTest {
  @Test
  void weeksOfSocialDaysRaiseExtraversionSlowlyAndNoFurtherThanTheBound() {
    Traits traits = new Traits();
    traits.set(Events.personality(0.5), "registry created");
    assertThat(traits.endOfDay(180, "2026-03-02")).isTrue();
    assertThat(traits.personality().getExtraversion()).isCloseTo(0.502, within(1e-9));
    assertThat(traits.cause).isEqualTo("social activity 180 min on 2026-03-02: extraversion +0.0020");
    for (int day = 0; day < 14; day++) {
      traits.endOfDay(180, "day " + day);
    }
    assertThat(traits.personality().getExtraversion()).isCloseTo(0.53, within(1e-9)); // two weeks: +0.03
    for (int day = 0; day < 200; day++) {
      traits.endOfDay(300, "day " + day);
    }
    assertThat(traits.personality().getExtraversion()).isEqualTo(0.6); // base + MAX_DRIFT, never more
    assertThat(traits.endOfDay(300, "one more")).isFalse();
  }

  @Test
  void aLonelyDayLowersExtraversionAndNothingMovesBeforeTheRegistryNamesTheTraits() {
    Traits unknown = new Traits();
    assertThat(unknown.endOfDay(0, "2026-03-02")).isFalse();
    assertThat(unknown.personality()).isNull();

    Traits traits = new Traits();
    traits.set(Events.personality(0.5), "registry created");
    traits.endOfDay(0, "2026-03-02");
    assertThat(traits.personality().getExtraversion()).isCloseTo(0.498, within(1e-9));
    assertThat(traits.endOfDay(60, "2026-03-03")).isFalse(); // an ordinary hour of company: no change
  }
}
