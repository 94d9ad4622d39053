package ai.digitaltwin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.stack.dashboard.PipelinePage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Log in and try it" lines, as written, against a started embedded stack on free ports:
 * bash and the real curl, the admin password read from the file the stack generated, and every answer a
 * 2xx. Only the port in the lines is changed.
 */
class ReadmeQuickStartTest {
  private static final Pattern STATUS = Pattern.compile("^(\\d{3}) (\\S+)$", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void theLinesAreTakenFromTheReadmeAndCarryTheToken() throws Exception {
    String script = ReadmeQuickStart.script(ReadmeQuickStart.readme());
    assertThat(ReadmeQuickStart.curls(script)).isGreaterThanOrEqualTo(6);
    assertThat(script).contains("secrets/admin-password").contains("/api/v1/auth/login");
    // every call under /api/v1 but the login carries the token the login gave
    for (String line : script.split("\n")) {
      if (line.startsWith("curl ") && line.contains("/api/v1/")) {
        assertThat(line).as(line).contains("-H \"Authorization: Bearer $TOKEN\"");
      }
    }
    assertThat(ReadmeQuickStart.onPort(script, 18123)).doesNotContain("localhost:8000").contains("localhost:18123/health");
  }

  @Test
  void everyQuickStartLineAnswers2xxOnAStartedStack() throws Exception {
    String script = ReadmeQuickStart.script(ReadmeQuickStart.readme());
    Map<String, String> env = TestStackEnv.of(dir, "unused");
    // the password is the one the stack generates into its data directory, as for a user; the generator
    // runs at ./twin up's real-time speed
    env.remove("ADMIN_PASSWORD");
    env.remove("GENERATOR_SPEED");
    int port = Integer.parseInt(env.get("PORT"));
    try (TwinStack stack = TwinStack.start(env, new PrintStream(OutputStream.nullOutputStream()))) {
      assertThat(stack.adminPasswordFile()).exists();
      // what ./twin up waits for before it prints that the system is up: the first committed data
      assertThat(stack.awaitFirstData(java.time.Duration.ofMinutes(2))).as("the first twins and readings").isTrue();
      ProcessBuilder bash = new ProcessBuilder(ReadmeQuickStart.bash(ReadmeQuickStart.onPort(script, port)))
          .directory(dir.toFile())
          .redirectOutput(dir.resolve("stdout.txt").toFile())
          .redirectError(dir.resolve("stderr.txt").toFile());
      bash.environment().put("TWIN_DATA_DIR", env.get("TWIN_DATA_DIR"));
      Process process = bash.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the lines finish within 2 minutes").isTrue();
      String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
      String report = "stdout:\n" + out + "\nstderr:\n" + err;

      assertThat(process.exitValue()).as(report).isZero();
      List<String> answers = new ArrayList<>();
      Matcher m = STATUS.matcher(err);
      while (m.find()) {
        answers.add(m.group(1) + " " + m.group(2));
        assertThat(Integer.parseInt(m.group(1))).as(m.group(2) + "\n" + report).isBetween(200, 299);
      }
      assertThat(answers).as(report).hasSize(ReadmeQuickStart.curls(script));
      assertThat(out).as(report).contains("\"twin_id\":\"demo-001\"").contains("\"reply\"").contains("\"columns\"");

      // what the pipeline page shows of events flowing at the default speed: a rate above zero
      PipelinePage.showsARateAboveZero(TestStackEnv.base(env),
          Files.readString(stack.adminPasswordFile(), StandardCharsets.UTF_8).trim(), dir.resolve("chromium-profile"));
    }
  }
}
