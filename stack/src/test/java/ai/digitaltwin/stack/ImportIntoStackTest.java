package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.importer.cli.ImportCommand;
import ai.digitaltwin.importer.send.ApiClient;
import ai.digitaltwin.kafka.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of {@code ./twin import}, all real: a slice of a Stanford heart-rate file imported with
 * the command into a started embedded stack (Kafka, the Flink stream job, Iceberg, the API), read back
 * over SQL, the person's name and time zone on the twin; imported again, nothing is added.
 */
class ImportIntoStackTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "import-test-admin-pw";
  static final String TWIN = "stanford-a4g0044";
  static final int ROWS = 1_500;

  @TempDir static Path dir;
  static TwinStack stack;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    int port = FreePorts.next();
    env.put("PORT", String.valueOf(port));
    env.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("GENERATOR_TWINS", "1");
    env.put("GENERATOR_BACKFILL_DAYS", "0");
    env.put("GENERATOR_SPEED", "60");
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    env.put("SNAPSHOT_POLL_MS", "300");
    env.put("SOURCE_IDLENESS_MS", "3000");
    env.put("JWT_SECRET", "import-test-signing-key-0123456789-abcdefghijkl");
    env.put("ADMIN_PASSWORD", PASSWORD);
    stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log")), true));
    base = "http://127.0.0.1:" + port;
    Files.writeString(dir.resolve("admin-password"), PASSWORD + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aStanfordSliceLandsOnceAndAnImportAgainAddsNothing() throws Exception {
    Path slice = slice("A4G0044_hr.csv.gz", ROWS);

    Run first = run("--api", base, "--password-file", dir.resolve("admin-password").toString(), "--twin", TWIN,
        "--name", "Stanford A4G0044", "--timezone", "America/Los_Angeles", "--no-progress", "--wait", "120", slice.toString());
    assertThat(first.code).as(first.err).isZero();
    assertThat(first.err).contains("created twin " + TWIN + ", marked as imported");
    JsonNode summary = first.summary();
    assertThat(summary.get("skipped").toString()).as(first.out).isEqualTo("{}");
    assertThat(summary.get("twin_id").asText()).isEqualTo(TWIN);
    assertThat(summary.get("records").asLong()).isEqualTo(ROWS);
    assertThat(summary.get("skipped").size()).isZero();
    // 2020-12-08 00:00:00 in Los Angeles; the 1,500th row is 2020-12-09 01:00:00 local
    assertThat(summary.get("from").asText()).isEqualTo("2020-12-08T08:00:00Z");
    JsonNode rows = sql("SELECT count(*), count(DISTINCT event_id), min(ts), max(ts), min(heart_rate), max(heart_rate),"
        + " count(*) FILTER (WHERE source <> 'import') FROM health_events WHERE twin_id = '" + TWIN + "'");
    assertThat(rows.get(0).get(0).asLong()).isEqualTo(ROWS);
    assertThat(rows.get(0).get(1).asLong()).isEqualTo(ROWS);
    assertThat(rows.get(0).get(3).asText()).startsWith(summary.get("to").asText().replace("Z", "").substring(0, 16));
    assertThat(rows.get(0).get(6).asLong()).isZero();
    JsonNode twin = sql("SELECT name, timezone, age, occupation, action FROM twin_registry WHERE twin_id = '" + TWIN + "'");
    assertThat(twin).hasSize(1);
    assertThat(twin.get(0).get(0).asText()).isEqualTo("Stanford A4G0044");
    assertThat(twin.get(0).get(1).asText()).isEqualTo("America/Los_Angeles");
    assertThat(twin.get(0).get(2).isNull()).isTrue();
    assertThat(twin.get(0).get(3).isNull()).isTrue();
    assertThat(twin.get(0).get(4).asText()).isEqualTo("imported");

    Run again = run("--api", base, "--password-file", dir.resolve("admin-password").toString(), "--twin", TWIN,
        "--timezone", "America/Los_Angeles", "--no-progress", slice.toString());
    assertThat(again.code).as(again.err).isZero();
    assertThat(again.summary().get("records").asLong()).isZero();
    assertThat(again.summary().get("skipped").get("already imported").asLong()).isEqualTo(ROWS);
    assertThat(again.summary().get("from").isNull()).isTrue();

    // two more commits later, history still holds each reading once and the generator made none for it
    Thread.sleep(5_000); // two checkpoint intervals: a duplicate sent by the second run would be committed by now
    JsonNode after = sql("SELECT count(*), count(*) FILTER (WHERE source <> 'import') FROM health_events"
        + " WHERE twin_id = '" + TWIN + "'");
    assertThat(after.get(0).get(0).asLong()).isEqualTo(ROWS);
    assertThat(after.get(0).get(1).asLong()).isZero();
  }

  @Test
  void aWrongPasswordIsAClearErrorWithoutAStackTrace() throws Exception {
    Path wrong = dir.resolve("wrong-password");
    Files.writeString(wrong, "not-the-password");
    Run run = run("--api", base, "--password-file", wrong.toString(), "--twin", "t-1", "--no-progress",
        slice("A4G0044_hr.csv.gz", 10).toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).startsWith("twin import: POST /api/v1/auth/login answered 401: ").doesNotContain("Exception");
    assertThat(run.out).isEmpty();
  }

  record Run(int code, String out, String err) {
    JsonNode summary() throws Exception {
      String[] lines = out.strip().split("\n");
      return JSON.readTree(lines[lines.length - 1]);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ImportCommand.execute(args, Env.empty(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The header and the first {@code rows} rows of a vendored sample, as published. */
  static Path slice(String sample, int rows) throws Exception {
    Path out = dir.resolve(sample.replace(".csv.gz", "-" + rows + ".csv"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Path.of("..", "samples", "real-wearables", sample))), StandardCharsets.UTF_8))) {
      for (int i = 0; i <= rows; i++) {
        lines.add(in.readLine());
      }
    }
    Files.write(out, lines);
    return out;
  }

  static JsonNode sql(String query) throws Exception {
    Path pw = dir.resolve("admin-password");
    ApiClient client = new ApiClient(base);
    client.login("admin", Files.readString(pw).strip());
    return client.sql(query).get("rows");
  }
}
