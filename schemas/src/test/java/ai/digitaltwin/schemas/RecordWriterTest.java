package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

/** The codec's writer against Avro's own, byte for byte, on random records of every topic's type. */
class RecordWriterTest {
  private static final String[] TEXTS = {"", "twin-0042", "Zoë", "睡眠", "heart 💓 rate", "a \"quoted\"\n line"};

  @Test
  void writesTheBytesAvrosWriterWritesForEveryTopicsRecords() {
    Random random = new Random(7);
    for (Topic<?> topic : Topics.ALL) {
      for (int n = 0; n < 300; n++) {
        SpecificRecordBase record = (SpecificRecordBase) randomValue(topic.codec().schema(), random, topic.codec().type());
        byte[] ours = encode(topic, record);
        assertThat(ours).as("%s #%d: %s", topic.name(), n, record).isEqualTo(avro(record));
        // read back and written again: the same bytes (records with a NaN are not equal to themselves)
        assertThat(avro(topic.codec().decode(ours))).isEqualTo(ours);
      }
    }
  }

  @Test
  void aNullInAFieldThatIsNotNullableNamesTheField() {
    HealthEvent e = HealthEvent.newBuilder().setEventId("e").setTwinId("t").setTs(Instant.EPOCH).build();
    e.setTwinId(null);
    assertThatThrownBy(() -> Topics.HEALTH.codec().encode(e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HealthEvent.twin_id: null in a field that is not nullable");
  }

  /** Avro's single-object encoding of a generated record, by its own encoder: the reference. */
  static byte[] avro(SpecificRecordBase record) {
    try {
      SpecificData model = SpecificData.getForClass(record.getClass());
      ByteBuffer b = new BinaryMessageEncoder<SpecificRecordBase>(model, record.getSchema()).encode(record);
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends SpecificRecordBase> byte[] encode(Topic<T> topic, SpecificRecordBase record) {
    return topic.codec().encode((T) record);
  }

  /** A random value of {@code schema}: nulls, extremes, non-ASCII text, empty and full maps and arrays. */
  private static Object randomValue(Schema schema, Random r, Class<?> owner) {
    return switch (schema.getType()) {
      case NULL -> null;
      case BOOLEAN -> r.nextBoolean();
      case INT -> r.nextInt(4) == 0 ? Integer.MIN_VALUE + r.nextInt(2) * -1 : r.nextInt(2000) - 1000;
      case LONG -> {
        long v = r.nextInt(4) == 0 ? (r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE + 1) : r.nextLong() >> r.nextInt(63);
        yield schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
            ? Instant.ofEpochMilli(r.nextLong() >> 20) : v;
      }
      case FLOAT -> (float) r.nextGaussian();
      case DOUBLE -> switch (r.nextInt(6)) {
        case 0 -> Double.NaN;
        case 1 -> -0.0;
        case 2 -> Double.POSITIVE_INFINITY;
        default -> r.nextGaussian() * 100;
      };
      case STRING -> TEXTS[r.nextInt(TEXTS.length)] + (r.nextBoolean() ? "" : "-" + r.nextInt(1_000_000));
      case BYTES -> ByteBuffer.wrap(new byte[] {(byte) r.nextInt(), 0, (byte) 0xFF});
      case RECORD -> {
        SpecificRecordBase record = (SpecificRecordBase) SpecificData.getForClass(owner).newRecord(null, schema);
        for (Schema.Field f : schema.getFields()) {
          record.put(f.pos(), randomValue(f.schema(), r, owner));
        }
        yield record;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          items.add(randomValue(schema.getElementType(), r, owner));
        }
        yield items;
      }
      case MAP -> {
        Map<String, Object> entries = new HashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          entries.put(TEXTS[r.nextInt(TEXTS.length)] + i, randomValue(schema.getValueType(), r, owner));
        }
        yield entries;
      }
      case UNION -> {
        List<Schema> branches = schema.getTypes();
        yield randomValue(branches.get(r.nextInt(branches.size())), r, owner);
      }
      case ENUM, FIXED -> throw new IllegalStateException("no record of the contract has a " + schema.getType() + " yet: add it here");
    };
  }
}
