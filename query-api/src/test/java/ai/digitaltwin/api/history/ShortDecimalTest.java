package ai.digitaltwin.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShortDecimalTest {
  @Test
  void shortDecimalsAreWrittenAsJacksonsFastWriterWritesThem() {
    ShortDecimal decimals = new ShortDecimal();
    for (double v : new double[] {72.3, 0.271, 109.0, 36.43, 0.0, -0.0, 0.001, -0.001, 9_999_999.999, 1.0, -2.5, 0.1,
        0.7, 1_000_000.0, 123_456.789}) {
      assertThat(text(decimals, v)).as("%s", v).isEqualTo(jackson(v));
    }
  }

  @Test
  void valuesOutsideItsRangeOrWithMorePlacesAreLeftToJackson() {
    ShortDecimal decimals = new ShortDecimal();
    for (double v : new double[] {0.0009, 1e7, -1e7, 1e-5, 0.1234, 1.0 / 3, Math.PI, Double.NaN,
        Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}) {
      assertThat(decimals.format(v)).as("%s", v).isEqualTo(-1);
    }
  }

  @Test
  void agreesWithJacksonOnRandomDecimalsAndRandomDoubles() {
    ShortDecimal decimals = new ShortDecimal();
    Random random = new Random(11);
    for (int i = 0; i < 2_000_000; i++) {
      double v = switch (i % 4) {
        case 0 -> (random.nextInt(2_000_000) - 1_000_000) / 10.0; // one place, as most vitals
        case 1 -> random.nextInt(1_000_000) / 1000.0; // three places below 1000
        case 2 -> (random.nextLong() % 10_000_000_000L) / Math.pow(10, random.nextInt(4)); // up to 10^7 and past it
        default -> Double.longBitsToDouble(random.nextLong()); // any double at all
      };
      int length = decimals.format(v);
      if (i % 4 < 2) {
        assertThat(length).as("%s is a short decimal", v).isNotNegative();
      }
      if (length >= 0) {
        assertThat(new String(decimals.chars(), 0, length)).as("%s", v).isEqualTo(jackson(v));
      } else {
        // what it leaves to Jackson really has more than three places or needs scientific notation
        String text = jackson(v);
        assertThat(text.contains("E") || text.contains("N") || text.contains("I")
            || text.length() - text.indexOf('.') - 1 > 3).as("%s left to Jackson as %s", v, text).isTrue();
      }
    }
  }

  private static String text(ShortDecimal decimals, double v) {
    int length = decimals.format(v);
    assertThat(length).as("%s", v).isPositive();
    return new String(decimals.chars(), 0, length);
  }

  private static String jackson(double v) {
    return NumberOutput.toString(v, true);
  }
}
