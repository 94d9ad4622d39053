package ai.digitaltwin.bench.detection;

/**
 * How much history the detection-quality run simulates: {@code twins} people over {@code days} days from
 * the generator's {@code seed}. The size is 1,000 twins x 30 days.
 */
public record DetectionSize(int twins, int days, long seed) {
  /** The generator's own default seed. */
  public static final long DEFAULT_SEED = 42;

  public DetectionSize {
    if (twins < 1 || days < 1) {
      throw new IllegalArgumentException("--detection-size needs at least 1 twin and 1 day, got " + twins + "x" + days);
    }
  }

  /** {@code 1000x30}: twins x days. */
  public static DetectionSize parse(String text, long seed) {
    return parse(text, seed, "--detection-size");
  }

  /** {@code 1000x30}: twins x days, given as the option {@code flag} (named in the error). */
  public static DetectionSize parse(String text, long seed, String flag) {
    String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return new DetectionSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), seed);
      }
    } catch (NumberFormatException e) {
      // reported below
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("--detection-size", flag), e);
    }
    throw new IllegalArgumentException(flag + " must be TWINSxDAYS (e.g. 1000x30), got '" + text + "'");
  }

  public String describe() {
    return String.format(java.util.Locale.ROOT, "%,d twins x %d days, seed %d", twins, days, seed);
  }
}
