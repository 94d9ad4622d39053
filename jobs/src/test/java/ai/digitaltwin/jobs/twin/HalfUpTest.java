package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfUpTest {
  @Test
  void sharesAreWrittenAsBigDecimalRoundsThemHalfUp() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      double share = switch (i % 4) {
        case 0 -> random.nextDouble();
        case 1 -> (random.nextInt(2001) / 2.0) / 1000; // ties in decimal: 0.0005, 0.0015, ...
        case 2 -> random.nextInt(1001) / 1000.0;
        default -> random.nextDouble() * random.nextInt(500) / 500.0; // minutes over a total
      };
      assertThat(written(share, 3)).as("share %s", share)
          .isEqualTo(BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP).toPlainString());
    }
    for (double share : new double[] {0, 1, 0.0005, 0.0015, 0.1235, 0.9995, 1e-300, Math.nextDown(1.0)}) {
      assertThat(written(share, 3)).as("share %s", share)
          .isEqualTo(BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP).toPlainString());
    }
  }

  @Test
  void evidenceIsWrittenAsTheFormatterWritesIt() {
    Random random = new Random(7);
    for (int i = 0; i < 300_000; i++) {
      double value = switch (i % 5) {
        case 0 -> 30 + random.nextDouble() * 170; // heart rate, blood pressure
        case 1 -> (random.nextInt(40_001) - 20_000) / 200.0; // ties in decimal: -0.005, 1.005, 99.995, ...
        case 2 -> (random.nextDouble() - 0.5) * 20; // z-scores, CUSUM sums: negative too
        case 3 -> (random.nextDouble() - 0.5) * 0.02; // negatives that round to zero keep their sign
        default -> random.nextDouble() * Math.pow(10, random.nextInt(10)); // up to a billion
      };
      assertThat(written(value, 2)).as("value %s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
      assertThat(written(value, 3)).as("value %s", value).isEqualTo(String.format(Locale.ROOT, "%.3f", value));
    }
    for (double value : new double[] {0, -0.0, 1.005, 2.675, -2.675, 0.125, 999_999.995, 999_999.9995, 1e6, 123_456_789.125, 1e-300}) {
      assertThat(written(value, 2)).as("value %s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
      assertThat(written(value, 0)).as("value %s", value).isEqualTo(String.format(Locale.ROOT, "%.0f", value));
    }
  }

  @Test
  void refusesWhatItCannotWrite() {
    assertThatThrownBy(() -> written(Double.NaN, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> written(Double.POSITIVE_INFINITY, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> written(1, 4)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String written(double value, int scale) {
    return HalfUp.append(new StringBuilder(), value, scale).toString();
  }
}
