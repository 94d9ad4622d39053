package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the two high-volume events in Avro single-object encoding by hand: the same bytes as
 * {@code Topics.HEALTH.codec().encode(e)} (a test holds it to that), at a fraction of the cost, because the
 * generic writer resolves every union by reflection-like lookups. Not thread-safe: one per producing thread.
 */
public final class WireEncoder {
  private static final byte[] HEALTH_HEADER = header(Topics.HEALTH.codec().encode(sampleHealth()));
  private static final byte[] BEHAVIOR_HEADER = header(Topics.BEHAVIOR.codec().encode(sampleBehavior()));

  private byte[] buf = new byte[512];
  private int pos;

  public byte[] health(HealthEvent e) {
    start(HEALTH_HEADER);
    string(e.getEventId());
    string(e.getTwinId());
    varlong(e.getTs().toEpochMilli());
    optional(e.getHeartRate());
    optional(e.getSystolicBp());
    optional(e.getDiastolicBp());
    optional(e.getSpo2());
    optional(e.getBodyTempC());
    optional(e.getRespRate());
    optional(e.getHrvMs());
    varlong(e.getSteps());
    optional(e.getStress());
    optional(e.getEnergy());
    optional(e.getActivity());
    string(e.getSource());
    return Arrays.copyOf(buf, pos);
  }

  public byte[] behavior(BehaviorEvent e) {
    start(BEHAVIOR_HEADER);
    string(e.getEventId());
    string(e.getTwinId());
    varlong(e.getTs().toEpochMilli());
    string(e.getKind());
    string(e.getActivity());
    optional(e.getPreviousActivity());
    dbl(e.getDurationMin());
    varlong(e.getSteps());
    dbl(e.getEnergy());
    dbl(e.getStress());
    return Arrays.copyOf(buf, pos);
  }

  private void start(byte[] header) {
    pos = 0;
    System.arraycopy(header, 0, buf, 0, header.length);
    pos = header.length;
  }

  private void optional(Double d) {
    if (d == null) {
      varlong(0);
    } else {
      varlong(1);
      dbl(d);
    }
  }

  private void optional(String s) {
    if (s == null) {
      varlong(0);
    } else {
      varlong(1);
      string(s);
    }
  }

  private void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varlong(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  private void dbl(double d) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(d);
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) (bits >>> (8 * i));
    }
  }

  /** Avro int and long: zig-zag, then base-128 varint. */
  private void varlong(long n) {
    ensure(10);
    long z = (n << 1) ^ (n >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  /** Marker and schema fingerprint: the first 10 bytes of any message of the type. */
  private static byte[] header(byte[] sample) {
    return Arrays.copyOf(sample, 10);
  }

  private static HealthEvent sampleHealth() {
    return new HealthEvent("x", "x", Instant.EPOCH, null, null, null, null, null, null, null, 0, null, null, null, "x");
  }

  private static BehaviorEvent sampleBehavior() {
    return new BehaviorEvent("x", "x", Instant.EPOCH, "x", "x", null, 0.0, 0, 0.0, 0.0);
  }
}
