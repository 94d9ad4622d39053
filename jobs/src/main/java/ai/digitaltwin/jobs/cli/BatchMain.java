package ai.digitaltwin.jobs.cli;

import ai.digitaltwin.config.Env;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./twin batch rollup|backtest|maintenance}: the batch jobs, run once against the catalog the
 * environment names (the embedded warehouse under {@code TWIN_DATA_DIR} by default). On a local Flink
 * environment when started with {@code java}, on the cluster when submitted with {@code flink run}.
 */
@Command(
    name = "twin batch",
    subcommands = {RollupCommand.class, BacktestCommand.class, MaintenanceCommand.class},
    description = {
      "Runs one batch job once, on a local Flink environment, against the Iceberg catalog the environment"
          + " names: ICEBERG_CATALOG (hadoop|rest), ICEBERG_WAREHOUSE, ICEBERG_REST_URI, ...; by default the"
          + " embedded warehouse $TWIN_DATA_DIR/warehouse (TWIN_DATA_DIR default ./data).",
      "Exit code 0 done, 1 the job failed, 2 bad options or configuration."
    })
public final class BatchMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Exit code: 0 done, 1 the job failed, 2 bad options or configuration. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new BatchMain(), new EnvFactory(Env.of(env)));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          boolean config = e instanceof IllegalArgumentException;
          line.getErr().println("twin batch " + line.getCommandName() + ": " + message(e));
          return config ? 2 : 1;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a job: rollup, backtest or maintenance");
  }

  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() != null && root.getMessage().contains(root.getCause().toString())) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  /** Gives each subcommand the environment, so tests run them with their own. */
  private record EnvFactory(Env env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (BatchCommand.class.isAssignableFrom(cls)) {
        return cls.getDeclaredConstructor(Env.class).newInstance(env);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
