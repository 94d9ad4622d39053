package ai.digitaltwin.api.chat.answering;

import ai.digitaltwin.api.chat.understanding.Earlier;
import ai.digitaltwin.api.chat.understanding.Metric;
import ai.digitaltwin.api.chat.understanding.Metrics;
import ai.digitaltwin.api.chat.understanding.Question;
import ai.digitaltwin.api.chat.understanding.Remember;
import ai.digitaltwin.api.chat.understanding.Sentiment;
import ai.digitaltwin.api.chat.understanding.TimeRange;
import ai.digitaltwin.api.chat.voice.Format;
import ai.digitaltwin.api.chat.voice.Phrases;
import ai.digitaltwin.api.chat.voice.Recent;
import ai.digitaltwin.api.chat.voice.TwinPersona;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Everything a handler needs to answer one question. */
public record Context(Question question, TwinPersona persona, Lookup db, Phrases phrases, Metrics metrics,
    Earlier dialogue, Remember.Said said, Sentiment feeling, Recent recent) {
  static final List<String> DEFAULT_VITALS =
      List.of("heart_rate", "blood_pressure", "spo2", "temperature", "breathing");

  Instant now() {
    return question.now();
  }

  ZoneId zone() {
    return persona.zone();
  }

  String time(Object timestamp) {
    return Format.time(timestamp, now(), zone());
  }

  /** The metrics the question names, or the usual vitals when it names none. */
  List<Metric> metricsOrVitals() {
    if (!question.metrics().isEmpty()) {
      return question.metrics();
    }
    return DEFAULT_VITALS.stream().map(metrics::get).toList();
  }

  /** The range asked about, or {@code fallback} when the question names none. */
  TimeRange rangeOr(TimeRange fallback) {
    return question.time().named() ? question.time().range() : fallback;
  }

  static Map<String, String> values(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  static Map<String, String> range(TimeRange range, String... keyValues) {
    Map<String, String> map = values(keyValues);
    map.put("range", range.label());
    map.put("Range", Format.capitalise(range.label()));
    return map;
  }
}
