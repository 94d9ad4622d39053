package ai.digitaltwin.api.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic daily routine for the test twin: asleep from about 22:30 to about 06:30 (shifting by
 * day), routine, commute, work 09:00–17:00, exercise on even days, leisure. Transitions start each
 * activity; "step" events repeat the current activity every hour, as the generator's periodic events do.
 */
final class Schedule {
  private record Block(Instant start, String activity) {}

  private final List<Block> blocks = new ArrayList<>();
  private final List<TwinFixture.Sleep> sleeps = new ArrayList<>();
  private final Instant end;

  Schedule(Instant start, Instant end) {
    this.end = end;
    LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate();
    blocks.add(new Block(start, "sleep"));
    int d = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1), d++) {
      Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant wake = midnight.plus(Duration.ofMinutes(6 * 60 + 30 + (d % 3) * 20));
      add(wake, "routine");
      add(midnight.plus(Duration.ofMinutes(8 * 60 + 30)), "commute");
      add(midnight.plus(Duration.ofHours(9)), "work");
      add(midnight.plus(Duration.ofHours(17)), "leisure");
      if (d % 2 == 0) {
        add(midnight.plus(Duration.ofMinutes(17 * 60 + 30)), "exercise");
        add(midnight.plus(Duration.ofMinutes(18 * 60 + 15)), "leisure");
      }
      Instant sleep = midnight.plus(Duration.ofMinutes(22 * 60 + 30 + (d % 4) * 15));
      add(sleep, "sleep");
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).activity().equals("sleep") && i + 1 < blocks.size()) {
        sleeps.add(new TwinFixture.Sleep(blocks.get(i).start(), blocks.get(i + 1).start()));
      }
    }
  }

  private void add(Instant at, String activity) {
    if (at.isBefore(end)) {
      blocks.add(new Block(at, activity));
    }
  }

  List<TwinFixture.Sleep> sleeps() {
    return sleeps;
  }

  List<TwinFixture.Behaviour> events() {
    List<TwinFixture.Behaviour> events = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      String previous = i == 0 ? null : blocks.get(i - 1).activity();
      events.add(new TwinFixture.Behaviour(block.start(), "transition", block.activity(), previous));
      Instant until = i + 1 < blocks.size() ? blocks.get(i + 1).start() : end;
      for (Instant t = block.start().plus(Duration.ofHours(1)); t.isBefore(until); t = t.plus(Duration.ofHours(1))) {
        events.add(new TwinFixture.Behaviour(t, "step", block.activity(), block.activity()));
      }
    }
    return events;
  }

  String activityAt(Instant ts) {
    String current = blocks.get(0).activity();
    for (Block block : blocks) {
      if (block.start().isAfter(ts)) {
        break;
      }
      current = block.activity();
    }
    return current;
  }
}
