package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private static HealthEvent reading(String twin, Instant at, double bpm) {
    return HealthEvent.newBuilder()
        .setEventId("e-" + twin + "-" + at.toEpochMilli())
        .setTwinId(twin)
        .setTs(at)
        .setHeartRate(bpm)
        .setSpo2(97.5)
        .build();
  }

  @Test
  void roundTripsWithFingerprintInEveryMessage() {
    AvroCodec<HealthEvent> codec = Topics.HEALTH.codec();
    HealthEvent event = reading("twin-1", T0, 71.5);

    byte[] bytes = codec.encode(event);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(codec.decode(bytes)).isEqualTo(event);
  }

  @Test
  void theHeaderIsWhatAvrosEncoderWritesBeforeEveryMessage() {
    byte[] written = RecordWriterTest.avro(reading("twin-1", T0, 71.5)); // Avro's BinaryMessageEncoder

    assertThat(Topics.HEALTH.codec().header()).isEqualTo(Arrays.copyOf(written, AvroCodec.HEADER_LENGTH));
    assertThat(AvroCodec.header(BehaviorEvent.getClassSchema()))
        .startsWith((byte) 0xC3, (byte) 0x01)
        .isNotEqualTo(Topics.HEALTH.codec().header());
  }

  @Test
  void roundTripsANullableTimestamp() {
    Anomaly closed =
        Anomaly.newBuilder()
            .setEventId("twin-1/tachycardia/1/close")
            .setTwinId("twin-1")
            .setTs(T0.plusSeconds(600))
            .setType("tachycardia")
            .setLayer("clinical")
            .setSeverity("high")
            .setScore(3.0)
            .setStartTs(T0)
            .setEndTs(T0.plusSeconds(300))
            .setEvidence("{}")
            .setDetectorVersion("v")
            .build();

    assertThat(Topics.ANOMALIES.codec().decode(Topics.ANOMALIES.codec().encode(closed))).isEqualTo(closed);
  }

  @Test
  void refusesGarbageWithAReason() {
    AvroCodec<HealthEvent> codec = Topics.HEALTH.codec();
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("not_single_object");
    byte[] bad = new byte[20];
    Arrays.fill(bad, (byte) 7);
    assertThatThrownBy(() -> codec.decode(bad))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("not_single_object");
  }

  @Test
  void refusesABodyThatIsCutShortOrCorruptAsUndecodable() {
    AvroCodec<HealthEvent> codec = Topics.HEALTH.codec();
    byte[] bytes = codec.encode(reading("twin-1", T0, 71.5));
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, 10)))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("undecodable");
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("undecodable");
    byte[] corrupt = bytes.clone();
    corrupt[10] = (byte) 0x7f; // the event id's length becomes -64 (zig-zag)
    assertThatThrownBy(() -> codec.decode(corrupt))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("undecodable");
    assertThat(codec.decode(bytes)).isEqualTo(reading("twin-1", T0, 71.5)); // the thread's decoder is not left broken
  }

  @Test
  void readsRegistryMessagesWrittenBeforeTheProfilesFacesBecameOptional() throws Exception {
    Schema before = AvroCodec.previous(TwinRegistryEvent.class, 1);
    Schema profileBefore = before.getField("profile").schema().getTypes().get(1);
    GenericRecord profile = new GenericData.Record(profileBefore);
    profile.put("name", "Ada");
    profile.put("age", 36);
    profile.put("sex", "female");
    profile.put("occupation", "Engineer");
    profile.put("interests", List.of("chess"));
    profile.put("timezone", "Europe/London");
    GenericRecord event = new GenericData.Record(before);
    event.put("event_id", "e-1");
    event.put("twin_id", "twin-1");
    event.put("ts", T0.toEpochMilli());
    event.put("action", "created");
    event.put("profile", profile);
    byte[] written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), before).encode(event).array();

    TwinRegistryEvent read = Topics.REGISTRY.codec().decode(written);

    assertThat(AvroCodec.header(before)).isNotEqualTo(Topics.REGISTRY.codec().header());
    assertThat(read.getProfile().getAge()).isEqualTo(36);
    assertThat(read.getProfile().getSex()).isEqualTo("female");
    assertThat(read.getProfile().getTimezone()).isEqualTo("Europe/London");
    assertThat(AvroCodec.previous(TwinRegistryEvent.class, 2)).isNull();
  }

  @Test
  void readsHealthMessagesWrittenBeforeTheDevicesRestingHeartRate() throws Exception {
    Schema before = AvroCodec.previous(HealthEvent.class, 1);
    GenericRecord event = new GenericData.Record(before);
    event.put("event_id", "e-1");
    event.put("twin_id", "twin-1");
    event.put("ts", T0.toEpochMilli());
    event.put("heart_rate", 64.0);
    event.put("steps", 12);
    event.put("source", "wearable");
    byte[] written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), before).encode(event).array();

    HealthEvent read = Topics.HEALTH.codec().decode(written);

    assertThat(before.getField("resting_hr")).isNull();
    assertThat(AvroCodec.header(before)).isNotEqualTo(Topics.HEALTH.codec().header());
    assertThat(read.getHeartRate()).isEqualTo(64.0);
    assertThat(read.getSteps()).isEqualTo(12);
    assertThat(read.getRestingHr()).isNull();
    assertThat(AvroCodec.previous(HealthEvent.class, 2)).isNull();
  }

  @Test
  void aProfileMayLeaveOutAgeSexAndOccupation() {
    Profile realPerson = Profile.newBuilder().setName("Ada").setTimezone("Asia/Tokyo").build();
    TwinRegistryEvent imported = new TwinRegistryEvent("e-2", "ada", T0, "imported", realPerson, null, "ada", null, null);

    TwinRegistryEvent read = Topics.REGISTRY.codec().decode(Topics.REGISTRY.codec().encode(imported));

    assertThat(read.getProfile().getAge()).isNull();
    assertThat(read.getProfile().getOccupation()).isNull();
    assertThat(read.getProfile().getTimezone()).isEqualTo("Asia/Tokyo");
  }

  @Test
  void decodesOnManyThreadsAtOnce() throws Exception {
    AvroCodec<HealthEvent> codec = Topics.HEALTH.codec();
    List<HealthEvent> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(reading("twin-" + i % 7, T0.plusSeconds(i), 50 + i % 90));
    }
    List<byte[]> encoded = events.stream().map(codec::encode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<HealthEvent>>> decoded = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        decoded.add(pool.submit(() -> encoded.stream().map(codec::decode).toList()));
      }
      for (Future<List<HealthEvent>> each : decoded) {
        assertThat(each.get()).isEqualTo(events);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesAnotherTypesMessageAsUnknownFingerprint() {
    byte[] behavior =
        Topics.BEHAVIOR.codec()
            .encode(
                BehaviorEvent.newBuilder()
                    .setEventId("b1")
                    .setTwinId("twin-1")
                    .setTs(T0)
                    .setKind("transition")
                    .setActivity("work")
                    .setEnergy(0.5)
                    .setStress(0.2)
                    .build());
    assertThatThrownBy(() -> Topics.HEALTH.codec().decode(behavior))
        .isInstanceOf(PoisonRecordException.class)
        .hasMessage("unknown_fingerprint");
  }

  @Test
  void readsAnOlderWriterSchemaOnceRegistered() throws Exception {
    Schema v0 =
        SchemaBuilder.record("HealthEvent")
            .namespace("ai.digitaltwin.schemas")
            .fields()
            .requiredString("event_id")
            .requiredString("twin_id")
            .name("ts").type(org.apache.avro.LogicalTypes.timestampMillis()
                .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .optionalDouble("heart_rate")
            .endRecord();
    GenericRecord old = new GenericData.Record(v0);
    old.put("event_id", "old-1");
    old.put("twin_id", "twin-9");
    old.put("ts", T0.toEpochMilli());
    old.put("heart_rate", 64.0);
    byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();

    AvroCodec<HealthEvent> codec = Topics.HEALTH.codec();
    assertThatThrownBy(() -> codec.decode(bytes)).hasMessage("unknown_fingerprint");

    codec.addWriterSchema(v0);
    HealthEvent decoded = codec.decode(bytes);
    assertThat(decoded.getTwinId()).isEqualTo("twin-9");
    assertThat(decoded.getHeartRate()).isEqualTo(64.0);
    assertThat(decoded.getSource()).isEqualTo("generator");
  }

  @Test
  void namesAreDeclaredOnceAndDistinct() {
    assertThat(Topics.ALL).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(Tables.ALL).doesNotHaveDuplicates();
    assertThat(Topics.STATE.compacted()).isTrue();
    assertThat(Topics.HEALTH.compacted()).isFalse();
  }
}
