package ai.digitaltwin.bench.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load: {@code connections} threads, each sending its next request as soon as the last
 * one is answered, over one shared HTTP/1.1 client (one connection per busy thread). Requests completed
 * inside the measured window count; anything but a 200 (or no answer within 30 s) is an error.
 */
public final class LoadLoop {
  /** Requests per second in the window, successes and errors. */
  public record Result(double perSecond, long ok, long errors) {}

  private LoadLoop() {}

  public static Result run(HttpApi api, List<String> paths, int connections, Duration warmUp, Duration window)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<HttpRequest> requests = paths.stream().map(p -> api.request(p).GET().build()).toList();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      int offset = i;
      Thread t = new Thread(() -> {
        for (long n = offset; !stop.get(); n++) {
          boolean success;
          try {
            HttpRequest request = requests.get((int) (n % requests.size()));
            success = api.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (Exception e) {
            success = false;
          }
          if (measuring.get()) {
            (success ? ok : errors).incrementAndGet();
          }
        }
      }, "bench-load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmUp.toMillis());
    measuring.set(true);
    long started = System.nanoTime();
    Thread.sleep(window.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - started) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join(30_000);
    }
    return new Result(ok.get() / seconds, ok.get(), errors.get());
  }
}
