package ai.digitaltwin.jobs.anomaly;

import ai.digitaltwin.jobs.twin.HalfUp;

/** A small JSON object builder for anomaly evidence: numbers rounded half up to 2 decimals, nulls, NaN and infinities kept out. */
final class Evidence {
  private final StringBuilder json = new StringBuilder("{");

  Evidence put(String key, Double value) {
    if (value != null && Double.isFinite(value)) {
      HalfUp.append(sep().append('"').append(key).append("\":"), value, 2);
    }
    return this;
  }

  Evidence put(String key, long value) {
    sep().append('"').append(key).append("\":").append(value);
    return this;
  }

  Evidence put(String key, String value) {
    if (value != null) {
      sep().append('"').append(key).append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return this;
  }

  Evidence raw(String key, String json) {
    sep().append('"').append(key).append("\":").append(json);
    return this;
  }

  private StringBuilder sep() {
    if (json.length() > 1) {
      json.append(',');
    }
    return json;
  }

  @Override
  public String toString() {
    return json + "}";
  }
}
