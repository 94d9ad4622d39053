package ai.digitaltwin.generator.cli;

import ai.digitaltwin.generator.ConfigKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line, parsed by picocli: {@code --flag value} or {@code --flag=value} for every
 * {@link ConfigKey}, plus {@code --days N} (backfill mode) and {@code --help}. The options are built from
 * the {@link ConfigKey} table, so the help, the environment and the flags cannot disagree. Errors are
 * {@link IllegalArgumentException}s whose message is meant for the user as is.
 */
public record Flags(Map<ConfigKey, String> values, Integer days, boolean helpWanted) {
  private static final String DAYS = "--days";
  private static final int MAX_DAYS = 3650;

  public static Flags parse(List<String> args) {
    ParseResult parsed;
    try {
      parsed = new CommandLine(spec()).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.UnmatchedArgumentException e) {
      String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
      throw new IllegalArgumentException(first.startsWith("-") ? "unknown flag " + first + " (see --help)"
          : "unexpected argument '" + first + "' (flags start with --; see --help)");
    } catch (CommandLine.MissingParameterException e) {
      String flag = e.getMissing().isEmpty() ? "" : " " + ((OptionSpec) e.getMissing().get(0)).longestName();
      throw new IllegalArgumentException("flag" + flag + " needs a value");
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + " (see --help)");
    }
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) {
      if (parsed.hasMatchedOption(k.flag())) {
        values.put(k, parsed.matchedOptionValue(k.flag(), ""));
      }
    }
    Integer days = parsed.hasMatchedOption(DAYS) ? days(parsed.matchedOptionValue(DAYS, "")) : null;
    return new Flags(values, days, parsed.isUsageHelpRequested());
  }

  private static int days(String value) {
    try {
      int d = Integer.parseInt(value.trim());
      if (d >= 1 && d <= MAX_DAYS) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(DAYS + " must be a whole number from 1 to " + MAX_DAYS + ", got '" + value + "'");
  }

  /** The values given, by environment variable name, to lay over the environment. */
  public Map<String, String> settings() {
    Map<String, String> byName = new HashMap<>();
    values.forEach((key, value) -> byName.put(key.name(), value));
    return byName;
  }

  public static String usage() {
    return new CommandLine(spec()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** Values stay text here: {@code GeneratorConfig} checks them, for flags and environment alike. */
  private static CommandSpec spec() {
    CommandSpec spec = CommandSpec.create().name("generator");
    spec.usageMessage()
        .customSynopsis("generator [--days N] [flags]")
        .description(
            "Simulates people and produces their vitals, behaviour, registry and ground-truth events to Kafka,",
            "exactly once across restarts. Without --days it runs live until stopped (Ctrl-C / SIGTERM): first",
            "catching up at full speed to now, then advancing --speed simulated seconds per real second.",
            "",
            "Every flag can also be set by the environment variable shown; a flag wins over the variable.")
        .descriptionHeading("%n")
        .optionListHeading("%nFlags:%n")
        .sortOptions(false)
        .width(110);
    spec.addOption(OptionSpec.builder(DAYS).paramLabel("N").type(String.class)
        .description("backfill mode: produce N days of history at full speed (from --start, default N days "
            + "before now at 00:00 UTC), show progress and ETA on stderr, then exit")
        .build());
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("this text").build());
    for (ConfigKey k : ConfigKey.values()) {
      String def = k.defaultValue().isEmpty() ? "(none)" : k.defaultValue();
      spec.addOption(OptionSpec.builder(k.flag()).paramLabel("VALUE").type(String.class)
          .description(k.description(), "environment " + k.name() + ", default " + def)
          .build());
    }
    return spec;
  }
}
