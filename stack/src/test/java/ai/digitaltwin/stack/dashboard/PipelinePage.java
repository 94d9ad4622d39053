package ai.digitaltwin.stack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The pipeline page of a started stack in headless Chromium, signed in as the admin: what a user sees of
 * the rate of events into Kafka. Used on stacks the browser test does not start, such as the default one at
 * real-time speed.
 */
public final class PipelinePage {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private PipelinePage() {}

  /**
   * Signs in, opens the pipeline page and checks the events/min card after two polls: a rate above zero
   * while events flow, the events it was counted from, and the page's chart holding the same kind of point.
   */
  public static void showsARateAboveZero(String base, String password, Path profile) {
    try (Browser browser = new Browser(base, profile)) {
      browser.open("#/pipeline");
      browser.waitFor("document.querySelector('#login-form')", WAIT, "the login form");
      browser.find("#login-username").sendKeys("admin");
      browser.find("#login-password").sendKeys(password);
      browser.find("#login-submit").click();
      browser.waitFor("Number((document.querySelector('.page') || {dataset: {}}).dataset.polls) >= 2", WAIT,
          "two pipeline polls");
      browser.waitFor("echarts.getInstanceByDom(document.getElementById('chart-throughput')).getOption().series[0].data.length > 0",
          WAIT, "an events/min point");
      // one read of the card: the page redraws it every poll
      List<?> card = (List<?>) browser.js("const k = document.getElementById('kpi-events-per-minute');"
          + " return ['.label', '.value', '.sub'].map(c => k.querySelector(c).textContent);");
      assertThat(card.get(0)).asString().isEqualTo("Events/min into Kafka");
      assertThat(Double.parseDouble(card.get(1).toString().replace(",", ""))).as(card.toString()).isPositive();
      assertThat(card.get(2)).asString().containsPattern("^[1-9][\\d,]* events in the last ");
      double point = ((Number) browser.js("return echarts.getInstanceByDom(document.getElementById('chart-throughput'))"
          + ".getOption().series[0].data.slice(-1)[0][1];")).doubleValue();
      assertThat(point).isPositive();
      assertThat(browser.takeConsoleErrors()).isEmpty();
    }
  }
}
