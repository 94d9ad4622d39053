package ai.digitaltwin.api.chat.understanding;

/**
 * The time a question is about.
 *
 * @param range the period asked about; null when the question is about now or names no time
 * @param other the period it is compared with ("this week vs last week"), else null
 * @param now whether the question explicitly asks about the present ("right now", "currently")
 */
public record Timeframe(TimeRange range, TimeRange other, boolean now) {
  static final Timeframe NONE = new Timeframe(null, null, false);
  static final Timeframe NOW = new Timeframe(null, null, true);

  public boolean named() {
    return range != null;
  }

  public boolean comparison() {
    return range != null && other != null;
  }

  public boolean moment() {
    return range != null && range.moment() != null;
  }
}
