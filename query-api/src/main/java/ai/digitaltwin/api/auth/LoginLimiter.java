package ai.digitaltwin.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per key (a username, or a client address) in a sliding window. Once a key has
 * its budget of failures in the window, further attempts are refused until the oldest failure leaves it,
 * even with the right password: that is what makes guessing slow. Kept in memory per replica, so a
 * client spreading guesses over N replicas gets N times the budget.
 */
public final class LoginLimiter {
  private static final int MAX_KEYS = 100_000;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginLimiter(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Seconds until {@code key} may try again, or 0 when it may now. {@code budget} is how many failures
   * the key may have in the window, as a multiple of {@code maxFailures}: one for a username, more for
   * an address that many honest users may share.
   */
  public long retryAfterSeconds(String key, int budget) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      Instant now = clock.instant();
      prune(times, now);
      if (times.size() < (long) maxFailures * budget) {
        return 0;
      }
      return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
    }
  }

  public void failed(String key) {
    if (failures.size() > MAX_KEYS) {
      sweep();
    }
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      prune(times, now);
      times.addLast(now);
    }
  }

  /** Drops keys whose failures all left the window, so a spray of names cannot grow the map forever. */
  private void sweep() {
    Instant now = clock.instant();
    failures.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        prune(e.getValue(), now);
        return e.getValue().isEmpty();
      }
    });
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }
}
