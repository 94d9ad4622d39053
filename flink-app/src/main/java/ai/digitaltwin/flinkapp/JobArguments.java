package ai.digitaltwin.flinkapp;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.jobs.JobConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Program arguments of the application jar: {@code KEY=VALUE} pairs with the same keys as the
 * environment variables ({@code KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092 JOB_PARALLELISM=4}). An argument
 * wins over the variable of the same name, so a submission can configure the job without touching the
 * JobManager's environment, where {@code main} runs on a session cluster.
 */
public final class JobArguments {
  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

  private JobArguments() {}

  /** The arguments by name; an empty value ({@code KEY=}) unsets the variable, giving its default. */
  public static Map<String, String> parse(List<String> args) {
    Map<String, String> settings = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      if (eq < 0 || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "arguments must look like KEY=VALUE with an upper-case KEY, got '" + arg + "'");
      }
      settings.put(key, arg.substring(eq + 1));
    }
    return settings;
  }

  /** Whether the only argument asks for the usage ({@code --help} or {@code -h}). */
  static boolean helpAsked(String[] args) {
    return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
  }

  /** The job's configuration: the environment with the arguments laid over it. */
  static JobConfig config(Env env, String[] args) {
    return JobConfig.fromEnv(env.with(parse(List.of(args))));
  }
}
