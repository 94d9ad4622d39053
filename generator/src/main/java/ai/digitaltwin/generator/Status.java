package ai.digitaltwin.generator;

import java.util.Map;

/** What the producing thread has committed, published for other threads to read. */
final class Status {
  volatile Map<String, Long> counts = Map.of();
  volatile long startMillis = Long.MIN_VALUE;
  volatile long simulatedMillis = Long.MIN_VALUE;
  volatile int twins;
  volatile boolean finished;
  volatile RuntimeException failure;

  void committed(long simulatedMillis, Map<String, Long> counts, int twins) {
    this.counts = counts;
    this.simulatedMillis = simulatedMillis;
    this.twins = twins;
  }
}
