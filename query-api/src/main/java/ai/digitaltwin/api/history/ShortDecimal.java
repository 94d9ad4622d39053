package ai.digitaltwin.api.history;

/**
 * Doubles that are decimals of at most three places between 0.001 and 10^7 (72.3, 0.271, 109.0: every
 * vital the system records), written as Jackson's fast double writer writes them, without running its
 * shortest-digits search on each: a 1,440-row export writes 16,000 of them.
 *
 * <p>Why the text is the same: if {@code m / 10^k} reads back as {@code v} for the smallest such {@code k},
 * those are the fewest digits that do (fewer would be a smaller {@code k}), and there is only one such
 * {@code m}, since doubles below 10^7 are closer together than 0.001. Below 0.001 and from 10^7 on, the
 * writer switches to scientific notation; those values, and all others, go to Jackson.
 */
final class ShortDecimal {
  private static final double[] SCALE = {1, 10, 100, 1000};
  private static final long[] POWER = {1, 10, 100, 1000};

  private final char[] text = new char[16]; // -9999999.999

  /** The length of {@code v}'s text in {@link #chars()}, or -1 when it is not such a decimal. */
  int format(double v) {
    if (v == 0) {
      return copy(Double.doubleToRawLongBits(v) == 0 ? "0.0" : "-0.0");
    }
    double abs = Math.abs(v);
    if (!(abs >= 1e-3 && abs < 1e7)) { // NaN too
      return -1;
    }
    for (int k = 0; k < SCALE.length; k++) {
      double m = Math.rint(abs * SCALE[k]);
      if (m / SCALE[k] == abs) { // both exact doubles, so the division rounds as parsing the decimal would
        return write(v < 0, (long) m, k);
      }
    }
    return -1;
  }

  char[] chars() {
    return text;
  }

  private int write(boolean negative, long m, int places) {
    int at = 0;
    if (negative) {
      text[at++] = '-';
    }
    // below 10^7 with at most three places: the integer part and the fraction each fit an int
    at = Digits.plain(text, (int) (m / POWER[places]), at);
    text[at++] = '.';
    if (places == 0) {
      text[at++] = '0';
      return at;
    }
    Digits.fixed(text, (int) (m % POWER[places]), at, places);
    return at + places;
  }

  private int copy(String s) {
    s.getChars(0, s.length(), text, 0);
    return s.length();
  }
}
