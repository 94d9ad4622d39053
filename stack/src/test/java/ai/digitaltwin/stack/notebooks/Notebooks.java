package ai.digitaltwin.stack.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's notebooks: the {@code notebooks/} folder found above the working directory. */
final class Notebooks {
  private Notebooks() {}

  static Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("notebooks");
      if (Files.isRegularFile(candidate.resolve("twinsql.py"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no notebooks/twinsql.py above " + Path.of("").toAbsolutePath());
  }

  /** Every {@code .ipynb} in the folder, by name. */
  static List<Path> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
