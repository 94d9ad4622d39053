package ai.digitaltwin.config;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings by name: the process environment, which a main reads once ({@code Env.of(System.getenv())})
 * and hands to its config record, or a test's own map. Immutable.
 *
 * <p>Every getter follows the same rules, so no config record needs its own:
 *
 * <ul>
 *   <li>a name that is unset, empty or only blanks gets the getter's default (given by the caller, who
 *       documents it);
 *   <li>a value is trimmed before it is read, except by {@link #secret}, which takes it as given;
 *   <li>a value that does not parse or is out of range stops with a {@link BadSettingException}:
 *       {@code NAME=value: not <what is allowed>}.
 * </ul>
 */
public final class Env {
  /** Where a deployable keeps its state; see {@link #dataDir()}. */
  public static final String DATA_DIR = "TWIN_DATA_DIR";

  private final Map<String, String> values;

  private Env(Map<String, String> values) {
    this.values = values;
  }

  /** A copy of {@code values}; a null value counts as unset. */
  public static Env of(Map<String, String> values) {
    Map<String, String> copy = new HashMap<>();
    values.forEach((name, value) -> {
      if (value != null) {
        copy.put(name, value);
      }
    });
    return new Env(Map.copyOf(copy));
  }

  /** No settings: every getter gives its default. */
  public static Env empty() {
    return new Env(Map.of());
  }

  /** These settings with {@code overrides} laid over them (flags, program arguments): an override wins. */
  public Env with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(values);
    merged.putAll(overrides);
    return of(merged);
  }

  /** {@code TWIN_DATA_DIR}, default {@code data} (relative to the working directory). */
  public Path dataDir() {
    return path(DATA_DIR, Path.of("data"));
  }

  /** The trimmed value, or empty when unset or blank. */
  public Optional<String> string(String name) {
    String raw = values.get(name);
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.trim());
  }

  /** The trimmed value, or {@code fallback}. */
  public String string(String name, String fallback) {
    return string(name).orElse(fallback);
  }

  /**
   * The value exactly as given (a password may begin with a blank), or empty when unset or blank. Never
   * parsed, so never part of an error message.
   */
  public Optional<String> secret(String name) {
    String raw = values.get(name);
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw);
  }

  /** An integer in {@code min..max} ({@code Integer.MAX_VALUE}: no upper bound), or {@code fallback}. */
  public int integer(String name, int fallback, int min, int max) {
    return (int) whole(name, fallback, min, max, max == Integer.MAX_VALUE);
  }

  /**
   * A whole number in {@code min..max} ({@code Long.MAX_VALUE}: no upper bound; with {@code Long.MIN_VALUE},
   * any), or {@code fallback}.
   */
  public long longInteger(String name, long fallback, long min, long max) {
    return whole(name, fallback, min, max, max == Long.MAX_VALUE);
  }

  private long whole(String name, long fallback, long min, long max, boolean unbounded) {
    String allowed = unbounded && min == Long.MIN_VALUE ? "an integer"
        : "an integer " + (unbounded ? ">= " + min : "in " + min + ".." + max);
    long value = parsed(name, fallback, allowed, Long::parseLong);
    if (value < min || value > max) {
      throw bad(name, allowed);
    }
    return value;
  }

  /** A number in {@code min..max} (both included), or {@code fallback}. */
  public double number(String name, double fallback, double min, double max) {
    String allowed = "a number in " + plain(min) + ".." + plain(max);
    double value = parsed(name, fallback, allowed, Double::parseDouble);
    if (!(value >= min && value <= max)) {
      throw bad(name, allowed);
    }
    return value;
  }

  /** A finite number above zero, or {@code fallback}. */
  public double positiveNumber(String name, double fallback) {
    String allowed = "a number > 0";
    double value = parsed(name, fallback, allowed, Double::parseDouble);
    if (!(value > 0) || Double.isInfinite(value)) {
      throw bad(name, allowed);
    }
    return value;
  }

  /** {@code true}/{@code false}, also {@code yes}/{@code no} and {@code 1}/{@code 0}, any case; or {@code fallback}. */
  public boolean bool(String name, boolean fallback) {
    return parsed(name, fallback, "true or false", value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(value);
    });
  }

  /**
   * A duration given as a whole number of {@code unit} (the name says which: {@code _MS}, {@code _SECONDS},
   * {@code _MINUTES}) in {@code min..max}, or {@code fallback} of that unit.
   */
  public Duration duration(String name, ChronoUnit unit, long fallback, long min, long max) {
    return Duration.of(longInteger(name, fallback, min, max), unit);
  }

  /** A file system path, or {@code fallback}. */
  public Path path(String name, Path fallback) {
    return parsed(name, fallback, "a path", Path::of);
  }

  /** One of {@code allowed}, told apart ignoring case and given back as spelled there; or {@code fallback}. */
  public String oneOf(String name, String fallback, String... allowed) {
    String phrase = "one of " + String.join(", ", allowed);
    return parsed(name, fallback, phrase, value -> Arrays.stream(allowed)
        .filter(a -> a.equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(value)));
  }

  /** The value if all of it matches {@code regex}, or {@code fallback}; {@code allowed} says what matches. */
  public String matching(String name, String fallback, String regex, String allowed) {
    Pattern pattern = Pattern.compile(regex);
    return parsed(name, fallback, allowed, value -> {
      if (!pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(value);
      }
      return value;
    });
  }

  /** The items between {@code separator}s (a regex), each trimmed, empty ones dropped; none when unset. */
  public List<String> list(String name, String separator) {
    return string(name)
        .map(value -> Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /**
   * The value read by {@code parse}, or {@code fallback}: for a type no other getter reads. Whatever
   * {@code parse} throws becomes the {@link BadSettingException} saying {@code allowed}.
   */
  public <T> T parsed(String name, T fallback, String allowed, Function<String, T> parse) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return parse.apply(value.get());
    } catch (RuntimeException e) {
      throw bad(name, allowed);
    }
  }

  /** Every set name that starts with {@code prefix} (and is longer), with its value as given, by name. */
  public Map<String, String> startingWith(String prefix) {
    Map<String, String> found = new TreeMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length() && !value.isBlank()) {
        found.put(name, value);
      }
    });
    return found;
  }

  /** The error for the value {@code name} has now: what is allowed, for rules a getter cannot know. */
  public BadSettingException bad(String name, String allowed) {
    return new BadSettingException(name, values.get(name), allowed);
  }

  /** 1.0 as {@code 1}, 0.25 as {@code 0.25}: ranges read as they were written. */
  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** Names only: values may be credentials. */
  @Override
  public String toString() {
    return "Env" + new TreeMap<>(values).keySet();
  }
}
