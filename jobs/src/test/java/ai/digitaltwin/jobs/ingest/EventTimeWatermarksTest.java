package ai.digitaltwin.jobs.ingest;

import static ai.digitaltwin.jobs.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.Events;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.junit.jupiter.api.Test;

class EventTimeWatermarksTest {
  static final long KAFKA_TIME = T0.plusSeconds(3600).toEpochMilli(); // when it was produced, not when it happened

  final TimestampAssigner<KafkaRecord> health =
      EventTimeWatermarks.of(Topics.HEALTH, JobConfig.defaults(CatalogConfig.local(Path.of("unused"))))
          .createTimestampAssigner(null);

  @Test
  void theTimestampIsTheEventTimeInsideTheRecord() {
    byte[] reading = Topics.HEALTH.codec().encode(Events.reading("twin-a", T0, 70));
    assertThat(health.extractTimestamp(KafkaRecord.of("twin.health", 0, 0, KAFKA_TIME, reading), 0))
        .isEqualTo(T0.toEpochMilli());
  }

  @Test
  void aPoisonRecordHasNoEventTimeAndMovesNoWatermark() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    assertThat(health.extractTimestamp(KafkaRecord.of("twin.health", 0, 1, KAFKA_TIME, garbage), 0))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(health.extractTimestamp(KafkaRecord.of("twin.health", 0, 2, KAFKA_TIME, null), 0))
        .isEqualTo(Long.MIN_VALUE);
  }
}
