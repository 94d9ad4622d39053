package ai.digitaltwin.reliability;

import ai.digitaltwin.reliability.harness.LiveStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * What scenarios share: the configuration, a scratch directory, one seeded random source, and the
 * in-process stack that most scenarios run against (started on first use, stopped at the end).
 */
public final class SuiteContext implements AutoCloseable {
  private final SuiteConfig config;
  private final Path workDir;
  private final Random random;
  private LiveStack live;

  SuiteContext(SuiteConfig config, Path workDir) {
    this.config = config;
    this.workDir = workDir;
    this.random = new Random(config.seed());
  }

  public SuiteConfig config() {
    return config;
  }

  public Scale scale() {
    return config.scale();
  }

  public Random random() {
    return random;
  }

  /** A fresh directory for one scenario's files. */
  public Path dir(String name) {
    try {
      return Files.createDirectories(workDir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running stack shared by the HTTP, SQL, auth, poison, late-event, memory and load scenarios. */
  public LiveStack live() throws Exception {
    if (live == null) {
      live = LiveStack.start(dir("live"), config.seed());
    }
    return live;
  }

  @Override
  public void close() {
    if (live != null) {
      live.close();
    }
  }
}
