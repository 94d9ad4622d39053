package ai.digitaltwin.reliability.load;

import ai.digitaltwin.reliability.harness.Percentiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The fallback when wrk is not installed: one thread per connection, each sending as fast as answers come. */
final class JavaLoad {
  private JavaLoad() {}

  static LoadResult run(String base, String token, List<String> paths, int connections, int seconds) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int offset = c;
      Thread t = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> mine = new ArrayList<>();
        for (int i = offset; System.nanoTime() < end; i++) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
              .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
          long t0 = System.nanoTime();
          try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            errors.addAndGet(status == 200 ? 0 : 1);
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          mine.add((System.nanoTime() - t0) / 1_000);
        }
        latencies.addAll(mine);
      }, "load-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    List<Long> all = new ArrayList<>(latencies);
    return new LoadResult("java.net.http (wrk not installed)", all.size(), errors.get(), errors.get() + " errors", elapsed,
        Percentiles.of(all, 50) / 1e3, Percentiles.of(all, 90) / 1e3, Percentiles.of(all, 99) / 1e3, Percentiles.of(all, 100) / 1e3);
  }
}
