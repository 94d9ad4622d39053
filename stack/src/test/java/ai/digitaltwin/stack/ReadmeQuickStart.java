package ai.digitaltwin.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root README's quick-start lines, taken from the README itself so that the test and the text cannot
 * drift apart: the first {@code bash} block after the {@code <!-- quick-start} marker, as written.
 */
final class ReadmeQuickStart {
  static final String MARKER = "<!-- quick-start";
  /** The port the README speaks of; a test's stack listens elsewhere. */
  static final String README_HOST = "localhost:8000";
  private static final Pattern CURL = Pattern.compile("(^|\\$\\()curl ", Pattern.MULTILINE);

  private ReadmeQuickStart() {}

  /** The README of the project root, seen from a module's directory (where Maven runs its tests). */
  static Path readme() {
    return Path.of("..", "README.md");
  }

  static String script(Path readme) throws IOException {
    String text = Files.readString(readme);
    int marker = text.indexOf(MARKER);
    if (marker < 0) {
      throw new IllegalStateException(readme + " has no " + MARKER + " marker");
    }
    int open = text.indexOf("```bash\n", marker);
    int close = text.indexOf("\n```", open + 1);
    if (open < 0 || close < 0) {
      throw new IllegalStateException(readme + " has no bash block after its " + MARKER + " marker");
    }
    return text.substring(open + "```bash\n".length(), close + 1);
  }

  /** The same lines against another port: the only change made to them. */
  static String onPort(String script, int port) {
    return script.replace(README_HOST, "localhost:" + port);
  }

  /** How many times the lines call curl. */
  static int curls(String script) {
    Matcher m = CURL.matcher(script);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * The lines run by bash: stop at the first failing command, and have every curl report its status code on
   * stderr ({@code %{stderr}}), which leaves its stdout, the README's, as it is.
   */
  static List<String> bash(String script) {
    String prelude = "set -euo pipefail\n"
        + "curl() { command curl -w '%{stderr}%{http_code} %{url_effective}\\n' \"$@\"; }\n";
    return List.of("bash", "-c", prelude + script);
  }
}
