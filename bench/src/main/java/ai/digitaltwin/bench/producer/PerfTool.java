package ai.digitaltwin.bench.producer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.tools.ProducerPerformance;

/** Runs Kafka's own {@code ProducerPerformance} in this JVM and reads its summary line. */
public final class PerfTool {
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

  private PerfTool() {}

  /** Records per second the tool reached sending {@code records} records of {@code size} bytes. */
  public static double run(String topic, long records, int size, Map<String, String> producerProps) throws Exception {
    List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", String.valueOf(records),
        "--record-size", String.valueOf(size), "--throughput", "-1", "--transaction-duration-ms", "1000",
        "--producer-props"));
    producerProps.forEach((k, v) -> args.add(k + "=" + v));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    Matcher last = null;
    for (String line : out.split("\n")) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find() && Long.parseLong(m.group(1)) == records) {
        last = m;
      }
    }
    if (last == null) {
      throw new IllegalStateException("no summary line in the perf tool's output:\n" + out);
    }
    return Double.parseDouble(last.group(2));
  }
}
