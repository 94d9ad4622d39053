package ai.digitaltwin.generator.cli;

import ai.digitaltwin.generator.ConfigKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --flag value} or {@code --flag=value} for every {@link ConfigKey}, plus
 * {@code --days N} (backfill mode) and {@code --help}. Errors are {@link IllegalArgumentException}s whose
 * message is meant for the user as is.
 */
public record Flags(Map<ConfigKey, String> values, Integer days, boolean helpWanted) {

  public static Flags parse(List<String> args) {
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    Integer days = null;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size() && name.startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(name.startsWith("--") ? "flag " + name + " needs a value"
            : "unexpected argument '" + arg + "' (flags start with --; see --help)");
      }
      if (name.equals("--days")) {
        days = days(value);
        continue;
      }
      ConfigKey key = ConfigKey.byFlag(name);
      if (key == null) {
        throw new IllegalArgumentException("unknown flag " + name + " (see --help)");
      }
      values.put(key, value);
    }
    return new Flags(values, days, help);
  }

  private static int days(String value) {
    try {
      int d = Integer.parseInt(value.trim());
      if (d >= 1 && d <= 3650) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--days must be a whole number from 1 to 3650, got '" + value + "'");
  }

  public static String usage() {
    StringBuilder b = new StringBuilder();
    b.append("Usage: generator [--days N] [flags]\n\n")
        .append("Simulates people and produces their vitals, behaviour, registry and ground-truth events to Kafka,\n")
        .append("exactly once across restarts. Without --days it runs live until stopped (Ctrl-C / SIGTERM): first\n")
        .append("catching up at full speed to now, then advancing --speed simulated seconds per real second.\n\n")
        .append("  --days N  backfill mode: produce N days of history at full speed (from --start, default\n")
        .append("            N days before now at 00:00 UTC), show progress and ETA on stderr, then exit\n")
        .append("  --help    this text\n\n")
        .append("Every flag can also be set by the environment variable shown; a flag wins over the variable.\n\n");
    for (ConfigKey k : ConfigKey.values()) {
      String def = k.defaultValue().isEmpty() ? "(none)" : k.defaultValue();
      b.append(String.format("  %-26s %-32s default %s%n      %s%n", k.flag() + " VALUE", k.name(), def, k.description()));
    }
    return b.toString();
  }
}
