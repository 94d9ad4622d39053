package ai.digitaltwin.reliability.poison;

import ai.digitaltwin.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Records no decoder can turn into a valid event, one kind per reason the job records in dead_letters:
 * bytes without the single-object marker, a marker with a fingerprint no schema has, a known header over
 * a broken body, and a well-formed event whose twin id is blank.
 */
enum Poison {
  NOT_SINGLE_OBJECT("not_single_object"),
  UNKNOWN_FINGERPRINT("unknown_fingerprint"),
  UNDECODABLE("undecodable"),
  INVALID("invalid");

  private final String reason;

  Poison(String reason) {
    this.reason = reason;
  }

  String reason() {
    return reason;
  }

  @SuppressWarnings("unchecked")
  <T extends SpecificRecordBase> byte[] bytes(Topic<T> topic, SpecificRecordBase valid, Random random) {
    byte[] good = topic.codec().encode((T) valid);
    return switch (this) {
      case NOT_SINGLE_OBJECT -> "{\"twin_id\": \"json is not avro\"}".getBytes(StandardCharsets.UTF_8);
      case UNKNOWN_FINGERPRINT -> {
        byte[] b = good.clone();
        for (int i = 2; i < 10; i++) {
          b[i] = (byte) random.nextInt(256);
        }
        yield b;
      }
      case UNDECODABLE -> {
        // the header of the right schema, then a string length far past the end of the message
        byte[] b = Arrays.copyOf(good, 12);
        b[10] = (byte) 0xfe;
        b[11] = (byte) 0x7f;
        yield b;
      }
      case INVALID -> {
        SpecificRecordBase blank = (SpecificRecordBase) org.apache.avro.specific.SpecificData.get().deepCopy(valid.getSchema(), valid);
        blank.put("twin_id", " ");
        yield topic.codec().encode((T) blank);
      }
    };
  }
}
