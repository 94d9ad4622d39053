package ai.digitaltwin.jobs.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * Retained checkpoints on the local file system, for a process that runs the job on a MiniCluster and
 * must resume where it stopped. Flink lays them out as {@code <dir>/<job id>/chk-<n>/_metadata}; a
 * checkpoint is complete once its {@code _metadata} file exists. Savepoints written by a clean stop into
 * {@code <dir>/savepoints/savepoint-<id>/} count as well: whichever is newest wins.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /** The newest completed checkpoint under {@code checkpointDir}, across all job ids, if any. */
  public static Optional<Path> latest(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(checkpointDir)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(Checkpoints::completed)
          .max(Comparator.comparing(Checkpoints::metadataTime).thenComparing(Checkpoints::number))
          .map(Path::toAbsolutePath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + checkpointDir, e);
    }
  }

  /**
   * Cluster configuration for a local run: file-system checkpoints under {@code checkpointDir},
   * retained on cancellation, and a restore from the newest one when there is one.
   */
  public static Configuration localConfiguration(Path checkpointDir) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toAbsolutePath().toUri().toString());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    latest(checkpointDir)
        .ifPresent(path -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toUri().toString()));
    return conf;
  }

  private static Stream<Path> completed(Path jobDir) {
    try (Stream<Path> children = Files.list(jobDir)) {
      return children
          .filter(p -> isRecoveryPoint(p.getFileName().toString()))
          .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + jobDir, e);
    }
  }

  /** Checkpoints ({@code chk-n}) and savepoints (a clean stop writes one) both resume a job. */
  private static boolean isRecoveryPoint(String name) {
    return name.startsWith("chk-") || name.startsWith("savepoint-");
  }

  private static FileTime metadataTime(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve("_metadata"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checkpoint, e);
    }
  }

  private static long number(Path checkpoint) {
    String name = checkpoint.getFileName().toString();
    try {
      return Long.parseLong(name.substring("chk-".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
