package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Factual answers against the fixture database, each figure computed here from the generated rows (not
 * with the chat's SQL), and the no-data and off-topic cases.
 */
class ChatFactsTest {
  private final TwinFixture data = SharedChat.fixture();
  private final ChatService chat = SharedChat.service();
  private final TwinPersona ada = SharedChat.ada(BigFive.neutral());

  private static final Instant YESTERDAY = Instant.parse("2026-05-19T00:00:00Z");
  private static final Instant TODAY = Instant.parse("2026-05-20T00:00:00Z");
  private static final Instant MONDAY = Instant.parse("2026-05-18T00:00:00Z");

  @Test
  void heartRateNowIsTheLatestReadingWithAValue() {
    TwinFixture.Reading latest = data.readings.stream()
        .filter(r -> r.heartRate() != null && !r.ts().isAfter(T0))
        .max(Comparator.comparing(TwinFixture.Reading::ts)).orElseThrow();
    ChatReply reply = ask("whats ur pulse right now");
    assertThat(reply.intent()).isEqualTo("health_now");
    assertThat(reply.reply()).contains("my heart rate is " + num(latest.heartRate()) + " bpm");
    assertThat(reply.evidence()).hasSize(1);
    assertThat(reply.evidence().get(0).rows().get(0).get("heart_rate")).isEqualTo(latest.heartRate());
  }

  @Test
  void vitalsNowListsEveryVitalAsLastMeasured() {
    ChatReply reply = ask("How are your vitals?");
    TwinFixture.Reading last = data.readings.get(data.readings.size() - 1);
    TwinFixture.Reading spo2 = latest(r -> r.spo2() != null);
    TwinFixture.Reading hr = latest(r -> r.heartRate() != null);
    assertThat(reply.reply())
        .contains("my heart rate is " + num(hr.heartRate()) + " bpm")
        .contains("my blood pressure is " + num(last.systolic()) + "/" + num(last.diastolic()) + " mmHg")
        .contains("my oxygen saturation is " + num(spo2.spo2()) + "%")
        .contains("my temperature is " + num(last.temp()) + "°C")
        .contains("my breathing rate is " + num(last.resp()) + " breaths/min")
        .contains("As of 13:50");
  }

  @Test
  void heartRateYesterdayIsAveragedOverYesterdaysReadings() {
    List<Double> values = heartRates(YESTERDAY, TODAY);
    long readings = data.readings.stream().filter(r -> in(r.ts(), YESTERDAY, TODAY)).count();
    ChatReply reply = ask("what was ur heart rate yesturday?");
    assertThat(reply.intent()).isEqualTo("history");
    assertThat(reply.reply()).contains(
        "Yesterday, my heart rate averaged " + num(round1(mean(values))) + " bpm (from "
            + num(min(values)) + " to " + num(max(values)) + "), over " + readings + " readings.");
  }

  @Test
  void pulseAtThreePmYesterdayUsesTheHalfHourAroundIt() {
    Instant from = Instant.parse("2026-05-19T14:30:00Z");
    Instant to = Instant.parse("2026-05-19T15:30:00Z");
    List<Double> values = heartRates(from, to);
    ChatReply reply = ask("What was your pulse at 3 pm yesterday?");
    assertThat(reply.reply()).contains("At 15:00 yesterday, my heart rate averaged " + num(round1(mean(values))) + " bpm");
  }

  @Test
  void sleepLastNightIsTheNightThatEndedThisMorning() {
    TwinFixture.Sleep night = data.sleeps.stream()
        .filter(s -> in(s.end(), Instant.parse("2026-05-19T20:00:00Z"), Instant.parse("2026-05-20T10:00:00Z")))
        .findFirst().orElseThrow();
    double hours = round1(Duration.between(night.start(), night.end()).toMinutes() / 60.0);
    ChatReply reply = ask("how did u sleep last nite");
    assertThat(reply.intent()).isEqualTo("sleep");
    assertThat(reply.reply()).contains("Last night I slept " + num(hours) + " hours, from 23:00 on 19 May to 06:30");
  }

  @Test
  void stepsYesterdayAreTheSumOfYesterdaysReadings() {
    long steps = data.readings.stream().filter(r -> in(r.ts(), YESTERDAY, TODAY)).mapToLong(TwinFixture.Reading::steps).sum();
    ChatReply reply = ask("How many steps did you take yesterday?");
    assertThat(reply.intent()).isEqualTo("activity");
    assertThat(reply.reply()).contains("Yesterday I walked " + steps + " steps.");
  }

  @Test
  void thisWeekAgainstLastWeekComparesBothAverages() {
    List<Double> thisWeek = heartRates(MONDAY, T0);
    List<Double> lastWeek = heartRates(MONDAY.minus(Duration.ofDays(7)), MONDAY);
    ChatReply reply = ask("compare your heart rate this week vs last week");
    assertThat(reply.intent()).isEqualTo("trends");
    assertThat(reply.reply()).contains(
        "This week my heart rate averaged " + num(round1(mean(thisWeek))) + " bpm over " + thisWeek.size()
            + " readings, against " + num(round1(mean(lastWeek))) + " bpm over " + lastWeek.size()
            + " readings last week: higher.");
  }

  @Test
  void alertsOfTheLastSevenDaysAreCountedWithTheirSeverity() {
    List<TwinFixture.Anomaly> recent = data.anomalies.stream()
        .filter(a -> in(a.ts(), T0.minus(Duration.ofDays(7)), T0)).toList();
    long high = recent.stream().filter(a -> a.severity().equals("high")).count();
    ChatReply reply = ask("any anomolies lately?");
    assertThat(reply.intent()).isEqualTo("anomalies");
    assertThat(reply.reply()).contains("I had " + recent.size() + " alerts, " + high + " of them high severity");
  }

  @Test
  void moodNowIsTheLatestState() {
    TwinFixture.State state = data.states.stream().filter(s -> !s.ts().isAfter(T0))
        .max(Comparator.comparing(TwinFixture.State::ts)).orElseThrow();
    ChatReply reply = ask("how r u feeling");
    assertThat(reply.intent()).isEqualTo("mood");
    assertThat(reply.reply()).contains("Right now I feel " + state.mood() + ": my mood score is "
        + num(state.moodScore()) + ", my stress is " + num(state.stress()) + " and my energy " + num(state.energy()));
  }

  @Test
  void anotherTwinsRowsNeverLeakIn() {
    ChatReply reply = ask("What's your heart rate now?");
    assertThat(reply.reply()).doesNotContain("150");
    for (ChatReply.Evidence evidence : reply.evidence()) {
      assertThat(evidence.params()).contains(TwinFixture.TWIN).doesNotContain(TwinFixture.DECOY);
    }
  }

  @Test
  void noDataIsSaidWithoutInventingNumbers() {
    TwinPersona eve = new TwinPersona(TwinFixture.EMPTY, "Eve", 51, "architect", BigFive.neutral(), null, 0.0, null);
    ChatReply reply = chat.reply(eve, "How's your heart rate?", T0);
    assertThat(reply.intent()).isEqualTo("health_now");
    assertThat(reply.reply()).contains("I have no heart rate readings").doesNotContainPattern("[0-9]");
    assertThat(reply.evidence()).hasSize(1);
    ChatReply sleep = chat.reply(eve, "How did you sleep last night?", T0);
    assertThat(sleep.reply()).contains("I have no sleep recorded last night").doesNotContainPattern("[0-9]");
  }

  @Test
  void offTopicSaysSoAndSuggestsWithoutNumbers() {
    ChatReply reply = ask("What is 15 times 7?");
    assertThat(reply.intent()).isEqualTo("unknown");
    assertThat(reply.reply()).contains("not something I can answer").contains("sleep").doesNotContainPattern("[0-9]");
    assertThat(reply.evidence()).isEmpty();
  }

  private ChatReply ask(String message) {
    return chat.reply(ada, message, T0);
  }

  private TwinFixture.Reading latest(java.util.function.Predicate<TwinFixture.Reading> having) {
    return data.readings.stream().filter(having).max(Comparator.comparing(TwinFixture.Reading::ts)).orElseThrow();
  }

  private List<Double> heartRates(Instant from, Instant to) {
    return values(from, to, TwinFixture.Reading::heartRate);
  }

  private List<Double> values(Instant from, Instant to, Function<TwinFixture.Reading, Double> column) {
    return data.readings.stream().filter(r -> in(r.ts(), from, to)).map(column).filter(v -> v != null).toList();
  }

  private static boolean in(Instant ts, Instant from, Instant to) {
    return !ts.isBefore(from) && ts.isBefore(to);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static double round1(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  /** How a figure reads in a reply: 79.0 → "79", 36.7 → "36.7". */
  private static String num(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
