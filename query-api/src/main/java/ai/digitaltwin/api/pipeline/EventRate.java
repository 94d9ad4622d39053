package ai.digitaltwin.api.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * Events per second from successive totals of the input topics' end offsets. Each reading is kept for
 * {@code window}; the rate is taken against the oldest kept one, so it smooths over the window and needs
 * two readings at least {@code minSpan} apart (the first look at the pipeline says "measuring").
 */
final class EventRate {
  private record Sample(Instant at, long total) {}

  private final Duration window;
  private final Duration minSpan;
  private final Deque<Sample> samples = new ArrayDeque<>();

  EventRate(Duration window, Duration minSpan) {
    this.window = window;
    this.minSpan = minSpan;
  }

  synchronized OptionalDouble add(Instant at, long total) {
    while (!samples.isEmpty() && samples.peekFirst().at().isBefore(at.minus(window))) {
      samples.removeFirst();
    }
    // a total that went down means the topics were recreated: start over
    if (!samples.isEmpty() && samples.peekLast().total() > total) {
      samples.clear();
    }
    samples.addLast(new Sample(at, total));
    Sample oldest = samples.peekFirst();
    Duration span = Duration.between(oldest.at(), at);
    if (span.compareTo(minSpan) < 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((total - oldest.total()) * 1000.0 / span.toMillis());
  }
}
