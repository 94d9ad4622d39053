package ai.digitaltwin.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./twin reliability}: runs the suite, prints the table, writes the JSON report. Each option also
 * reads its system property ({@code -Dreliability.full=true}, ...), as the test build passes them.
 */
@Command(name = "./twin reliability", sortOptions = false, usageHelpWidth = 100,
    description = {
        "Runs the reliability and security suite against the real stack (Kafka, Flink, Iceberg, API, all "
            + "started here on loopback ports) and prints what was done, expected and observed.",
        "The short form takes a few minutes. Exit code 0 when every scenario passed, 1 otherwise, 2 for bad options."})
public final class ReliabilityMain implements Callable<Integer> {

  @Option(names = "--full", defaultValue = "${sys:reliability.full:-false}",
      description = "run the long forms (5 kills, 60 s of load, ...) instead of the short ones")
  private boolean full;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "${sys:reliability.seed:-7}",
      description = "seed of every random choice (kill moments, data); default ${DEFAULT-VALUE}")
  private long seed;

  @Option(names = "--only", paramLabel = "SCENARIO", split = ",", defaultValue = "${sys:reliability.only:-}",
      description = "run only these scenarios, comma-separated (names as in the table); default all")
  private List<String> only;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "${sys:reliability.out:-reliability/target/reliability}",
      description = "where reliability-<scale>.json goes; default ${DEFAULT-VALUE}")
  private Path out;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
  private boolean help;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReliabilityMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SuiteConfig config = new SuiteConfig(full ? Scale.FULL : Scale.SHORT, out.toAbsolutePath(), seed,
        only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    Path work = Files.createTempDirectory("twin-reliability");
    List<Outcome> outcomes = new Suite(config, System.out).run(work);
    System.out.println();
    System.out.print(Report.table(outcomes));
    System.out.println("JSON report: " + Report.writeJson(outcomes, config, config.outDir()));
    System.out.println("Scratch data (logs of every stack): " + work);
    return outcomes.stream().allMatch(Outcome::passed) ? 0 : 1;
  }
}
