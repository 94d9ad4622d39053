package ai.digitaltwin.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ./twin reliability [--full]}: runs the suite, prints the table, writes the JSON report. */
public final class ReliabilityMain {
  private ReliabilityMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          """
          Usage: ./twin reliability [--full] [--seed N] [--only scenario,...] [--out DIR]
          Runs the reliability and security suite against the real stack (Kafka, Flink, Iceberg, API,
          all started here on loopback ports) and prints what was done, expected and observed.
          The short form takes a few minutes; --full runs the long forms (5 kills, 60 s of load, ...).
          The JSON report goes to DIR (default reliability/target/reliability).""");
      return;
    }
    Map<String, String> props = new HashMap<>();
    System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
    SuiteConfig config;
    try {
      config = SuiteConfig.fromArgs(args, props);
    } catch (IllegalArgumentException e) {
      System.err.println("reliability: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("twin-reliability");
    List<Outcome> outcomes = new Suite(config, System.out).run(work);
    System.out.println();
    System.out.print(Report.table(outcomes));
    System.out.println("JSON report: " + Report.writeJson(outcomes, config, config.outDir()));
    System.out.println("Scratch data (logs of every stack): " + work);
    System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
  }
}
