package ai.digitaltwin.stack.dashboard;

import ai.digitaltwin.stack.StackClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The twin view's chat panel as a user works it: type, send, wait for the reply, unfold its evidence
 * and read what the page shows of each query (SQL, parameter values, result table).
 */
final class ChatPanel {
  /** A reply as shown: its text (without the meta line and evidence), intent and element. */
  record Reply(String text, String intent, WebElement element) {}

  /** One query of the evidence as the page shows it; cells as their displayed text. */
  record Query(String sql, JsonNode params, List<String> columns, List<List<String>> rows) {}

  private final Browser browser;

  ChatPanel(Browser browser) {
    this.browser = browser;
  }

  Reply ask(String message, Duration timeout) {
    browser.waitFor("document.querySelector('#chat[data-ready]')", timeout, "the chat panel");
    long before = replies();
    browser.find("#chat-input").sendKeys(message);
    browser.find("#chat-send").click();
    browser.waitFor("document.querySelectorAll('#chat-log .msg.reply').length > " + before
        + " || document.querySelector('#chat-error').textContent.length > 0", timeout, "the twin's reply");
    String error = browser.find("#chat-error").getText();
    if (!error.isEmpty()) {
      throw new AssertionError("the chat answered with an error: " + error);
    }
    List<WebElement> all = browser.driver.findElements(By.cssSelector("#chat-log .msg.reply"));
    WebElement reply = all.get(all.size() - 1);
    String text = (String) browser.js("return arguments[0].firstChild.textContent", reply);
    return new Reply(text, reply.getDomAttribute("data-intent"), reply);
  }

  /** Whether the reply's evidence is folded away, as it is until the user asks for it. */
  boolean evidenceFolded(Reply reply) {
    WebElement sql = reply.element().findElement(By.cssSelector("details.evidence .evidence-sql"));
    return !sql.isDisplayed();
  }

  /** Unfolds the reply's evidence by clicking its summary, and reads each query as it is now displayed. */
  List<Query> unfold(Reply reply) throws IOException {
    WebElement details = reply.element().findElement(By.cssSelector("details.evidence"));
    details.findElement(By.tagName("summary")).click();
    if (!"true".equals(details.getDomProperty("open"))) {
      throw new AssertionError("a click on the evidence's summary did not unfold it");
    }
    List<Query> queries = new ArrayList<>();
    for (WebElement query : details.findElements(By.cssSelector(".evidence-query"))) {
      WebElement sql = query.findElement(By.cssSelector(".evidence-sql"));
      WebElement table = query.findElement(By.cssSelector("table.evidence-rows"));
      if (!sql.isDisplayed() || !table.isDisplayed()) {
        throw new AssertionError("unfolded evidence is not displayed");
      }
      String params = query.findElement(By.cssSelector(".evidence-params")).getDomAttribute("data-params");
      List<String> columns = new ArrayList<>();
      table.findElements(By.cssSelector("thead th")).forEach(th -> columns.add(th.getText()));
      List<List<String>> rows = new ArrayList<>();
      for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
        List<String> cells = new ArrayList<>();
        tr.findElements(By.tagName("td")).forEach(td -> cells.add(td.getText()));
        rows.add(cells);
      }
      queries.add(new Query(sql.getText(), StackClient.JSON.readTree(params), columns, rows));
    }
    return queries;
  }

  private long replies() {
    return (Long) browser.js("return document.querySelectorAll('#chat-log .msg.reply').length");
  }
}
