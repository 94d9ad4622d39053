package ai.digitaltwin.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stream job's savepoint of {@code src/test/resources/savepoints/stream-job} (written by {@link
 * StoredSavepoint#main} with the code of its day) read with today's code: every keyed state of every
 * operator that has one, twin by twin, must say what it said when it was written. A moved or renamed
 * state class, a renamed state or uid, or an incompatible change of a state's fields fails here before a
 * deployment's restore would.
 */
class StoredSavepointTest {
  static final Path SAVEPOINT = Path.of("src/test/resources/savepoints/stream-job");

  @Test
  void todaysCodeReadsEveryKeyedStateOfTheStoredSavepoint() throws Exception {
    List<String> expected = Files.readAllLines(Path.of(SAVEPOINT + ".expected"), StandardCharsets.UTF_8);
    assertThat(expected).as("the stored lines").hasSizeGreaterThanOrEqualTo(3 + 3 + 2 + 1);
    assertThat(StoredSavepoint.read(SAVEPOINT)).containsExactlyElementsOf(expected);
  }
}
