package ai.digitaltwin.stack.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, with what the tests need around it: waits on
 * conditions, full-page screenshots, the console's errors and the addresses the page fetched.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  private final String origin;
  private final List<String> consoleErrors = new ArrayList<>();
  private final List<String> remoteRequests = new ArrayList<>();

  Browser(String origin, Path profileDir) {
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    this.driver = new ChromeDriver(service, options);
    this.origin = origin;
  }

  void open(String hash) {
    collect();
    driver.get(origin + "/" + hash);
  }

  void reload() {
    collect();
    driver.navigate().refresh();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits until {@code script} returns true (a JS expression evaluated in the page). */
  void waitFor(String script, Duration timeout, String what) {
    try {
      new WebDriverWait(driver, timeout, Duration.ofMillis(200))
          .withMessage(what)
          .until(d -> Boolean.TRUE.equals(js("try { return Boolean(" + script + "); } catch (e) { return false; }")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what, e);
    }
  }

  /** The option of the ECharts instance on element {@code id}, as JSON text (dates stay as they were given). */
  String chartOption(String id) {
    return (String) js(
        "const c = echarts.getInstanceByDom(document.getElementById(arguments[0]));"
            + " return c ? JSON.stringify(c.getOption()) : null;",
        id);
  }

  /** A screenshot of the whole page, not only the viewport, as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> shot =
        driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    return file;
  }

  /** A tall page as several screenshots {@code <name>-1.png, -2.png, ...} of at most {@code tile} pixels each. */
  void screenshotTiles(String name, int tile) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    // the capture lays the page out without a scroll bar, so at the window's full inner width
    long width = (Long) js("return Math.max(window.innerWidth, document.documentElement.scrollWidth)");
    long height = (Long) js("return document.documentElement.scrollHeight");
    int part = 1;
    for (long top = 0; top < height; top += tile, part++) {
      Map<String, Object> clip =
          Map.of("x", 0, "y", top, "width", width, "height", Math.min(tile, height - top), "scale", 1);
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
      Files.write(SCREENSHOTS.resolve(name + "-" + part + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
  }

  void width(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * Reads the console and the page's resource entries so far (both reset with each page load): keeps
   * console errors, and every fetched address that is not this origin.
   */
  @SuppressWarnings("unchecked")
  void collect() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(entry.getMessage());
      }
    }
    if (!driver.getCurrentUrl().startsWith(origin + "/")) {
      return; // the browser's own start page, before the first visit: not the dashboard
    }
    Object names = js("return performance.getEntriesByType('resource').map(e => e.name)"
        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
    if (names instanceof List<?> list) {
      for (Object name : list) {
        String url = String.valueOf(name);
        if (!url.startsWith(origin + "/")) {
          remoteRequests.add(url);
        }
      }
    }
  }

  /** The console errors so far, forgetting them: for a test that provokes one on purpose. */
  List<String> takeConsoleErrors() {
    collect();
    List<String> taken = List.copyOf(consoleErrors);
    consoleErrors.clear();
    return taken;
  }

  List<String> consoleErrors() {
    collect();
    return List.copyOf(consoleErrors);
  }

  List<String> remoteRequests() {
    collect();
    return List.copyOf(remoteRequests);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
