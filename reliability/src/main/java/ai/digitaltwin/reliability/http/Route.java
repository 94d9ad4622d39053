package ai.digitaltwin.reliability.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One operation of the API as its OpenAPI document declares it: method, path template, query parameters
 * (with whether their values are constrained: integer, enum or date-time), the example body, if any, and
 * whether the document requires a body (a request without one is then malformed).
 */
record Route(String method, String template, List<Param> params, JsonNode exampleBody, boolean bodyRequired) {

  /** A query parameter; {@code typed} when only some strings are valid for it. */
  record Param(String name, boolean typed) {}

  boolean hasBody() {
    return exampleBody != null;
  }

  boolean isStream() {
    return template.endsWith("/stream");
  }

  /** Every operation of the document, in its order. */
  static List<Route> all(JsonNode openapi) {
    List<Route> routes = new ArrayList<>();
    openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String method = op.getKey().toUpperCase();
      if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
        return;
      }
      List<Param> params = new ArrayList<>();
      for (JsonNode p : op.getValue().path("parameters")) {
        if ("query".equals(p.path("in").asText())) {
          JsonNode schema = p.path("schema");
          boolean typed = schema.has("enum") || "integer".equals(schema.path("type").asText()) || schema.has("format");
          params.add(new Param(p.path("name").asText(), typed));
        }
      }
      JsonNode body = null;
      boolean required = op.getValue().path("requestBody").path("required").asBoolean(false);
      JsonNode content = op.getValue().path("requestBody").path("content");
      if (!content.isMissingNode()) {
        body = content.elements().next().path("example");
      }
      routes.add(new Route(method, path.getKey(), params, body, required));
    }));
    return routes;
  }
}
