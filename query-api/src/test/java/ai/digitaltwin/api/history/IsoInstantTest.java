package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
  static final long T0 = micros("2026-11-23T00:00:00Z");

  @Test
  void writesWhatInstantToStringWrites() {
    IsoInstant iso = new IsoInstant();
    for (String at : new String[] {"1970-01-01T00:00:00Z", "2026-11-23T11:15:48.120Z", "2026-11-23T11:15:48.000120Z",
        "2026-11-23T23:59:59.999999Z", "2024-02-29T12:00:00.100Z", "9999-12-31T23:59:59.999999Z"}) {
      assertThat(text(iso, micros(at))).isEqualTo(at);
    }
  }

  @Test
  void instantsOutsideTheFourDigitYearsGoThroughInstant() {
    IsoInstant iso = new IsoInstant();
    for (long micros : new long[] {-1, micros("1969-07-20T20:17:40.5Z"), micros("+10000-01-01T00:00:00Z"),
        Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertThat(text(iso, micros)).isEqualTo(reference(micros));
      // the slow path overwrote the date part: the next same-day value must not reuse it
      assertThat(text(iso, T0 + 1_000)).isEqualTo("2026-11-23T00:00:00.001Z");
    }
  }

  @Test
  void agreesWithInstantOnRandomValuesInOrderAndOutOfOrder() {
    IsoInstant iso = new IsoInstant();
    Random random = new Random(7);
    long micros = T0;
    for (int i = 0; i < 200_000; i++) {
      long next = switch (i % 4) {
        case 0 -> micros + random.nextInt(60_000_000); // rows of one twin: mostly the same day
        case 1 -> micros + random.nextInt(60) * 1_000_000L; // whole seconds
        case 2 -> micros + random.nextInt(1_000) * 1_000L; // milliseconds
        default -> (long) (random.nextDouble() * 253_402_300_800_000_000L); // anywhere from 1970 to 9999
      };
      micros = i % 4 == 3 ? T0 : next;
      assertThat(text(iso, next)).isEqualTo(reference(next));
    }
  }

  private static String text(IsoInstant iso, long micros) {
    return new String(iso.chars(), 0, iso.format(micros));
  }

  private static String reference(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
  }

  private static long micros(String at) {
    Instant instant = Instant.parse(at);
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
