package ai.digitaltwin.jobs.twin;

import ai.digitaltwin.schemas.Personality;
import java.util.Locale;

/**
 * Big Five traits that drift slowly, within bounds, for stated reasons. The registry sets the base (and
 * resets the drift); behaviour moves the current values at most {@link #MAX_DRIFT} away from it:
 * a day with much social time nudges extraversion up, a day with none nudges it down, negative chat
 * sentiment nudges neuroticism up and positive down. Each change records its cause.
 */
public class Traits {
  static final double MAX_DRIFT = 0.1;
  /** Per day: weeks of consistent behaviour are needed to move a trait by a few hundredths. */
  static final double SOCIAL_STEP = 0.002;
  static final double CHAT_STEP = 0.002;

  public boolean known;
  public double[] base = new double[5];
  public double[] current = new double[5];
  public String cause;

  public Traits() {}

  public void set(Personality p, String why) {
    if (p == null) {
      return;
    }
    base = new double[] {p.getOpenness(), p.getConscientiousness(), p.getExtraversion(), p.getAgreeableness(), p.getNeuroticism()};
    current = base.clone();
    known = true;
    cause = why;
  }

  /** Closes a day with {@code socialMinutes} of social activity; returns true when a trait moved. */
  public boolean endOfDay(double socialMinutes, String day) {
    double signal = Math.max(-1, Math.min(1, (socialMinutes - 60) / 60));
    return nudge(2, SOCIAL_STEP * signal, String.format(Locale.ROOT, "social activity %.0f min on %s", socialMinutes, day));
  }

  /** A user's chat message with this sentiment (-1..1); returns true when a trait moved. */
  public boolean chat(double sentiment) {
    if (Math.abs(sentiment) < 0.3) {
      return false;
    }
    double step = sentiment < 0 ? CHAT_STEP * -sentiment : -CHAT_STEP / 2 * sentiment;
    return nudge(4, step, String.format(Locale.ROOT, "%s chat sentiment %.2f", sentiment < 0 ? "negative" : "positive", sentiment));
  }

  private static final String[] NAMES = {"openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"};

  private boolean nudge(int trait, double delta, String why) {
    if (!known || delta == 0) {
      return false;
    }
    double lo = Math.max(0, base[trait] - MAX_DRIFT);
    double hi = Math.min(1, base[trait] + MAX_DRIFT);
    double next = Math.max(lo, Math.min(hi, current[trait] + delta));
    if (Math.abs(next - current[trait]) < 1e-9) {
      return false;
    }
    double applied = next - current[trait];
    current[trait] = next;
    cause = String.format(Locale.ROOT, "%s: %s %+.4f", why, NAMES[trait], applied);
    return true;
  }

  public Personality personality() {
    if (!known) {
      return null;
    }
    return Personality.newBuilder()
        .setOpenness(round(current[0]))
        .setConscientiousness(round(current[1]))
        .setExtraversion(round(current[2]))
        .setAgreeableness(round(current[3]))
        .setNeuroticism(round(current[4]))
        .build();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
