package ai.digitaltwin.bench.producer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * CPU time of this JVM's threads by name. CPU time is what a loaded machine disturbs least: a thread
 * waiting for a core is slower by the clock but not by its CPU time. Threads are sampled every 10 ms, so a
 * thread that ends (the generator's simulating thread) still counts, to within its last 10 ms.
 */
final class CpuMeter implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 10;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> cpuById = new HashMap<>();
  private final Map<Long, String> nameById = new HashMap<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-cpu-sampler");
    t.setDaemon(true);
    return t;
  });

  CpuMeter() {
    sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** CPU nanoseconds used so far by the threads whose names match, living or ended. */
  synchronized long nanos(Predicate<String> name) {
    sample();
    long sum = 0;
    for (Map.Entry<Long, Long> e : cpuById.entrySet()) {
      if (name.test(nameById.get(e.getKey()))) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  /** CPU nanoseconds used so far by the whole process (the embedded broker included). */
  static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private synchronized void sample() {
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu < 0) {
        continue; // ended since listed
      }
      if (!nameById.containsKey(id)) {
        ThreadInfo info = threads.getThreadInfo(id);
        if (info == null) {
          continue;
        }
        nameById.put(id, info.getThreadName());
      }
      cpuById.put(id, cpu);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
