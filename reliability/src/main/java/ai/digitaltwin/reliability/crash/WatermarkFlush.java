package ai.digitaltwin.reliability.crash;

import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One reading of an extra twin, far after the backfill, into every health partition. The stream job
 * emits a twin's cadence snapshot only when the watermark passes the end of its interval; at the end of a
 * finite backfill the watermark stops short, and twins whose partition was read last (the normal case
 * after a restart with a backlog) keep an older newest snapshot. Moving the watermark on makes every
 * twin's newest snapshot show everything it has folded, so two runs can be compared.
 */
final class WatermarkFlush {
  static final String TWIN = "zz-watermark-flush";

  private WatermarkFlush() {}

  /** Sends the readings; returns how many (one per partition). */
  static int send(String bootstrap, Instant at) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (PartitionInfo p : producer.partitionsFor(Topics.HEALTH.name())) {
        HealthEvent e = HealthEvent.newBuilder()
            .setEventId("flush-" + p.partition())
            .setTwinId(TWIN)
            .setTs(at)
            .setHeartRate(60.0)
            .setSystolicBp(120.0)
            .setDiastolicBp(80.0)
            .setSpo2(98.0)
            .setBodyTempC(36.8)
            .setRespRate(14.0)
            .setHrvMs(50.0)
            .setSteps(0)
            .setStress(0.1)
            .setEnergy(0.9)
            .setActivity("sleep")
            .setSource("reliability")
            .build();
        producer.send(new ProducerRecord<>(Topics.HEALTH.name(), p.partition(), TWIN.getBytes(StandardCharsets.UTF_8), Topics.HEALTH.codec().encode(e)));
      }
      producer.flush();
      return producer.partitionsFor(Topics.HEALTH.name()).size();
    }
  }
}
