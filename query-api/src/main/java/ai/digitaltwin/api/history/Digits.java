package ai.digitaltwin.api.history;

/** Decimal digits written into a char buffer in place, for the JSON formatters of this package. */
final class Digits {
  private Digits() {}

  /** Writes {@code value} (not negative) as exactly {@code width} digits, zero-padded, at {@code at}. */
  static void fixed(char[] text, int value, int at, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Writes {@code value} (not negative) with as many digits as it needs at {@code at}; returns the end. */
  static int plain(char[] text, int value, int at) {
    int width = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      width++;
    }
    fixed(text, value, at, width);
    return at + width;
  }
}
