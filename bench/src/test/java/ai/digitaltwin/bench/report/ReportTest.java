package ai.digitaltwin.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's arithmetic and output, on made-up samples: no benchmark runs here. */
class ReportTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final Machine MACHINE = new Machine(2, 23_000, "OpenJDK 17", "Linux 6.1 amd64", 3.5);

  @Test
  void samplesGiveMedianPercentileAndSpread() {
    Samples s = Samples.of(10, 30, 20, 40);
    assertThat(s.median()).isEqualTo(25.0);
    assertThat(Samples.of(3, 1, 2).median()).isEqualTo(2.0);
    assertThat(s.percentile(0.95)).isEqualTo(40.0);
    assertThat(s.percentile(0.5)).isEqualTo(20.0);
    assertThat(s.spread()).isEqualTo(30.0 / 25.0);
    assertThatThrownBy(() -> Samples.of()).hasMessage("samples must not be empty");
  }

  @Test
  void ratioIsOfMediansAndGoalsJudgeRatioOrValue() {
    Figure producer = Figure.of("gen", Measure.of("generator", "records/s", 90, 100, 80),
        Measure.of("tool", "records/s", 100, 110, 90), null, Goal.ratioAtLeast(0.9));
    assertThat(producer.ratio()).isEqualTo(0.9);
    assertThat(producer.met()).isTrue();
    Figure query = Figure.of("q", Measure.of("API", "ms", 16), Measure.of("DuckDB", "ms", 10), null, Goal.ratioAtMost(1.5));
    assertThat(query.ratio()).isEqualTo(1.6);
    assertThat(query.met()).isFalse();
    Figure stream = Figure.of("s", Measure.of("full", "events/s", 60_000), Measure.of("pass", "events/s", 70_000), null,
        Goal.ratioAtLeast(0.8), Goal.valueAtLeast(50_000));
    assertThat(stream.met()).isTrue();
    Figure missing = Figure.unavailable("chat", "no chat endpoint", Goal.valueAtMost(150));
    assertThat(missing.ratio()).isNull();
    assertThat(missing.met()).isFalse();
  }

  @Test
  void tableShowsEveryFigureWithReferenceRatioGoalAndMachine() {
    String table = report().table();
    assertThat(table).contains("Machine: 2 cores, 23,000 MB memory, OpenJDK 17, Linux 6.1 amd64");
    assertThat(table).contains("Load average (1 min): 3.50 at start, 4.25 at end");
    assertThat(table).contains("| generator vs tool", "90,000 records/s (80,000-100,000, n=3)",
        "tool: 100,000 records/s (90,000-110,000, n=3)", "| 0.90 ", "ratio >= 0.90", "| yes");
    assertThat(table).contains("| chat", "not available: no chat endpoint", "<= 150");
    assertThat(table).contains("- generator vs tool: 1,000 twins");
  }

  @Test
  void jsonHoldsSamplesRatioAndVerdict(@TempDir Path dir) throws Exception {
    Path file = report().writeJson(dir);
    assertThat(file.getFileName().toString()).isEqualTo("bench-2026-01-05T100000Z.json");
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("latest.json")));
    assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
    JsonNode first = json.get("figures").get(0);
    assertThat(first.get("ratio").asDouble()).isEqualTo(0.9);
    assertThat(first.get("value").get("samples")).hasSize(3);
    assertThat(first.get("met").asBoolean()).isTrue();
    JsonNode chat = json.get("figures").get(1);
    assertThat(chat.get("available").asBoolean()).isFalse();
    assertThat(chat.get("unavailable").asText()).isEqualTo("no chat endpoint");
  }

  private static Report report() {
    return new Report("./twin bench --quick", MACHINE, T0, T0.plusSeconds(300), 4.25, List.of(
        Figure.of("generator vs tool", Measure.of("generator", "records/s", 90_000, 100_000, 80_000),
            Measure.of("tool", "records/s", 100_000, 110_000, 90_000), "1,000 twins", Goal.ratioAtLeast(0.9)),
        Figure.unavailable("chat", "no chat endpoint", Goal.valueAtMost(150))));
  }
}
