package ai.digitaltwin.generator;

import ai.digitaltwin.generator.kafka.Checkpoint;
import ai.digitaltwin.generator.kafka.Chunk;
import ai.digitaltwin.generator.kafka.ChunkingEmitter;
import ai.digitaltwin.generator.kafka.RegistryFeed;
import ai.digitaltwin.generator.sim.SimSettings;
import ai.digitaltwin.generator.sim.Simulation;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.InterruptException;

/**
 * The simulating thread: steps the simulation tick after tick and encodes each tick's events, ahead of
 * the sending thread, through a bounded queue of {@link Chunk}s. Simulating and encoding cost about as
 * much as sending; on two threads they overlap. One thread still simulates, in twin order, so the events
 * and their order are exactly those of a single-threaded run, and the sending thread alone decides when a
 * transaction ends.
 *
 * <p>Registry changes are polled here and take effect before the next tick simulated; the marker saying
 * so travels with that tick's records, and each tick's last chunk carries the registry offsets that a
 * commit after it stores. So a change's marker and its offset are committed together, whatever the lag.
 */
final class TickSource implements AutoCloseable {
  /**
   * Records per chunk and chunks in flight: the lookahead is about 8k records (~3 MB). Records waiting in
   * the queue survive young collections and are copied by each; with 32k records in flight the pauses
   * were about three times as long, for no gain: the simulating thread is the faster one and refills the
   * queue within milliseconds.
   */
  static final int CHUNK_RECORDS = 2048;
  static final int QUEUE_CHUNKS = 4;
  private static final long POLL_EVERY_NANOS = 100_000_000L;

  private final GeneratorConfig config;
  private final Clock clock;
  private final CountDownLatch stop;
  private final Simulation sim;
  private final RegistryFeed feed;
  private final Set<String> appliedIds;
  private final List<Checkpoint.Applied> toReplay;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private final ChunkingEmitter emitter;
  private final Thread thread;
  private final long firstTick;
  private volatile Throwable failure;
  private int replayed;

  /**
   * @param toReplay registry changes from the checkpoint not applied yet, in tick order
   * @param firstTick the first tick to simulate
   * @param partitions partitions of each event topic by name
   */
  TickSource(GeneratorConfig config, Clock clock, CountDownLatch stop, Simulation sim, RegistryFeed feed,
      Set<String> appliedIds, List<Checkpoint.Applied> toReplay, long firstTick, Map<String, Integer> partitions) {
    this.config = config;
    this.clock = clock;
    this.stop = stop;
    this.sim = sim;
    this.feed = feed;
    this.appliedIds = appliedIds;
    this.toReplay = toReplay;
    this.firstTick = firstTick;
    this.emitter = new ChunkingEmitter(config.generatorId(), CHUNK_RECORDS, partitions, this::put);
    this.thread = new Thread(this::run, Thread.currentThread().getName() + "-simulation");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /**
   * The next chunk, or null if none came within the timeout.
   *
   * @throws RuntimeException what stopped the simulating thread, once every chunk before it is taken
   */
  Chunk next(long timeoutMillis) throws InterruptedException {
    Chunk chunk = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    Throwable failed = failure;
    if (chunk == null && failed != null && queue.isEmpty()) {
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException("simulation failed", failed);
    }
    return chunk;
  }

  private void run() {
    SimSettings settings = sim.settings();
    try {
      Throttler throttler = new Throttler(config.speed(), settings.tickMillis(firstTick), clock.millis(), System.nanoTime());
      Long end = config.end() == null ? null : config.end().toEpochMilli();
      Map<String, Long> offsets = feed.offsets();
      long lastPoll = 0;
      boolean idle = false;
      for (long t = firstTick; stop.getCount() > 0; ) {
        if (end != null && settings.tickMillis(t) >= end) {
          put(Chunk.end());
          return;
        }
        long wait = throttler.waitMillis(settings.tickMillis(t + 1), System.nanoTime());
        if (wait > 0) {
          if (!idle) {
            put(Chunk.idle()); // nothing is due: the sending thread commits what it has
            idle = true;
          }
          stop.await(wait, TimeUnit.MILLISECONDS);
          continue;
        }
        idle = false;
        emitter.beginTick(t);
        if (System.nanoTime() - lastPoll >= POLL_EVERY_NANOS) {
          for (TwinRegistryEvent e : feed.poll()) {
            if (appliedIds.add(e.getEventId())) {
              sim.apply(e);
              emitter.applied(Run.progress(settings, t), e);
            }
          }
          offsets = feed.offsets();
          lastPoll = System.nanoTime();
        }
        while (replayed < toReplay.size() && toReplay.get(replayed).tick() <= t) {
          sim.apply(toReplay.get(replayed++).event());
        }
        sim.step(t, emitter);
        emitter.endTick(offsets, sim.size());
        t++;
      }
    } catch (InterruptedException | InterruptException | CancellationException e) {
      // closed by the sending thread
    } catch (Throwable e) {
      failure = e;
    }
  }

  private void put(Chunk chunk) {
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("closed");
    }
  }

  /** Stops the simulating thread and waits for it: the feed and the simulation are the caller's again. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
