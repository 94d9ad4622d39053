package ai.digitaltwin.jobs.twin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number to a fixed count of decimals, rounded half up, as {@code String.format("%.2f")} writes it
 * (which rounds the shortest decimal that reads back as the double, like {@code BigDecimal.valueOf}),
 * without the formatter: that runs for every value of every state snapshot and anomaly.
 *
 * <p>Below a million and with at most three decimals, the product {@code |value| * 10^scale} lies within
 * 3e-7 of the shortest decimal's (half an ulp of the product plus 10^scale half-ulps of the value), so
 * unless it is within 1e-6 of a tie (then BigDecimal decides) rounding the product gives the same digits.
 */
public final class HalfUp {
  private static final long[] POWERS = {1, 10, 100, 1_000};
  private static final double FAST_BELOW = 1e6;

  private HalfUp() {}

  /**
   * Appends finite {@code value} with {@code scale} decimals (0 to 3); a negative value keeps its sign
   * even when it rounds to zero ({@code -0.001} is {@code -0.00}), as the formatter writes it.
   */
  public static StringBuilder append(StringBuilder out, double value, int scale) {
    if (!Double.isFinite(value) || scale < 0 || scale >= POWERS.length) {
      throw new IllegalArgumentException("cannot write " + value + " with " + scale + " decimals");
    }
    if (value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE) { // negative, or -0.0
      out.append('-');
    }
    double magnitude = Math.abs(value);
    long power = POWERS[scale];
    double scaled = magnitude * power;
    double fraction = scaled - Math.floor(scaled);
    if (magnitude >= FAST_BELOW || Math.abs(fraction - 0.5) < 1e-6) {
      return out.append(BigDecimal.valueOf(magnitude).setScale(scale, RoundingMode.HALF_UP).toPlainString());
    }
    long rounded = (long) Math.floor(scaled + 0.5);
    out.append(rounded / power);
    if (scale == 0) {
      return out;
    }
    out.append('.');
    long rest = rounded % power;
    for (long digit = power / 10; digit > 1 && rest < digit; digit /= 10) {
      out.append('0');
    }
    return out.append(rest);
  }
}
