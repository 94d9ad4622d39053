package ai.digitaltwin.importer.fitbit;

import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.LocalTimes;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Fitbit's account export (the "Physical Activity" folder of Google Takeout, formerly
 * {@code user-site-export}): one JSON array per day and signal. {@code heart_rate-YYYY-MM-DD.json} holds
 * {@code {"dateTime": "MM/dd/yy HH:mm:ss", "value": {"bpm": 64, "confidence": 2}}} every few seconds;
 * {@code steps-YYYY-MM-DD.json} holds {@code {"dateTime": ..., "value": "0"}} per minute (the count as a
 * string, zero rows included), stamped at the minute's end. {@code dateTime} carries no zone: it is read
 * in {@code --timezone}. The signal is told by the file name, or else by the first value's shape.
 * Streamed object by object.
 */
public final class FitbitJson implements Parser {
  static final Pattern HEART_RATE_FILE = Pattern.compile("(?:.*/)?heart_rate-\\d{4}-\\d{2}-\\d{2}\\.json");
  static final Pattern STEPS_FILE = Pattern.compile("(?:.*/)?steps-\\d{4}-\\d{2}-\\d{2}\\.json");
  static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
  static final Duration STEP_INTERVAL = Duration.ofMinutes(1);

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  /** Whether the start of a file looks like a Fitbit per-day array: {@code [{"dateTime"}. */
  public static boolean matches(String head) {
    return head.stripLeading().startsWith("[") && head.contains("\"dateTime\"") && head.contains("\"value\"");
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    Metric byName = HEART_RATE_FILE.matcher(name).matches() ? Metric.HEART_RATE
        : STEPS_FILE.matcher(name).matches() ? Metric.STEPS : null;
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new UnreadableInputException(name + ": not a Fitbit per-day JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        JsonNode item = MAPPER.readTree(p);
        JsonNode value = item.get("value");
        Metric metric = byName != null ? byName
            : value != null && value.has("bpm") ? Metric.HEART_RATE
            : value != null && value.isValueNode() ? Metric.STEPS : null;
        if (metric == null) {
          out.skip("Fitbit value of unknown shape");
          continue;
        }
        Instant at = time(item.path("dateTime").asText(""), ctx);
        if (at == null) {
          out.skip("unparseable timestamp");
          continue;
        }
        JsonNode raw = metric == Metric.HEART_RATE ? value == null ? null : value.get("bpm") : value;
        double v;
        try {
          v = raw == null ? Double.NaN : raw.isNumber() ? raw.asDouble() : Double.parseDouble(raw.asText());
        } catch (NumberFormatException e) {
          v = Double.NaN;
        }
        if (Double.isNaN(v)) {
          out.skip("unparseable " + metric.field() + " value");
          continue;
        }
        out.accept(new Reading(metric == Metric.STEPS ? at.plus(STEP_INTERVAL) : at, metric, v, "fitbit"));
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new UnreadableInputException(name + ": malformed Fitbit JSON near line "
            + p.currentLocation().getLineNr() + " (expected an object or the end of the array)");
      }
    } catch (JsonParseException e) {
      throw new UnreadableInputException(name + ": malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
    }
  }

  static Instant time(String text, ImportContext ctx) {
    try {
      return LocalDateTime.parse(text, US).atZone(ctx.zone()).toInstant();
    } catch (DateTimeParseException notUs) {
      return LocalTimes.parse(text, ctx.zone());
    }
  }
}
