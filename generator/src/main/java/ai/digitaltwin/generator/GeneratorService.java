package ai.digitaltwin.generator;

import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator running on its own thread: synthetic people as events on Kafka, exactly once across
 * crashes. If Kafka fails, it starts over from its last checkpoint; a checkpoint written with another seed
 * or interval, or another generator with the same id, stops it (see {@link #failure()}).
 */
public final class GeneratorService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GeneratorService.class);
  private static final long RETRY_MILLIS = 2_000;

  private final GeneratorConfig config;
  private final Clock clock;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Status status = new Status();
  private final Thread thread;

  private GeneratorService(GeneratorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.thread = new Thread(this::run, "generator-" + config.generatorId());
  }

  public static GeneratorService start(GeneratorConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts with a given wall clock: it decides the default start and how far "now" is. */
  public static GeneratorService start(GeneratorConfig config, Clock clock) {
    GeneratorService service = new GeneratorService(config, clock);
    service.thread.start();
    return service;
  }

  private void run() {
    while (stop.getCount() > 0) {
      try {
        new Run(config, clock, stop, status).execute();
      } catch (IncompatibleCheckpointException | ProducerFencedException e) {
        LOG.error("generator stopped: {}", e.getMessage());
        status.failure = e;
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("generator failed, restarting from its last checkpoint in {} ms: {}", RETRY_MILLIS, e.toString());
        try {
          stop.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public GeneratorConfig config() {
    return config;
  }

  /** Events produced to a topic and committed (visible to read_committed consumers), since the first start. */
  public long produced(Topic<?> topic) {
    return status.counts.getOrDefault(topic.name(), 0L);
  }

  public long healthProduced() {
    return produced(Topics.HEALTH);
  }

  /** Simulated time up to which every event has been committed; null until the checkpoint is read. */
  public Instant simulatedTime() {
    long t = status.simulatedMillis;
    return t == Long.MIN_VALUE ? null : Instant.ofEpochMilli(t);
  }

  /** Simulated time of the first tick (fixed at the first start); null until the checkpoint is read. */
  public Instant startTime() {
    long t = status.startMillis;
    return t == Long.MIN_VALUE ? null : Instant.ofEpochMilli(t);
  }

  /** Twins being simulated at the last commit. */
  public int twins() {
    return status.twins;
  }

  /** True once GENERATOR_END is reached and everything before it is committed. */
  public boolean finished() {
    return status.finished;
  }

  /** Why the generator gave up, if it did. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(status.failure);
  }

  /** Waits until the generator's thread ends: after a failure it cannot recover from, or after {@link #close()}. */
  public void awaitTermination() throws InterruptedException {
    thread.join();
  }

  /** Stops after the current tick, commits what was produced, and waits for the thread to end. */
  @Override
  public void close() {
    stop.countDown();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
