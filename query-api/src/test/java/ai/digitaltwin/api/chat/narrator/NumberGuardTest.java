package ai.digitaltwin.api.chat.narrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard on the narrator's text: the reply's figures, all of them and no other. */
class NumberGuardTest {
  private static final String REPLY = "As of 13:50, my heart rate is 72.5 bpm and my blood pressure is 118/76 mmHg."
      + " One thing though: tachycardia (high, score 3.6) since 06:13, and it's still going on.";

  @Test
  void theSameFiguresInOtherWordsPass() {
    assertThat(NumberGuard.faithful("My pulse read 72.5 bpm at 13:50, pressure 118/76. A tachycardia episode "
        + "(score 3.6) began at 06:13 and hasn't ended.", REPLY)).isTrue();
  }

  @Test
  void aChangedValueTimeOrScoreIsRefused() {
    assertThat(NumberGuard.faithful("At 13:50 my pulse was 73.5 bpm, pressure 118/76; tachycardia (3.6) since 06:13.",
        REPLY)).isFalse();
    assertThat(NumberGuard.faithful("At 13:55 my pulse was 72.5 bpm, pressure 118/76; tachycardia (3.6) since 06:13.",
        REPLY)).isFalse();
    assertThat(NumberGuard.faithful("At 13:50 my pulse was 72.5 bpm, pressure 118/67; tachycardia (3.6) since 06:13.",
        REPLY)).isFalse();
    assertThat(NumberGuard.faithful("At 13:50 my pulse was 72.5 bpm, pressure 118/76; tachycardia (3.5) since 06:13.",
        REPLY)).isFalse();
  }

  @Test
  void aFigureLeftOutOrAddedIsRefused() {
    assertThat(NumberGuard.faithful("At 13:50 my pulse was 72.5 bpm; tachycardia (3.6) since 06:13.", REPLY))
        .as("blood pressure left out").isFalse();
    assertThat(NumberGuard.faithful("At 13:50 my pulse was 72.5 bpm, pressure 118/76; tachycardia (3.6) since "
        + "06:13, my 2nd alert today.", REPLY)).as("a figure added").isFalse();
  }

  @Test
  void numberAndDayWordsTheReplyDoesNotUseAreRefused() {
    String reply = "Yesterday I had one alert: bradycardia (medium, score 2.4) from 06:13 to 06:41.";
    assertThat(NumberGuard.faithful("Just one alert yesterday: bradycardia, score 2.4, 06:13 to 06:41.", reply))
        .isTrue();
    assertThat(NumberGuard.faithful("Two alerts yesterday: bradycardia, score 2.4, 06:13 to 06:41.", reply)).isFalse();
    assertThat(NumberGuard.faithful("One alert today: bradycardia, score 2.4, 06:13 to 06:41.", reply)).isFalse();
    assertThat(NumberGuard.faithful("One alert on Monday: bradycardia, score 2.4, 06:13 to 06:41.", reply)).isFalse();
    assertThat(NumberGuard.faithful("One alert on 19 May: bradycardia, score 2.4, 06:13 to 06:41.", reply))
        .as("a date added").isFalse();
    assertThat(NumberGuard.faithful("I had one alert; it may have been bradycardia (2.4), 06:13 to 06:41.", reply))
        .as("the verb may is no month").isTrue();
  }

  @Test
  void aDateMustKeepItsMonth() {
    String reply = "At 14:05 on 19 May I was working.";
    assertThat(NumberGuard.faithful("I was at work on 19 May, at 14:05.", reply)).isTrue();
    assertThat(NumberGuard.faithful("I was at work on 19 June, at 14:05.", reply)).isFalse();
  }

  @Test
  void numeralsCompareByValue() {
    assertThat(NumberGuard.numerals("at 06:13, 6:05 pm and 3 pm")).containsExactlyInAnyOrder("6:13", "18:05", "15:00");
    assertThat(NumberGuard.numerals("72.0 bpm, 1,200 steps, 0.50 and 36.6")).containsExactlyInAnyOrder("72", "1200",
        "0.5", "36.6");
    assertThat(NumberGuard.numerals("a mood score of -0.3 and 50-100 bpm")).containsExactlyInAnyOrder("-0.3", "50",
        "100");
    assertThat(NumberGuard.numerals("my SpO2 is 97%")).containsExactly("97");
    assertThat(NumberGuard.faithful("At 15:00 I had 12345 steps.", "At 3 pm I had 12,345 steps.")).isTrue();
  }

  @Test
  void aReplyWithoutFiguresAllowsNone() {
    String reply = "I'm sorry you feel that way. I'm here if you want to talk.";
    assertThat(NumberGuard.faithful("That hurts a little, but I'm still here for you.", reply)).isTrue();
    assertThat(NumberGuard.faithful("That hurts, but I'm here 24/7.", reply)).isFalse();
  }
}
