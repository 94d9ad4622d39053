package ai.digitaltwin.generator.common;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Every random number of the simulation comes from a source derived from the global seed, the twin and
 * the tick (counter-based), so any tick of any twin can be regenerated on its own and a replay is
 * byte-identical. SplitMix64's finaliser does the mixing.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static long mix(long a, long b) {
    return mix(mix(a) + GOLDEN * (b + 1));
  }

  /** A stable 64-bit hash of a string (FNV-1a over UTF-8), the same in every JVM. */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** The seed of one twin: from the global seed and the twin id. */
  public static long twin(long globalSeed, String twinId) {
    return mix(globalSeed, hash(twinId));
  }

  /** The random source of one twin at one tick, for one purpose (so purposes do not share draws). */
  public static SplittableRandom at(long twinSeed, long tick, int purpose) {
    return new SplittableRandom(mix(mix(twinSeed, tick), purpose));
  }

  /** A version-4-shaped UUID that is a pure function of its inputs: event ids survive a replay. */
  public static String eventId(long twinSeed, long tick, int kind, int n) {
    return new UUID(eventIdHigh(twinSeed, tick, kind, n), eventIdLow(twinSeed, tick, kind, n)).toString();
  }

  /** The most significant 64 bits of {@link #eventId}, for writers that format it themselves. */
  public static long eventIdHigh(long twinSeed, long tick, int kind, int n) {
    long hi = mix(twinSeed + GOLDEN * tick, kind * 31L + n);
    return (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
  }

  /** The least significant 64 bits of {@link #eventId}. */
  public static long eventIdLow(long twinSeed, long tick, int kind, int n) {
    long lo = mix(mix(twinSeed ^ 0x5DEECE66DL) ^ tick, ((long) n << 8) | kind);
    return (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
  }

  public static double gaussian(SplittableRandom r, double mean, double sd) {
    return mean + sd * r.nextGaussian();
  }

  public static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
