package ai.digitaltwin.importer.cli;

import ai.digitaltwin.config.Env;
import ai.digitaltwin.importer.Checks;
import ai.digitaltwin.importer.Format;
import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Importer;
import ai.digitaltwin.importer.Inputs;
import ai.digitaltwin.importer.Skips;
import ai.digitaltwin.importer.UnreadableInputException;
import ai.digitaltwin.importer.send.ApiClient;
import ai.digitaltwin.importer.send.Sender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./twin import}: a person's wearable export into a twin's history, through the API. */
@Command(
    name = "twin import",
    sortOptions = false,
    description = {
      "Imports a person's wearable export into a twin's history through the API's ingest endpoint.",
      "",
      "Formats, told from the content (--format forces one): apple-health (export.zip or export.xml), "
          + "fitbit (per-day heart_rate-*.json and steps-*.json, or a folder or zip of them), stanford "
          + "(,user,datetime,heartrate or ,user,datetime,steps CSV), welltory-daily (wearables.csv), "
          + "welltory-hrv (hrv_measurements.csv), generic-csv (timestamp,metric,value[,unit]). "
          + ".gz files are unpacked on the fly.",
      "",
      "Importing the same samples again adds nothing. Progress and messages go to stderr; the last line "
          + "on stdout is a JSON summary: {\"twin_id\",\"records\",\"skipped\":{reason:count},\"from\",\"to\",\"seconds\"}.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input read and every accepted reading visible in history",
      "1:the API failed or refused (unreachable, login, a batch); after a refused batch the summary says what landed",
      "2:bad options or an input that cannot be read at all (missing, unknown format)",
      "3:done, but part of the input was unreadable (truncated or malformed file, rejected zip entry)",
      "4:sent, but not all readings visible in history within --wait"
    })
public final class ImportCommand implements Callable<Integer> {
  static final Pattern TWIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final Pattern WELLTORY_CODE = Pattern.compile("[0-9a-f]{10}");

  @Option(names = "--api", paramLabel = "URL", description = "API base URL (default: ${DEFAULT-VALUE})",
      defaultValue = "http://127.0.0.1:8000")
  String api;

  @Option(names = "--password-file", paramLabel = "F",
      description = "file holding the password of --login (default: $TWIN_DATA_DIR/secrets/admin-password, TWIN_DATA_DIR defaulting to ./data)")
  Path passwordFile;

  @Option(names = "--login", paramLabel = "USER", defaultValue = "admin", description = "API user (default: ${DEFAULT-VALUE})")
  String login;

  @Option(names = "--twin", paramLabel = "ID",
      description = "twin to import into; created, marked as imported (never simulated), when it does not exist")
  String twin;

  @Option(names = "--name", paramLabel = "NAME",
      description = "the person's name, set on the twin; without --twin, the twin id is made from it (lowercase letters, digits and '-')")
  String name;

