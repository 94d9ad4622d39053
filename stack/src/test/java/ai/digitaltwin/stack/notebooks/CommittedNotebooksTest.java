package ai.digitaltwin.stack.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notebooks are committed as code: no outputs, no execution counts, the Debian Python 3 kernel. */
class CommittedNotebooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void thereAreAtLeastThreeNotebooks() {
    assertThat(Notebooks.all()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void committedNotebooksCarryNoOutputs() throws Exception {
    List<String> dirty = new ArrayList<>();
    for (Path notebook : Notebooks.all()) {
      JsonNode root = JSON.readTree(notebook.toFile());
      assertThat(root.path("nbformat").asInt()).as(notebook + " nbformat").isEqualTo(4);
      assertThat(root.path("metadata").path("kernelspec").path("name").asText())
          .as(notebook + " kernel")
          .isEqualTo("python3");
      int index = 0;
      for (JsonNode cell : root.path("cells")) {
        if (cell.path("cell_type").asText().equals("code")) {
          if (cell.path("outputs").size() > 0 || !cell.path("execution_count").isNull()) {
            dirty.add(notebook.getFileName() + " cell " + index);
          }
        }
        index++;
      }
    }
    assertThat(dirty).as("cells with outputs or execution counts (clear them before committing)").isEmpty();
  }
}
