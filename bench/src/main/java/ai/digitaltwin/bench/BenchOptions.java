package ai.digitaltwin.bench;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@code ./twin bench}, parsed by picocli; {@link BenchConfig} turns it into a run. */
@Command(name = "./twin bench", sortOptions = false, usageHelpWidth = 110,
    description = {
        "Builds the seeded datasets it needs, measures every figure next to its reference in the same run, prints",
        "the table and writes it as JSON and Markdown under the results directory."})
final class BenchOptions {

  @Option(names = "--quick", description = "smaller datasets and fewer runs")
  boolean quick;

  @Option(names = "--runs", paramLabel = "N",
      description = "measured runs per side of each comparison after one warm-up (default 5, quick 3)")
  Integer runs;

  @Option(names = "--only", paramLabel = "SECTIONS", split = ",",
      description = "comma-separated: producer,stream,stack,api-scale,memory,backfill,detection,real,rollup,import,"
          + "realism (default: all)")
  List<String> only;

  @Option(names = "--detection-size", paramLabel = "TxD",
      description = "twins x days of the detection-quality run (default 1000x30, quick 200x7)")
  String detectionSize;

  @Option(names = "--seed", paramLabel = "N",
      description = "seed of the detection-quality, API-at-scale and realism data (default 42)")
  Long seed;

  @Option(names = "--api-size", paramLabel = "TxD",
      description = "twins x days behind the API-at-scale and rollup figures (default 1000x30, quick 200x7)")
  String apiSize;

  @Option(names = "--backfill-parallelism", paramLabel = "N",
      description = "the stream job's parallelism in the backfill section (JOB_PARALLELISM; default 1)")
  int backfillParallelism = 1;

  @Option(names = "--realism-size", paramLabel = "TxD",
      description = "twins x days of synthetic people the realism report compares with the real recordings "
          + "(default 100x30, quick 40x14; the seed is --seed)")
  String realismSize;

  @Option(names = "--samples", paramLabel = "DIR", description = "the real recordings (default samples/real-wearables)")
  Path samples = Path.of("samples", "real-wearables");

  @Option(names = "--results", paramLabel = "DIR",
      description = "where the JSON and Markdown results go (default bench-results)")
  Path results = Path.of("bench-results");

  @Option(names = "--work", paramLabel = "DIR", description = "where the seeded datasets are built (default RESULTS/work)")
  Path work;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
  boolean help;

  static String usage() {
    return new CommandLine(new BenchOptions()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }
}