  @Option(names = "--user", paramLabel = "CODE",
      description = "the person to read from a file of many (Welltory user_code, Stanford user); default: --twin when it is a Welltory user_code, else a Stanford file's first person")
  String user;

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "the person's IANA time zone, set on the twin (where its days and nights lie) and used for timestamps written without one (Stanford, Welltory, Fitbit); default: the twin's zone, else UTC")
  String timezone;

  @Option(names = "--format", paramLabel = "F", description = "force a format: ${COMPLETION-CANDIDATES}",
      completionCandidates = FormatIds.class)
  String format;

  @Option(names = "--max-entry-size", paramLabel = "BYTES", defaultValue = "" + ImportContext.DEFAULT_MAX_ENTRY_BYTES,
      description = "largest zip entry unpacked (default: ${DEFAULT-VALUE})")
  long maxEntryBytes;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
      description = "how long to wait for the readings to be visible in history (0: do not wait; default: ${DEFAULT-VALUE})")
  int waitSeconds;

  @Option(names = "--no-progress", description = "no progress bar on stderr")
  boolean noProgress;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
  boolean help;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "export files, zips or folders")
  List<Path> paths;

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final Path dataDir;

  /** {@code dataDir}: the stack's {@code TWIN_DATA_DIR}, where the default password file is. */
  public ImportCommand(PrintStream out, PrintStream err, Clock clock, Path dataDir) {
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.dataDir = dataDir;
  }

  static final class FormatIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Format.values()).map(Format::id).iterator();
    }
  }

  /** A problem that ends the command with a message and an exit code, no stack trace. */
  static final class Failure extends Exception {
    final int code;

    Failure(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    try {
      return run(started);
    } catch (Failure f) {
      err.println("twin import: " + f.getMessage());
      return f.code;
    }
  }

  private int run(long started) throws Failure {
    Format forced = null;
    if (format != null) {
      try {
        forced = Format.byId(format);
      } catch (IllegalArgumentException e) {
        throw new Failure(2, e.getMessage());
      }
    }
    String twinId = twinId();
    if (timezone != null) {
      zone(null); // a bad zone is the command's error, before anything is sent
    }
    Skips skips = new Skips();
    try (Inputs inputs = open(forced, skips)) {
      ApiClient client = new ApiClient(api);
      client.login(login, password());
      JsonNode ensured = client.ensureImported(twinId, name, timezone);
      if (ensured.path("created").asBoolean()) {
        err.println("twin import: created twin " + twinId + ", marked as imported");
      }
      ZoneId zone = zone(ensured.path("twin").path("profile").path("timezone").asText(null));
      ImportContext ctx = new ImportContext(zone, person(inputs), maxEntryBytes);
      long before = client.importedRows(twinId);
      Sender sender = new Sender(client, twinId, skips);
      List<String> problems;
      try (ProgressBar bar = progress(inputs.totalBytes())) {
        problems = new Importer(ctx, new Checks(sender, clock), done -> {
          if (bar != null) {
            bar.stepTo(done / (1 << 20));
          }
        }).run(inputs);
        sender.flush();
      } catch (Sender.Stopped stopped) {
        problems = List.of();
      } catch (IOException e) {
        throw new Failure(2, "reading failed: " + e.getMessage());
      }
      problems.forEach(p -> err.println("twin import: " + p));
      int code = problems.isEmpty() ? 0 : 3;
      if (sender.failure() != null) {
        err.println("twin import: " + sender.failure().getMessage() + "; stopped sending");
        code = 1;
      } else if (waitSeconds > 0 && sender.accepted() > 0 && !landed(client, twinId, before + sender.accepted())) {
        code = code == 0 ? 4 : code;
      }
      out.println(Summary.json(twinId, sender.accepted(), skips, sender.from(), sender.to(),
          Duration.ofNanos(System.nanoTime() - started)));
      return code;
    } catch (ApiClient.ApiException e) {
      throw new Failure(1, e.getMessage());
    }
  }

  /**
   * The person to read from a file of many: {@code --user}; else a {@code --twin} that is a Welltory
   * user_code (ten hex digits) when Welltory files are read; else none (a Stanford file's first person).
   */
  private String person(Inputs inputs) {
    if (user != null) {
      return user;
    }
    boolean welltory = inputs.sources().stream()
        .anyMatch(s -> s.format() == Format.WELLTORY_DAILY || s.format() == Format.WELLTORY_HRV);
    return welltory && twin != null && WELLTORY_CODE.matcher(twin).matches() ? twin : null;
  }

  private Inputs open(Format forced, Skips skips) throws Failure {
    try {
      return Inputs.of(paths, forced, maxEntryBytes, skips);
    } catch (UnreadableInputException e) {
      throw new Failure(2, e.getMessage());
    } catch (IOException e) {
      throw new Failure(2, "cannot read the input: " + e.getMessage());
    }
  }

  private String twinId() throws Failure {
    if (twin != null) {
      if (!TWIN_ID.matcher(twin).matches()) {
        throw new Failure(2, "--twin must be 1-64 letters, digits, '-' or '_', got '" + twin + "'");
      }
      return twin;
    }
    if (name != null) {
      String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      if (slug.isEmpty()) {
        throw new Failure(2, "--name '" + name + "' has no letter or digit to make a twin id of; give --twin");
      }
      return slug.length() > 64 ? slug.substring(0, 64) : slug;
    }
    throw new Failure(2, "say which twin to import into: --twin ID (created when it does not exist) or --name NAME");
  }

  private ZoneId zone(String twinZone) throws Failure {
    String z = timezone != null ? timezone : twinZone;
    if (z == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new Failure(2, "--timezone must be an IANA zone id like Europe/Paris, got '" + z + "'");
    }
  }

  private String password() throws Failure {
    Path file = passwordFile != null ? passwordFile : dataDir.resolve("secrets").resolve("admin-password");
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new Failure(2, "cannot read the password file " + file + " (--password-file F): " + e.getMessage());
    }
  }

  private boolean landed(ApiClient client, String twinId, long expected) throws ApiClient.ApiException {
    long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
    long seen = client.importedRows(twinId);
    while (seen < expected) {
      if (System.nanoTime() > deadline) {
        err.println("twin import: " + seen + " of " + expected + " imported readings visible in history after "
            + waitSeconds + " s; the rest are accepted and will land");
        return false;
      }
      try {
        Thread.sleep(500); // polling the history's commits, which come every checkpoint
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      seen = client.importedRows(twinId);
    }
    return true;
  }

  private ProgressBar progress(long totalBytes) {
    if (noProgress) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("import")
        .setInitialMax(Math.max(1, totalBytes / (1 << 20)))
        .setUnit(" MB", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
        .build();
  }

  /** Exit code of one run; {@code env} gives {@code TWIN_DATA_DIR}. */
  public static int execute(String[] args, Env env, PrintStream out, PrintStream err, Clock clock) {
    CommandLine cli = new CommandLine(new ImportCommand(out, err, clock, env.dataDir()));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    return cli.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args, Env.of(System.getenv()), System.out, System.err, Clock.systemUTC()));
  }
}
