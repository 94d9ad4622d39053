package ai.digitaltwin.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;

  @Test
  void noDirectoryOrNoCompletedCheckpointMeansNoRestore() throws Exception {
    assertThat(Checkpoints.latest(dir.resolve("missing"))).isEmpty();
    Files.createDirectories(dir.resolve("job1/chk-3"));
    assertThat(Checkpoints.latest(dir)).isEmpty();
    assertThat(Checkpoints.localConfiguration(dir).getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
  }

  @Test
  void picksTheNewestCompletedCheckpointAcrossJobs() throws Exception {
    checkpoint("job1", 7, T0);
    checkpoint("job2", 2, T0.plusSeconds(60));
    checkpoint("job2", 1, T0.plusSeconds(30));
    Files.createDirectories(dir.resolve("job2/chk-3")); // in progress: no _metadata yet
    Files.createDirectories(dir.resolve("job2/shared"));

    assertThat(Checkpoints.latest(dir)).contains(dir.resolve("job2/chk-2").toAbsolutePath());
    Configuration conf = Checkpoints.localConfiguration(dir);
    assertThat(conf.get(StateRecoveryOptions.SAVEPOINT_PATH))
        .isEqualTo(dir.resolve("job2/chk-2").toAbsolutePath().toUri().toString());
  }

  private void checkpoint(String job, int n, Instant at) throws Exception {
    Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
    Path metadata = Files.write(chk.resolve("_metadata"), new byte[] {1});
    Files.setLastModifiedTime(metadata, FileTime.from(at));
  }
}
