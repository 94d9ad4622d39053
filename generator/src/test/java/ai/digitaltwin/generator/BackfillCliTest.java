package ai.digitaltwin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.kafka.EmbeddedKafka;
import ai.digitaltwin.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --days N}: history at full speed with a progress bar and ETA, then a clean exit. */
class BackfillCliTest {
  @TempDir Path dir;

  @Test
  void backfillShowsProgressAndExitsWhenDone() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopics(2);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      int code;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        code = GeneratorMain.run(new String[] {"--bootstrap-servers", kafka.bootstrapServers(), "--id", "cli",
            "--days", "2", "--start", "2026-07-01T00:00:00Z", "--twins", "20"}, Map.of());
      } finally {
        System.setErr(original);
      }
      String stderr = err.toString(StandardCharsets.UTF_8);
      assertThat(code).isZero();
      assertThat(stderr).contains("backfill 100%").containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)")
          .containsPattern("[\\d,]+ events  [\\d,]+/s");
      assertThat(stderr).contains("produced 57,600 health");
      assertThat(TopicReader.readAll(kafka.bootstrapServers(), Topics.HEALTH.name())).hasSize(57_600);
    }
  }

  @Test
  void badFlagsGiveAMessageAndExitCodeTwo() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(GeneratorMain.run(new String[] {"--speed", "fast"}, Map.of())).isEqualTo(2);
      assertThat(GeneratorMain.run(new String[] {"--days", "0"}, Map.of())).isEqualTo(2);
      assertThat(GeneratorMain.run(new String[] {"--nope", "1"}, Map.of())).isEqualTo(2);
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
        "generator: GENERATOR_SPEED=fast: not a number > 0 (flag --speed)",
        "generator: --days must be a whole number from 1 to 3650, got '0'",
        "generator: unknown flag --nope (see --help)", ""));
  }
}
