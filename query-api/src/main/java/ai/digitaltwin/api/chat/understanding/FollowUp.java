package ai.digitaltwin.api.chat.understanding;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a message against the conversation: "and yesterday?" asks the last question again for another
 * time, "what about your sleep then?" asks about sleep for the time just talked about, "and your blood
 * pressure?" the same question of another vital, "why?" asks for the reasons behind the last answer.
 * With nothing to refer to, such a message is ambiguous and the twin asks back (CLARIFY); the time
 * of that question is kept for the answer to it ("yesterday?" → "your sleep").
 */
final class FollowUp {
  private static final Pattern CUE = Pattern.compile(
      "^(?:and|but|so|also|what about|how about|and what about|and how about|what of|same for|ok and|okay and)\\b|\\bthen$");
  private static final Pattern PRONOUN = Pattern.compile("\\b(?:it|that|those|them)\\b");
  /** "the day before", "the night before that": the period just before the one talked about. */
  private static final Pattern BEFORE = Pattern.compile("\\b(?:the )?(day|night|week|month|morning|evening) before\\b(?! yesterday)");
  private static final Set<Intent> VITALS = Set.of(Intent.HEALTH_NOW, Intent.HISTORY, Intent.TRENDS, Intent.EXPLAIN);
  static final int SHORT = 6;

  private FollowUp() {}

  static Question resolve(Question q, Earlier dialogue) {
    Question prev = dialogue.last();
    String text = q.message().text();
    int words = q.message().tokens().size();
    boolean cue = CUE.matcher(text).find();
    boolean shortOne = words <= SHORT;
    boolean why = q.classified() == Intent.EXPLAIN && q.metrics().isEmpty() && words <= 4;
    boolean pronoun = shortOne && q.metrics().isEmpty() && PRONOUN.matcher(text).find()
        && (q.intent() == Intent.UNKNOWN || q.intent().factual());
    java.util.regex.Matcher before = BEFORE.matcher(text);
    if (before.find() && prev != null && prev.time().named() && !prev.time().comparison()) {
      q = new Question(q.message(), q.intent(), q.classified(), q.topic(), q.confidence(), q.metrics(),
          earlier(prev.time().range(), before.group(1)), q.now());
    }
    boolean timeOnly = q.time().named() && q.metrics().isEmpty() && shortOne
        && (q.classified() == Intent.UNKNOWN || cue);
    Timeframe pending = dialogue.pendingTime();
    if (pending != null && !q.time().named() && q.intent().factual()) {
      return with(q, q.classified(), q.topic(), q.metrics(), pending);
    }
    if (why) {
      if (prev == null) {
        return with(q, Intent.CLARIFY, "why", q.metrics(), q.time());
      }
      return with(q, Intent.EXPLAIN, null, prev.metrics(), prev.time());
    }
    if (!(cue && shortOne) && !timeOnly && !pronoun) {
      return q;
    }
    if (prev == null) {
      boolean vague = timeOnly || (cue && q.intent() == Intent.UNKNOWN) || (pronoun && words <= 3);
      return vague ? with(q, Intent.CLARIFY, timeOnly ? "time" : "what", q.metrics(), q.time()) : q;
    }
    Timeframe time = q.time().named() ? q.time() : prev.time();
    if (!q.metrics().isEmpty()) {
      Intent intent = VITALS.contains(prev.intent()) ? prev.classified() : q.classified();
      return with(q, intent == Intent.UNKNOWN ? Intent.HEALTH_NOW : intent, null, q.metrics(), time);
    }
    boolean switched = !timeOnly && q.classified().factual() && q.classified() != prev.classified()
        && q.confidence() >= Understanding.THRESHOLD;
    if (switched) {
      return with(q, q.classified(), q.topic(), q.metrics(), time);
    }
    return with(q, prev.classified(), prev.topic(), prev.metrics(), time);
  }

  /** The period of the same length just before {@code range}, named after the unit the user said. */
  static Timeframe earlier(TimeRange range, String unit) {
    // "today" or "this week" end now: the one before is a whole day or week
    java.time.Duration length = "day".equals(range.unit()) ? java.time.Duration.ofDays(1)
        : "week".equals(range.unit()) ? java.time.Duration.ofDays(7) : range.length();
    TimeRange shifted = new TimeRange(range.start().minus(length), range.start(), "the " + unit + " before",
        range.moment() == null ? null : range.moment().minus(length), range.unit());
    return new Timeframe(shifted, null, false);
  }

  private static Question with(Question q, Intent classified, String topic, List<Metric> metrics, Timeframe time) {
    Intent intent = classified == Intent.CLARIFY ? Intent.CLARIFY : Understanding.refine(classified, time);
    return new Question(q.message(), intent, classified, topic, q.confidence(), metrics, time, q.now());
  }
}
