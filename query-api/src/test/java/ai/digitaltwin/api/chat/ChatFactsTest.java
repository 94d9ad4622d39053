package ai.digitaltwin.api.chat;

import static ai.digitaltwin.api.chat.TwinFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.api.chat.answering.Evidence;
import ai.digitaltwin.api.chat.answering.SqlRunner;
import ai.digitaltwin.api.chat.voice.BigFive;
import ai.digitaltwin.api.chat.voice.Phrases;
import ai.digitaltwin.api.chat.voice.TwinPersona;
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
    assertThat(reply.evidence()).hasSize(2); // the reading, and the episodes still open
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
  void stepsThisWeekAgainstLastWeekAreTheSumsOfTheirReadingsInTheTwinsOwnWeek() {
    // in Tokyo "this week" begins on Sunday 15:00 UTC and ends at T0 (a part-day after two whole days);
    // the whole days come from the daily figures, the part-days from the readings
    java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
    TwinPersona ada = new TwinPersona(TwinFixture.TWIN, "Ada", 34, "nurse", BigFive.neutral(), "content", 0.1, tokyo);
    Instant monday = java.time.LocalDate.of(2026, 5, 18).atStartOfDay(tokyo).toInstant();
    long thisWeek = steps(monday, T0);
    long lastWeek = steps(monday.minus(Duration.ofDays(7)), monday);
    ChatReply reply = chat.reply(ada, "How do your steps this week compare to last week?", T0);
    assertThat(reply.intent()).isEqualTo("trends");
    assertThat(reply.reply()).contains(" " + thisWeek + " steps").contains(" " + lastWeek + " steps last week");
    assertThat(reply.evidence().get(0).sql()).contains(SqlRunner.DAILY_FIGURES);
  }

  private long steps(Instant from, Instant to) {
    return data.readings.stream().filter(r -> in(r.ts(), from, to)).mapToLong(TwinFixture.Reading::steps).sum();
  }

  @Test
  void alertsOfTheLastSevenDaysAreCountedAsEpisodesWithTheirSeverity() {
    // as GET /anomalies counts them: one episode per type and start, whose start lies in the window
    List<TwinFixture.Anomaly> recent = data.anomalies.stream()
        .filter(a -> in(a.start(), T0.minus(Duration.ofDays(7)), T0)).toList();
    long high = recent.stream().filter(a -> a.severity().equals("high")).count();
    ChatReply reply = ask("any anomolies lately?");
    assertThat(reply.intent()).isEqualTo("anomalies");
    assertThat(reply.reply()).contains("I had " + recent.size() + " alerts, " + high + " of them high severity");
  }

  @Test
  void theOpeningAndClosingRowsOfOneEpisodeAreOneAlert() {
    List<TwinFixture.Anomaly> thisWeek = data.anomalies.stream().filter(a -> in(a.start(), MONDAY, T0)).toList();
    TwinFixture.Anomaly brady = thisWeek.stream().filter(a -> a.type().equals("bradycardia")).findFirst().orElseThrow();
    ChatReply reply = ask("Any health problems this week?");
    assertThat(reply.intent()).isEqualTo("anomalies");
    assertThat(reply.reply()).contains("This week I had " + thisWeek.size() + " alerts")
        .contains("bradycardia (medium, score 2.4) from 06:13 to " + clock(brady.end()));
    assertThat(reply.reply().split("bradycardia \\(", -1)).hasSize(2);
    assertThat(reply.reply()).contains("tachycardia (high, score 3.6) since " + clock(T0.minus(Duration.ofMinutes(40))))
        .contains("still going on").contains("Bradycardia means");
  }

  @Test
  void somethingUnusualWithTheHeartIsTheAnomalies() {
    ChatReply reply = ask("Did anything unusual happen with your heart recently?");
    assertThat(reply.intent()).isEqualTo("anomalies");
    assertThat(reply.reply()).contains("tachycardia (high, score 3.6) since").contains("still going on");
  }

  @Test
  void aDayThatBeganMidAfternoonIsSaidToBePartial() {
    TwinPersona newbie = newbie();
    List<Double> values = newbieHeartRates(YESTERDAY, TODAY);
    ChatReply reply = chat.reply(newbie, "average heart rate yesterday", T0);
    assertThat(reply.intent()).isEqualTo("history");
    assertThat(reply.reply())
        .contains("Yesterday, my heart rate averaged " + num(round1(mean(values))) + " bpm")
        .contains("over " + values.size() + " readings")
        .contains("only begin at 15:00 on 19 May").contains("part of the period");
    ChatReply full = ask("average heart rate yesterday");
    assertThat(full.reply()).doesNotContain("part of the period");
  }

  @Test
  void aTwinWithOneStateSaysSoInsteadOfAveragingIt() {
    ChatReply reply = chat.reply(newbie(), "How have you been feeling this week?", T0);
    assertThat(reply.intent()).isEqualTo("mood");
    assertThat(reply.reply()).contains("just one mood update so far").doesNotContain("1 updates");
    ChatReply drift = chat.reply(newbie(), "Have you changed lately?", T0);
    assertThat(drift.reply()).contains("haven't been around long enough");
  }

  @Test
  void personalityNowAndItsDriftAreDifferentAnswers() {
    ChatReply now = ask("Tell me about your personality");
    ChatReply drift = ask("Have you changed lately?");
    assertThat(now.intent()).isEqualTo("personality");
    assertThat(drift.intent()).isEqualTo("personality");
    TwinFixture.State latest = data.states.get(data.states.size() - 1);
    TwinFixture.State weekAgo = data.states.stream().filter(st -> !st.ts().isBefore(T0.minus(Duration.ofDays(7))))
        .findFirst().orElseThrow();
    assertThat(now.reply()).contains("neuroticism " + num(round2(latest.neuroticism())));
    assertThat(drift.reply()).isNotEqualTo(now.reply())
        .contains("my neuroticism went from " + num(round2(weekAgo.neuroticism())) + " to " + num(round2(latest.neuroticism())))
        .contains("more prone to worry").contains("unkind conversations")
        .contains(data.states.stream().map(TwinFixture.State::drift).filter(d -> d != null).distinct().count() + " small shifts");
  }

  @Test
  void routinesComeFromTheUsualActivityOfEachHour() {
    ChatReply weekend = ask("What do you do on weekends?");
    assertThat(weekend.intent()).isEqualTo("routine");
    assertThat(weekend.reply()).contains("at weekends, from 08:00 to 09:00 I'm getting ready, from 09:00 to 10:00 I'm relaxing, from 10:00 to 12:00 I'm exercising, "
        + "from 12:00 to 16:00 I'm socialising");
    ChatReply bed = ask("What time do you usually go to bed?");
    assertThat(bed.intent()).isEqualTo("routine");
    assertThat(bed.reply()).contains("On weekdays I usually go to bed at " + first(TwinFixture.WEEKDAY, "sleep", 12)
        + " and get up at 06:00").contains("At weekends I usually go to bed at 23:00 and get up at 08:00");
    ChatReply exercise = ask("When do you usually exercise?");
    assertThat(exercise.reply()).contains("On weekdays I usually exercise from 17:00 to 18:00")
        .contains("At weekends I usually exercise from 10:00 to 12:00");
  }

  @Test
  void whyIsTheHeartRateHighGivesTheValueTheBaselineTheActivityAndTheAlerts() {
    TwinFixture.Reading hr = latest(r -> r.heartRate() != null);
    ChatReply reply = ask("Why is your heart rate so high?");
    assertThat(reply.intent()).isEqualTo("explain");
    assertThat(reply.reply()).contains("My heart rate was " + num(hr.heartRate()) + " bpm at " + clock(hr.ts()))
        .contains("baseline is 68 bpm").contains("working").contains("tachycardia (high, score 3.6) since");
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
    for (Evidence evidence : reply.evidence()) {
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
    Phrases phrases = Phrases.load();
    List<String> variants = java.util.stream.IntStream.rangeClosed(1, 6)
        .mapToObj(i -> phrases.getOrDefault(i == 1 ? "unknown" : "unknown." + i, null)).filter(v -> v != null).toList();
    assertThat(variants).hasSizeGreaterThan(1).anyMatch(reply.reply()::contains);
    assertThat(reply.reply()).containsAnyOf("sleep", "slept").doesNotContainPattern("[0-9]");
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

  private TwinPersona newbie() {
    return new TwinPersona(TwinFixture.NEWBIE, "Noa", 29, "baker", BigFive.neutral(), "content", 0.1, null);
  }

  private List<Double> newbieHeartRates(Instant from, Instant to) {
    return data.newbieReadings.stream().filter(r -> in(r.ts(), from, to)).map(TwinFixture.Reading::heartRate).toList();
  }

  /** The first hour from {@code from} on (wrapping) where the routine turns to {@code activity}. */
  private static String first(List<String> hours, String activity, int from) {
    for (int k = from; k < from + 24; k++) {
      if (hours.get(k % 24).equals(activity) && !hours.get((k + 23) % 24).equals(activity)) {
        return String.format("%02d:00", k % 24);
      }
    }
    throw new AssertionError("no " + activity);
  }

  private static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  private static String clock(Instant ts) {
    return ts.toString().substring(11, 16);
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
