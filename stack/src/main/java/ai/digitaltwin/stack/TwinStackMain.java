package ai.digitaltwin.stack;

import java.util.concurrent.CountDownLatch;

/** {@code ./twin up}: starts the embedded stack and keeps it running until Ctrl-C. */
public final class TwinStackMain {
  private TwinStackMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          """
          Usage: ./twin up
          Starts Kafka, the Flink stream job, the generator and the API in one process.
          All state lives under TWIN_DATA_DIR (default ./data); a second start resumes the first.
          The API listens on http://127.0.0.1:$PORT (default 8000). Ctrl-C stops cleanly.
          Configuration is by environment variables; see README.md.""");
      return;
    }
    long started = System.nanoTime();
    TwinStack stack;
    try {
      stack = TwinStack.start(System.getenv(), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("twin: " + e.getMessage());
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("twin: could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping ...");
                  stack.close();
                  System.out.println("Stopped. State is kept in the data directory.");
                  stopped.countDown();
                },
                "twin-shutdown"));
    String base = "http://127.0.0.1:" + stack.apiPort();
    System.out.printf(
        "%nDigital Twin AI is up in %.1f s%n  Dashboard  %s/%n  Health     %s/health%n  API        %s/api/v1/twins (token from POST /api/v1/auth/login)%n  Login      admin / password in %s%n  Kafka      %s%n  Logs       %s%nPress Ctrl-C to stop.%n",
        (System.nanoTime() - started) / 1e9, base, base, base, stack.adminPasswordFile(), stack.bootstrapServers(),
        stack.dataDir().resolve("logs").resolve("twin.log"));
    stopped.await();
  }
}
