package ai.digitaltwin.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.importer.Format;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's own errors: a message on stderr, an exit code, no stack trace, nothing on stdout. */
class ImportCommandTest {
  static final Path SAMPLES = Path.of("..", "samples", "real-wearables");

  @TempDir Path dir;

  @Test
  void helpListsTheOptionsFormatsAndExitCodes() {
    Run run = run("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: twin import", "--api=URL", "--password-file=F", "--twin=ID", "--name=NAME",
        "--timezone=ZONE", "--format=F", "PATH...", "Exit codes:");
    for (Format f : Format.values()) {
      assertThat(run.out()).contains(f.id());
    }
  }

  @Test
  void aFileOfNoKnownFormatIsRefusedBeforeAnythingIsSent() {
    Run run = run("--twin", "t-1", SAMPLES.resolve("labels.csv").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("twin import: " + SAMPLES.resolve("labels.csv") + ": format not recognised (known: "
        + Format.ids() + "); force one with --format if it is one of them\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theTwinMustBeNamedAndAnUnknownFormatNameIsAnError() {
    Run noTwin = run(SAMPLES.resolve("wearables.csv").toString());
    assertThat(noTwin.code()).isEqualTo(2);
    assertThat(noTwin.err()).isEqualTo(
        "twin import: say which twin to import into: --twin ID (created when it does not exist) or --name NAME\n");
    Run badFormat = run("--twin", "t-1", "--format", "garmin", "x.csv");
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).isEqualTo("twin import: unknown format 'garmin'; one of " + Format.ids() + "\n");
  }

  @Test
  void aZoneJavaDoesNotKnowIsRefusedBeforeAnythingIsSent() {
    Run run = run("--twin", "t-1", "--timezone", "Mars/Olympus", "--api", "http://127.0.0.1:9",
        SAMPLES.resolve("AHYIJDV_steps.csv.gz").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("twin import: --timezone must be an IANA zone id like Europe/Paris, got 'Mars/Olympus'\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableApiOrAMissingPasswordFileIsAClearError() throws Exception {
    Path csv = SAMPLES.resolve("AHYIJDV_steps.csv.gz");
    Run noPassword = run("--twin", "t-1", "--password-file",
        dir.resolve("none").toString(), csv.toString());
    assertThat(noPassword.code()).isEqualTo(2);
    assertThat(noPassword.err()).startsWith("twin import: cannot read the password file " + dir.resolve("none"));
    Run defaultPassword = run(Env.of(Map.of("TWIN_DATA_DIR", dir.toString())), "--twin", "t-1", csv.toString());
    assertThat(defaultPassword.code()).isEqualTo(2);
    assertThat(defaultPassword.err())
        .startsWith("twin import: cannot read the password file " + dir.resolve("secrets").resolve("admin-password"));
    Path pw = Files.writeString(dir.resolve("pw"), "secret-secret");
    Run down = run("--twin", "t-1", "--password-file", pw.toString(),
        "--api", "http://127.0.0.1:9", csv.toString());
    assertThat(down.code()).isEqualTo(1);
    assertThat(down.err()).isEqualTo(
        "twin import: cannot reach the API at http://127.0.0.1:9 (is the stack running? ./twin up, or --api URL)\n");
    assertThat(down.out()).isEmpty();
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    return run(Env.empty(), args);
  }

  static Run run(Env env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ImportCommand.execute(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
