package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.voice.Answer;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.history.QueryResult;
import ai.digitaltwin.schemas.Tables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ROUTINE: habits from the twin's newest state, whose {@code routine} holds the usual activity of each
 * local hour on weekdays and at weekends (the stream job counts them). Topics: the day in blocks
 * ("weekend" sets the two apart), "bedtime" (going to bed and getting up) and "exercise" (its hours).
 */
final class Routine {
  static final String SQL =
      "SELECT ts, routine FROM " + Tables.TWIN_STATE
          + " WHERE twin_id = ? AND ts <= ? AND routine IS NOT NULL ORDER BY ts DESC LIMIT 1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stretch of hours [from, to) with the same usual activity. */
  record Block(int from, int to, String activity) {}

  private Routine() {}

  static Answer answer(Context ctx) {
    QueryResult rows = ctx.db().within(null, ctx.now(), SQL, ctx.db().twinId(), ctx.now());
    if (rows.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("routine.none"));
    }
    JsonNode routine = parse(rows.value(0, "routine").toString());
    String[] weekday = hours(routine.get("weekday"));
    String[] weekend = hours(routine.get("weekend"));
    String topic = ctx.question().topic() == null ? "day" : ctx.question().topic();
    List<String> facts = new ArrayList<>();
    switch (topic) {
      case "bedtime" -> {
        bedtime(ctx, weekday, "weekdays", facts);
        bedtime(ctx, weekend, "weekends", facts);
      }
      case "exercise" -> {
        exercise(ctx, weekday, "weekdays", facts);
        exercise(ctx, weekend, "weekends", facts);
      }
      case "weekend" -> {
        day(ctx, weekend, "weekends", facts);
        day(ctx, weekday, "weekdays", facts);
      }
      default -> {
        day(ctx, weekday, "weekdays", facts);
        day(ctx, weekend, "weekends", facts);
      }
    }
    if (facts.isEmpty()) {
      return Answer.of(Answer.Assessment.NO_DATA, ctx.phrases().get("routine.none"));
    }
    return new Answer(facts, Answer.Assessment.INFO);
  }

  /** The 24 hours of one routine, null where no activity was seen yet. */
  static String[] hours(JsonNode array) {
    String[] out = new String[24];
    if (array != null && array.isArray()) {
      for (int h = 0; h < Math.min(24, array.size()); h++) {
        out[h] = array.get(h).isNull() ? null : array.get(h).asText();
      }
    }
    return out;
  }

  /** Consecutive hours with the same usual activity, in order; hours with none are left out. */
  static List<Block> blocks(String[] hours) {
    List<Block> blocks = new ArrayList<>();
    int h = 0;
    while (h < 24) {
      String activity = hours[h];
      int end = h + 1;
      while (end < 24 && java.util.Objects.equals(hours[end], activity)) {
        end++;
      }
      if (activity != null) {
        blocks.add(new Block(h, end, activity));
      }
      h = end;
    }
    return blocks;
  }

  /** The hour sleep starts in the evening (or after midnight) and the hour it ends in the morning. */
  static int[] night(String[] hours) {
    int bed = -1;
    for (int k = 12; k < 12 + 24 && bed < 0; k++) {
      int h = k % 24;
      if ("sleep".equals(hours[h]) && !"sleep".equals(hours[(h + 23) % 24])) {
        bed = h;
      }
    }
    if (bed < 0) {
      return null;
    }
    int wake = bed;
    while ("sleep".equals(hours[wake % 24]) && wake < bed + 24) {
      wake++;
    }
    return new int[] {bed, wake % 24};
  }

  private static void day(Context ctx, String[] hours, String when, List<String> facts) {
    List<String> items = new ArrayList<>();
    for (Block block : blocks(hours)) {
      if (block.activity().equals("sleep")) {
        continue;
      }
      items.add(ctx.phrases().get("routine.block", Context.values(
          "from", clock(block.from()), "to", clock(block.to()), "activity", ctx.phrases().getOrDefault("doing." + block.activity(), Activity.doing(ctx, block.activity())))));
    }
    if (!items.isEmpty()) {
      facts.add(ctx.phrases().get("routine.day", Context.values("when", ctx.phrases().get("routine." + when),
          "list", Vitals.list(items))));
    }
  }

  private static void bedtime(Context ctx, String[] hours, String when, List<String> facts) {
    int[] night = night(hours);
    if (night != null) {
      facts.add(ctx.phrases().get("routine.bedtime", Context.values("When", capital(ctx, when),
          "bed", clock(night[0]), "wake", clock(night[1]))));
    }
  }

  private static void exercise(Context ctx, String[] hours, String when, List<String> facts) {
    List<String> times = new ArrayList<>();
    for (Block block : blocks(hours)) {
      if (block.activity().equals("exercise")) {
        times.add(ctx.phrases().get("routine.span", Context.values("from", clock(block.from()), "to", clock(block.to()))));
      }
    }
    String key = times.isEmpty() ? "routine.exercise.none" : "routine.exercise";
    facts.add(ctx.phrases().get(key, Context.values("When", capital(ctx, when), "list", Vitals.list(times))));
  }

  private static String capital(Context ctx, String when) {
    return Format.capitalise(ctx.phrases().get("routine." + when));
  }

  static String clock(int hour) {
    return String.format("%02d:00", hour % 24);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable routine in " + Tables.TWIN_STATE + ": " + text, e);
    }
  }
}
