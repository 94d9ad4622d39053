package ai.digitaltwin.stack;

/** {@code ./twin up}: starts the embedded stack and keeps it running until Ctrl-C or SIGTERM. */
public final class TwinStackMain {
  private TwinStackMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          """
          Usage: ./twin up
          Starts Kafka, the Flink stream job, the generator and the API in one process.
          All state lives under TWIN_DATA_DIR (default ./data); a second start resumes the first.
          The API listens on http://127.0.0.1:$PORT (default 8000).
          Ctrl-C or SIGTERM stops cleanly: the stream job writes a savepoint (its path is printed) and the
          next start resumes from it; a second Ctrl-C stops at once (the next start resumes from the last
          checkpoint). Exit status 0 after a stop with a savepoint, 1 when the job had to be cancelled.
          Configuration is by environment variables; see README.md.""");
      return;
    }
    // taken before the start, so a Ctrl-C during it also ends in a clean stop once everything is up
    StopSignals signals = StopSignals.install();
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
    // any other way out of the JVM (an exit from a library): still try to stop, savepoint or not
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "twin-shutdown"));
    if (!stack.awaitFirstData(java.time.Duration.ofMinutes(2))) {
      System.out.println("No twin or reading is queryable yet: the generator may have none (GENERATOR_TWINS), see the log.");
    }
    String base = "http://127.0.0.1:" + stack.apiPort();
    System.out.printf(
        "%nDigital Twin AI is up in %.1f s%n  Dashboard  %s/%n  Health     %s/health%n  API        %s/api/v1/twins (token from POST /api/v1/auth/login)%n  Login      admin / password in %s%n  Kafka      %s%n  Logs       %s%nPress Ctrl-C to stop.%n",
        (System.nanoTime() - started) / 1e9, base, base, base, stack.adminPasswordFile(), stack.bootstrapServers(),
        stack.dataDir().resolve("logs").resolve("twin.log"));

    String signal = signals.await();
    System.out.println("Stopping (" + signal + ") with a savepoint; Ctrl-C again stops at once ...");
    stack.close();
    if (stack.savepoint().isPresent()) {
      System.out.println("Stopped with savepoint " + stack.savepoint().get() + "; the next start resumes from it.");
      System.exit(0);
    } else {
      System.out.println("Stopped without a savepoint (see the log); the next start resumes from the last checkpoint.");
      System.exit(1);
    }
  }
}
