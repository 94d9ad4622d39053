package ai.digitaltwin.reliability.load;

import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.schemas.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long a reading takes from the API's ingest endpoint to the API's queries (Kafka → Flink → Iceberg
 * commit → DuckDB views): one reading every two seconds, each waited for until it is queryable.
 */
final class FreshnessProbe implements Runnable {
  private static final long EVERY_MS = 2_000;
  private static final long GIVE_UP_MS = 60_000;

  private final LiveStack live;
  private final String twin;
  private final String prefix;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Long> delaysMs = new ArrayList<>();
  private int lost;

  FreshnessProbe(LiveStack live, String twin, String prefix) {
    this.live = live;
    this.twin = twin;
    this.prefix = prefix;
  }

  @Override
  public void run() {
    int n = 0;
    while (!stop.get()) {
      String id = prefix + n++;
      long sent = System.nanoTime();
      int status = live.api().post("/api/v1/twins/" + twin + "/events", live.adminToken(),
          List.of(Map.of("event_id", id, "ts", Instant.now().toString(), "heart_rate", 64))).status();
      if (status != 202) {
        lost++;
        continue;
      }
      boolean seen = false;
      while (!seen && System.nanoTime() - sent < GIVE_UP_MS * 1_000_000) {
        seen = live.count("SELECT count(*) FROM " + Tables.HEALTH_EVENTS + " WHERE event_id = ?", id) > 0;
        if (!seen) {
          pause(100);
        }
      }
      if (seen) {
        synchronized (delaysMs) {
          delaysMs.add((System.nanoTime() - sent) / 1_000_000);
        }
      } else {
        lost++;
      }
      pause(Math.max(0, EVERY_MS - (System.nanoTime() - sent) / 1_000_000));
    }
  }

  void stop() {
    stop.set(true);
  }

  List<Long> delays() {
    synchronized (delaysMs) {
      return List.copyOf(delaysMs);
    }
  }

  int lost() {
    return lost;
  }

  /** The probe's own pacing (one reading per interval), not a synchronisation. */
  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
