package ai.digitaltwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose file cannot be run here (no container engine), so it is validated the way Compose itself
 * validates it ({@code docker-compose config -q}, Debian's docker-compose), and its resolved form is
 * checked for what a deployment needs: pinned images, health checks, named volumes, three brokers, two
 * TaskManagers, and a Dockerfile behind every image the project builds.
 */
class ComposeFileTest {
  static final Path ROOT = Path.of(System.getProperty("cluster.repoRoot", "../.."));
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

  @Test
  void composeAcceptsTheFile() throws Exception {
    Result result = compose("config", "-q");
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).isBlank();
  }

  @Test
  void theDeploymentHasEveryPart() throws Exception {
    List<String> services = lines(compose("config", "--services").output());
    assertThat(services)
        .contains("kafka-1", "kafka-2", "kafka-3", "jobmanager", "taskmanager-1", "taskmanager-2", "s3", "catalog",
            "submitter", "rollup", "generator", "api");
    assertThat(lines(compose("config", "--volumes").output()))
        .contains("kafka-1-data", "kafka-2-data", "kafka-3-data", "s3-data", "catalog-data", "flink-data");
  }

  @Test
  void everyImageIsPinnedAndEveryBuiltImageHasADockerfile() throws Exception {
    String resolved = compose("config").output();
    List<String> images = matches(resolved, Pattern.compile("(?m)^\\s+image: (\\S+)$"));
    assertThat(images).hasSizeGreaterThanOrEqualTo(11);
    for (String image : images) {
      assertThat(image).as("image %s", image).matches(".+:[A-Za-z0-9][A-Za-z0-9._-]*").doesNotEndWith(":latest");
    }
    for (String dockerfile : matches(resolved, Pattern.compile("(?m)^\\s+dockerfile: (\\S+)$"))) {
      Path file = ROOT.resolve(dockerfile);
      assertThat(file).exists();
      for (String base : matches(Files.readString(file), Pattern.compile("(?m)^ARG \\w+_IMAGE=(\\S+)$"))) {
        assertThat(base).as("base image in %s", dockerfile).contains(":").doesNotEndWith(":latest");
      }
    }
  }

  @Test
  void longRunningServicesReportTheirHealth() throws Exception {
    String resolved = compose("config").output();
    for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "s3", "catalog", "jobmanager", "api")) {
      assertThat(section(resolved, service)).as("service %s", service).contains("healthcheck:");
    }
  }

  /** One service's block of the resolved file. */
  private static String section(String resolved, String service) {
    Matcher m = Pattern.compile("(?ms)^  " + Pattern.quote(service) + ":\\n(.*?)(?=^  \\S|^\\S)").matcher(resolved);
    assertThat(m.find()).as("service %s in the resolved file", service).isTrue();
    return m.group(1);
  }

  private static List<String> matches(String text, Pattern pattern) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  record Result(int exit, String output) {}

  /** Runs Debian's docker-compose on the project's file; it needs no engine for {@code config}. */
  private static Result compose(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker-compose", "-f", COMPOSE.toString(), "--project-directory", ROOT.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("docker-compose is not installed: .ci/test installs Debian's package (apt-get install docker-compose)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}
