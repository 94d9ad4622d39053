package ai.digitaltwin.jobs.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.HealthEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingsTest {
  private static HealthEvent.Builder reading() {
    return HealthEvent.newBuilder()
        .setEventId("e-1")
        .setTwinId("twin-1")
        .setTs(Instant.parse("2026-03-02T08:00:00Z"))
        .setHeartRate(64.0)
        .setSpo2(97.0)
        .setSteps(12)
        .setRestingHr(58.0)
        .setSource("import");
  }

  @Test
  void aReadingWithAnActivityAndNoNaNIsReadAsItCame() {
    HealthEvent e = reading().setActivity("work").build();

    assertThat(Readings.clean(e)).isSameAs(e);
    assertThat(Readings.labelled(e)).isTrue();
  }

  @Test
  void aWearablesReadingIsReadAsUnlabelledAndNaNAsMissingWithoutChangingTheEvent() {
    HealthEvent e = reading().setSpo2(Double.NaN).build();

    HealthEvent read = Readings.clean(e);

    assertThat(read).isEqualTo(reading().setSpo2(null).setActivity(Readings.UNKNOWN).build());
    assertThat(Readings.labelled(read)).isFalse();
    assertThat(e.getSpo2()).isNaN();
    assertThat(e.getActivity()).isNull();
  }
}
