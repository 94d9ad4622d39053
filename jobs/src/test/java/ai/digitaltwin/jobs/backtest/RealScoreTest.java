package ai.digitaltwin.jobs.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.jobs.anomaly.Rest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RealScoreTest {
  static final LocalDate ONSET = LocalDate.of(2021, 2, 10);

  @Test
  void flaggedLeadTimeAndFalseAlarmDaysOfOnePerson() {
    Set<LocalDate> recorded = days(LocalDate.of(2020, 12, 1), LocalDate.of(2021, 3, 31)); // 121 days
    List<RealScore.Span> alerts = List.of(
        span(at(2021, 1, 26, 7), at(2021, 1, 26, 7)), // 15 days before onset: in the window, not before it enough
        span(at(2021, 1, 30, 23), at(2021, 1, 31, 1)), // 11 days before: flagged, 11 d lead
        span(at(2021, 2, 9, 7), at(2021, 2, 9, 8)),
        span(at(2020, 12, 25, 7), at(2020, 12, 26, 7)), // outside the window: 2 false-alarm days
        span(at(2020, 12, 26, 3), at(2020, 12, 26, 4)), // the same day again counts once
        span(at(2021, 3, 11, 7), at(2021, 3, 11, 7)), // onset + 29 d: outside
        span(at(2021, 3, 10, 7), at(2021, 3, 10, 7))); // onset + 28 d: inside
    RealScore.Person p = RealScore.labelled("P", ONSET, alerts, recorded);
    assertThat(p.flagged()).isTrue();
    assertThat(p.leadDays()).isEqualTo(11);
    assertThat(p.alertDays()).isEqualTo(3);
    // the window 2021-01-20 ... 2021-03-10 is 50 days; 71 recorded days remain
    assertThat(p.days()).isEqualTo(71);
    assertThat(p.perMonth()).isEqualTo(3 * 30.0 / 71);
  }

  @Test
  void anAlertOnTheOnsetDayOrOnlyAfterItIsNotAFlag() {
    Set<LocalDate> recorded = days(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31));
    RealScore.Person p = RealScore.labelled("Q", ONSET, List.of(span(at(2021, 2, 10, 1), at(2021, 2, 10, 1))), recorded);
    assertThat(p.flagged()).isFalse();
    assertThat(p.leadDays()).isNull();
    assertThat(p.alertDays()).isZero();
    assertThat(p.days()).isEqualTo(19); // 1 ... 19 January lie before the window
  }

  @Test
  void summaryPoolsDaysAndTakesTheMedianLeadOfTheFlagged() {
    RealScore.Summary s = RealScore.summary(List.of(
        new RealScore.Person("a", true, 2, 1, 40),
        new RealScore.Person("b", false, null, 3, 50),
        new RealScore.Person("c", true, 5, 0, 30),
        new RealScore.Person("d", true, 9, 0, 0)));
    assertThat(s.flaggedShare()).isEqualTo(0.75);
    assertThat(s.medianLeadDays()).isEqualTo(5.0);
    assertThat(s.perMonth()).isEqualTo(4 * 30.0 / 120);
    assertThat(RealScore.summary(List.of(new RealScore.Person("a", true, 2, 0, 9), new RealScore.Person("c", true, 5, 0, 9)))
        .medianLeadDays()).isEqualTo(3.5);
  }

  @Test
  void unlabelledPeopleCountEveryAlertDay() {
    Set<LocalDate> recorded = days(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 10));
    RealScore.Person p = RealScore.unlabelled("U", List.of(span(at(2021, 1, 9, 22), at(2021, 1, 11, 2))), recorded);
    assertThat(p.alertDays()).isEqualTo(2);
    assertThat(p.perMonth()).isEqualTo(6.0);
  }

  @Test
  void theReferenceRuleAlertsOnANightAboveMeanPlusTwoSdOfThePrevious28Days() {
    NightlyReference rule = new NightlyReference();
    double[] nights = {60, 62, 60, 62, 60, 62, 60, 62, 64, 65};
    for (int d = 0; d < nights.length; d++) {
      LocalDateTime midnight = LocalDateTime.of(2021, 1, 1, 0, 0).plusDays(d);
      for (int m = 0; m < 120; m++) {
        rule.add(ms(midnight.plusHours(2).plusMinutes(m)), nights[d], false);
      }
      rule.add(ms(midnight.plusHours(7)), null, true); // the morning's first steps close the night
    }
    assertThat(rule.nights()).hasSize(10);
    assertThat(rule.nights().get(0).minutes()).isEqualTo(120);
    // night 9 (64): 8 nights of mean 61, SD 1.069 -> 63.14: raised; night 10 (65): 9 nights, mean 61.33, SD 1.414 -> 64.16: raised
    assertThat(rule.alerts()).containsExactly(
        new RealScore.Span(ms(LocalDateTime.of(2021, 1, 9, 7, 0)), ms(LocalDateTime.of(2021, 1, 9, 7, 0))),
        new RealScore.Span(ms(LocalDateTime.of(2021, 1, 10, 7, 0)), ms(LocalDateTime.of(2021, 1, 10, 7, 0))));
  }

  static Set<LocalDate> days(LocalDate from, LocalDate to) {
    Set<LocalDate> out = new TreeSet<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  static RealScore.Span span(long start, long end) {
    return new RealScore.Span(start, end);
  }

  static long at(int y, int m, int d, int hour) {
    return ms(LocalDateTime.of(y, m, d, hour, 0));
  }

  static long ms(LocalDateTime local) {
    return local.atZone(Rest.UTC).toInstant().toEpochMilli();
  }
}
