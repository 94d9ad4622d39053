package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.generator.sim.HealthReading;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the two high-volume events in Avro single-object encoding by hand: the same bytes as
 * {@code Topics.HEALTH.codec().encode(e)} (a test holds it to that), at a fraction of the cost, because the
 * generic writer resolves every union by reflection-like lookups. Not thread-safe: one per producing thread.
 */
public final class WireEncoder {
  private static final byte[] HEALTH_HEADER = Topics.HEALTH.codec().header();
  private static final byte[] BEHAVIOR_HEADER = Topics.BEHAVIOR.codec().header();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** Room for every field but the strings: header, timestamp, numbers and union branches. */
  private static final int FIXED_FIELDS_MAX = 160;

  private byte[] buf = new byte[4 * FIXED_FIELDS_MAX]; // only grows, so always holds the fixed fields
  private int pos;

  public byte[] health(HealthEvent e) {
    return health(e, e.getTwinId().getBytes(StandardCharsets.UTF_8));
  }

  /** @param twinId the event's twin id in UTF-8 (the record key: cached per twin by the caller) */
  public byte[] health(HealthEvent e, byte[] twinId) {
    start(HEALTH_HEADER);
    string(e.getEventId());
    bytes(twinId);
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

  /**
   * The same bytes as {@code health(reading.toEvent())}, without making the event: the id is formatted
   * from its two halves and a NaN vital is written as null.
   */
  public byte[] health(HealthReading r, byte[] twinId) {
    start(HEALTH_HEADER);
    uuid(r.idHigh(), r.idLow());
    bytes(twinId);
    varlong(r.tsMillis());
    optional(r.heartRate());
    optional(r.systolicBp());
    optional(r.diastolicBp());
    optional(r.spo2());
    optional(r.bodyTempC());
    optional(r.respRate());
    optional(r.hrvMs());
    varlong(r.steps());
    present(r.stress());
    present(r.energy());
    optional(r.activity());
    string(HealthReading.SOURCE);
    return Arrays.copyOf(buf, pos);
  }

  public byte[] behavior(BehaviorEvent e) {
    return behavior(e, e.getTwinId().getBytes(StandardCharsets.UTF_8));
  }

  /** @param twinId the event's twin id in UTF-8 (the record key: cached per twin by the caller) */
  public byte[] behavior(BehaviorEvent e, byte[] twinId) {
    start(BEHAVIOR_HEADER);
    string(e.getEventId());
    bytes(twinId);
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

  /** Starts a message; the fixed-size fields need no bounds checks after this (strings check their own). */
  private void start(byte[] header) {
    System.arraycopy(header, 0, buf, 0, header.length);
    pos = header.length;
  }

  /** A union with null first: branch 0 (zig-zag 0) for null, branch 1 (zig-zag 2) and the value otherwise. */
  private void optional(Double d) {
    if (d == null) {
      buf[pos++] = 0;
    } else {
      buf[pos++] = 2;
      dbl(d);
    }
  }

  /** A union with null first, null standing as NaN. */
  private void optional(double d) {
    if (Double.isNaN(d)) {
      buf[pos++] = 0;
    } else {
      present(d);
    }
  }

  /** The non-null branch of a union with null first. */
  private void present(double d) {
    buf[pos++] = 2;
    dbl(d);
  }

  /** A UUID's canonical text (8-4-4-4-12 lower-case hex digits) as an Avro string, as UUID.toString() writes it. */
  private void uuid(long high, long low) {
    ensure(37 + FIXED_FIELDS_MAX);
    buf[pos++] = 36 << 1;
    hex(high >>> 32, 8);
    buf[pos++] = '-';
    hex(high >>> 16, 4);
    buf[pos++] = '-';
    hex(high, 4);
    buf[pos++] = '-';
    hex(low >>> 48, 4);
    buf[pos++] = '-';
    hex(low, 12);
  }

  /** The low {@code digits} hex digits of {@code v}, most significant first. */
  private void hex(long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      buf[pos + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
    pos += digits;
  }

  private void optional(String s) {
    if (s == null) {
      buf[pos++] = 0;
    } else {
      buf[pos++] = 2;
      string(s);
    }
  }

  /**
   * A short ASCII string (event ids, activity names) is copied char by char after a one-byte length,
   * without the intermediate array {@code getBytes} makes; anything else goes through UTF-8 encoding.
   */
  private void string(String s) {
    int n = s.length();
    if (n < 64) { // zig-zag of n fits one varint byte
      ensure(1 + n + FIXED_FIELDS_MAX);
      int at = pos + 1;
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          break;
        }
        buf[at + i++] = (byte) c;
      }
      if (i == n) {
        buf[pos] = (byte) (n << 1);
        pos = at + n;
        return;
      }
    }
    bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Avro bytes or string: length, then the bytes. */
  private void bytes(byte[] b) {
    ensure(10 + b.length + FIXED_FIELDS_MAX);
    varlong(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  private void dbl(double d) {
    LE_LONG.set(buf, pos, Double.doubleToRawLongBits(d));
    pos += 8;
  }

  /** Avro int and long: zig-zag, then base-128 varint. Room is ensured by the caller. */
  private void varlong(long n) {
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
}
