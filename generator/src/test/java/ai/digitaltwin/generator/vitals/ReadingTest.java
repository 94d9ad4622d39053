package ai.digitaltwin.generator.vitals;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.time.Instant;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ReadingTest {
  static Reading full() {
    Reading x = new Reading();
    x.idHigh = 0x0123456789abcdefL;
    x.idLow = 0xfedcba9876543210L;
    x.twinId = "tw-1";
    x.tsMillis = 1_777_000_000_000L;
    x.heartRate = 61.5;
    x.systolic = 118;
    x.diastolic = 76;
    x.spo2 = 97.4;
    x.bodyTempC = 36.61;
    x.respRate = 14.2;
    x.hrvMs = 48.3;
    x.steps = 12;
    x.stress = 0.213;
    x.energy = 0.77;
    x.activity = "walking";
    return x;
  }

  @Test
  void setsEveryFieldOfTheEventThatHasNoNullDefault() {
    HealthEvent e = full().toEvent();
    for (Schema.Field f : HealthEvent.getClassSchema().getFields()) {
      if (f.defaultVal() != JsonProperties.NULL_VALUE) {
        assertThat(e.get(f.pos())).as(f.name()).isNotNull();
      }
    }
    assertThat(e.getEventId()).isEqualTo("01234567-89ab-cdef-fedc-ba9876543210");
    assertThat(e.getTs()).isEqualTo(Instant.ofEpochMilli(1_777_000_000_000L));
    assertThat(e.getSteps()).isEqualTo(12);
    assertThat(e.getSource()).isEqualTo(Reading.SOURCE);
    assertThat(Topics.HEALTH.codec().decode(Topics.HEALTH.codec().encode(e))).isEqualTo(e);
  }

  @Test
  void aDroppedReadingHasNullVitalsButItsSteps() {
    Reading x = full();
    x.drop();
    HealthEvent e = x.toEvent();
    assertThat(e.getHeartRate()).isNull();
    assertThat(e.getSystolicBp()).isNull();
    assertThat(e.getDiastolicBp()).isNull();
    assertThat(e.getSpo2()).isNull();
    assertThat(e.getBodyTempC()).isNull();
    assertThat(e.getRespRate()).isNull();
    assertThat(e.getHrvMs()).isNull();
    assertThat(e.getSteps()).isEqualTo(12);
  }

  @Test
  void aCopyIsTheWholeReadingAndStaysWhenTheReadingIsFilledAgain() {
    Reading x = full();
    HealthEvent before = x.toEvent();
    Reading kept = x.copy();
    x.heartRate = 99;
    x.steps = 0;
    x.tsMillis += 60_000;
    assertThat(kept.toEvent()).isEqualTo(before);
  }
}
