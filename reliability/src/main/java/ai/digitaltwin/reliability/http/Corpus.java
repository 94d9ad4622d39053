package ai.digitaltwin.reliability.http;

import ai.digitaltwin.reliability.harness.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The hostile requests for every route: path traversal and injection in the twin id, injection and
 * garbage in every query parameter, malformed, mistyped, huge, deeply nested and non-UTF-8 bodies, and
 * abused headers (oversized, too many, conflicting lengths, request smuggling shapes, bad credentials).
 * Requests go to a twin the caller may read ({@code readable}); changes go to a twin that does not exist
 * or fail validation, so a wrongly accepted request shows up as a changed twin list afterwards.
 */
final class Corpus {
  static final String[] HOSTILE_IDS = {
    "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "demo-001'%20OR%20'1'%3D'1", "demo-001%00", "%C3%28", "%E0%80%AF..%E0%80%AF",
    "demo-001%0D%0ASet-Cookie:%20x%3Dy", "x".repeat(5_000), "%2e%2e", "demo-001;DROP%20TABLE%20twins"
  };
  static final String[] INJECTIONS = {
    "'%20OR%20'1'%3D'1", "1;DROP%20TABLE%20health_events;--", "-1", "99999999999999999999", "2026-13-45T99:99:99Z",
    "%00", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7Bjndi:ldap://127.0.0.1/x%7D", "..%2F..%2Fetc%2Fpasswd", "%FF%FE"
  };
  static final String[] TRAVERSALS = {
    "/api/v1/../../../../etc/passwd", "/webjars/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/dashboard/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/twins/demo-001/../../../../etc/passwd",
    "/api/v2/twins", "/api/v1/twins/demo-001/health/trends/../../../../../../proc/self/environ", "/..;/..;/etc/passwd"
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String token;
  private final String readable;
  private final long maxBodyBytes;

  Corpus(String token, String readable, long maxBodyBytes) {
    this.token = token;
    this.readable = readable;
    this.maxBodyBytes = maxBodyBytes;
  }

  List<HttpCase> build(List<Route> routes) {
    List<HttpCase> cases = new ArrayList<>();
    for (String t : TRAVERSALS) {
      cases.add(new HttpCase("path traversal", "(none)", t, RawHttp.request("GET", bytes(t), auth(), null), true));
    }
    for (Route r : routes) {
      pathCases(r, cases);
      paramCases(r, cases);
      if (r.hasBody()) {
        bodyCases(r, cases);
      }
    }
    headerCases(cases);
    return cases;
  }

  private void pathCases(Route r, List<HttpCase> cases) {
    if (r.template().contains("{id}")) {
      for (String id : HOSTILE_IDS) {
        String path = r.template().replace("{id}", id);
        cases.add(new HttpCase("path injection", r.method() + " " + r.template(), "id " + abbreviate(id), request(r, bytes(path), body(r)), true));
      }
      // raw bytes that are not UTF-8, not percent-encoded
      byte[] raw = concat(bytes(r.template().substring(0, r.template().indexOf("{id}"))), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
      cases.add(new HttpCase("invalid UTF-8", r.method() + " " + r.template(), "raw 0xFF 0xFE in the path", request(r, raw, body(r)), true));
    } else {
      cases.add(new HttpCase("path traversal", r.method() + " " + r.template(), "/..%2f..%2fetc%2fpasswd appended",
          request(r, bytes(r.template() + "/..%2f..%2fetc%2fpasswd"), body(r)), true));
    }
  }

  private void paramCases(Route r, List<HttpCase> cases) {
    String path = concrete(r);
    for (Route.Param p : r.params()) {
      for (String value : INJECTIONS) {
        // a constrained parameter takes none of these values; a free-text one may take them as data
        boolean refuse = p.typed() || r.method().equals("DELETE");
        cases.add(new HttpCase("parameter injection", r.method() + " " + r.template(), p.name() + "=" + value,
            request(r, bytes(path + "?" + p.name() + "=" + value), body(r)), refuse));
      }
    }
  }

  private void bodyCases(Route r, List<HttpCase> cases) {
    String route = r.method() + " " + r.template();
    byte[] target = bytes(concrete(r));
    Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
    bodies.put("truncated JSON", bytes("{\"a\": "));
    bodies.put("single quotes", bytes("{'username': 'x'}"));
    bodies.put("trailing garbage", bytes(r.exampleBody() + " }{"));
    bodies.put("JSON null", bytes("null"));
    bodies.put("JSON array instead of object", bytes("[1, 2, 3]"));
    bodies.put("number overflow", bytes("{\"limit\": 1e400, \"age\": 99999999999999999999999}"));
    bodies.put("deep nesting (100k)", bytes("[".repeat(100_000) + "]".repeat(100_000)));
    bodies.put("deep nesting objects (50k)", bytes("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)));
    bodies.put("invalid UTF-8", concat(bytes("{\"username\": \""), new byte[] {(byte) 0xc3, 0x28, (byte) 0xff}, bytes("\", \"sql\": \"\u00ff\"}")));
    bodies.put("all fields of the wrong type", bytes(wrongTypes(r.exampleBody()).toString()));
    if (r.exampleBody().isObject()) {
      Iterator<String> names = r.exampleBody().fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        ObjectNode one = r.exampleBody().deepCopy();
        one.set(name, wrong(one.get(name)));
        bodies.put(name + " of the wrong type", bytes(one.toString()));
      }
    }
    bodies.put("unknown field only", bytes("{\"is_admin\": true, \"role\": \"admin\", \"__proto__\": {}}"));
    for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
      cases.add(new HttpCase("malformed body", route, b.getKey(), RawHttp.request(r.method(), target, auth() + json(), b.getValue()), true));
    }
    cases.add(new HttpCase("wrong content type", route, "text/plain garbage",
        RawHttp.request(r.method(), target, auth() + "Content-Type: text/plain\r\n", bytes("hello; DROP TABLE x")), true));
    byte[] huge = hugeJson(maxBodyBytes + 1_000_000);
    cases.add(new HttpCase("huge body", route, (huge.length >> 20) + " MB, declared length",
        RawHttp.request(r.method(), target, auth() + json(), huge), true));
    cases.add(new HttpCase("huge body", route, (huge.length >> 20) + " MB, chunked, no length",
        RawHttp.request(r.method(), target, auth() + json() + "Transfer-Encoding: chunked\r\n", chunked(huge)), true));
    if (r.bodyRequired()) {
      // where the document makes the body optional, a request without one is a valid request
      cases.add(new HttpCase("empty body", route, "no body at all", RawHttp.request(r.method(), target, auth() + json(), new byte[0]), true));
    }
  }

  private void headerCases(List<HttpCase> cases) {
    byte[] list = bytes("/api/v1/twins");
    byte[] sql = bytes("/api/v1/sql");
    byte[] body = bytes("{\"sql\": \"SELECT 1\"}");
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "64 KB header value",
        RawHttp.request("GET", list, auth() + "X-Junk: " + "a".repeat(65_536) + "\r\n", null), true));
    StringBuilder many = new StringBuilder(auth());
    for (int i = 0; i < 2_000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "2,000 headers", RawHttp.request("GET", list, many.toString(), null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "Authorization: Basic admin:admin",
        RawHttp.request("GET", list, "Authorization: Basic YWRtaW46YWRtaW4=\r\n", null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "Bearer with 6 KB of garbage",
        RawHttp.request("GET", list, "Authorization: Bearer " + "x".repeat(6_000) + "\r\n", null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "Bearer with a non-ASCII token",
        RawHttp.request("GET", list, "Authorization: Bearer \u00ff\u00fe.\u00e9.x\r\n", null), true));
    cases.add(new HttpCase("header abuse", "POST /api/v1/sql", "Content-Length: -1",
        RawHttp.request("POST", sql, auth() + json() + "Content-Length: -1\r\n", body), true));
    cases.add(new HttpCase("header abuse", "POST /api/v1/sql", "Content-Length: abc",
        RawHttp.request("POST", sql, auth() + json() + "Content-Length: abc\r\n", body), true));
    cases.add(new HttpCase("header abuse", "POST /api/v1/sql", "two different Content-Length headers",
        RawHttp.request("POST", sql, auth() + json() + "Content-Length: 5\r\nContent-Length: " + body.length + "\r\n", body), true));
    cases.add(new HttpCase("header abuse", "POST /api/v1/sql", "Content-Length and chunked together (smuggling)",
        RawHttp.request("POST", sql, auth() + json() + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", bytes("0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n")), true));
    cases.add(new HttpCase("header abuse", "POST /api/v1/sql", "chunk size that is not hex",
        RawHttp.request("POST", sql, auth() + json() + "Transfer-Encoding: chunked\r\n", bytes("zz\r\nabc\r\n0\r\n\r\n")), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "NUL byte in a header value",
        RawHttp.request("GET", list, auth() + "X-Evil: a\u0000b\r\n", null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "header name with a space",
        RawHttp.request("GET", list, auth() + "Bad Header: x\r\n", null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "unknown method FOO",
        RawHttp.request("FOO", list, auth(), null), true));
    cases.add(new HttpCase("header abuse", "GET /api/v1/twins", "no Host header",
        bytes("GET /api/v1/twins HTTP/1.1\r\n" + auth() + "Connection: close\r\n\r\n"), true));
  }

  private byte[] request(Route r, byte[] target, byte[] body) {
    return RawHttp.request(r.method(), target, (r.isStream() ? "" : auth()) + (body == null ? "" : json()), body);
  }

  /** A well-formed body for a route with one: hostility is in the path or parameters only. */
  private static byte[] body(Route r) {
    return r.hasBody() ? bytes(r.exampleBody().toString()) : null;
  }

  /**
   * The route with {id} bound to a twin the caller may read and change, so that requests reach body and
   * parameter checks; only DELETE gets a missing twin (a valid DELETE needs no body to succeed).
   */
  private String concrete(Route r) {
    return r.template().replace("{id}", r.method().equals("DELETE") ? "rel-no-such-twin" : readable);
  }

  private String auth() {
    return "Authorization: Bearer " + token + "\r\n";
  }

  private static String json() {
    return "Content-Type: application/json\r\n";
  }

  static JsonNode wrongTypes(JsonNode example) {
    if (!example.isObject()) {
      return JsonNodeFactory.instance.textNode("not an array");
    }
    ObjectNode out = JSON.createObjectNode();
    example.fields().forEachRemaining(f -> out.set(f.getKey(), wrong(f.getValue())));
    return out;
  }

  private static JsonNode wrong(JsonNode value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value.isTextual()) {
      return f.numberNode(12345);
    }
    if (value.isNumber()) {
      return f.textNode("twelve");
    }
    if (value.isObject()) {
      ArrayNode a = f.arrayNode();
      a.add("x");
      return a;
    }
    if (value.isArray()) {
      return f.objectNode().put("a", 1);
    }
    return f.arrayNode();
  }

  private static byte[] hugeJson(long size) {
    StringBuilder b = new StringBuilder((int) size + 32).append("{\"sql\": \"");
    b.append("A".repeat((int) size));
    return bytes(b.append("\"}").toString());
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
    int chunk = 1 << 16;
    for (int i = 0; i < body.length; i += chunk) {
      int n = Math.min(chunk, body.length - i);
      out.writeBytes(bytes(Integer.toHexString(n) + "\r\n"));
      out.write(body, i, n);
      out.writeBytes(bytes("\r\n"));
    }
    out.writeBytes(bytes("0\r\n\r\n"));
    return out.toByteArray();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 12) + "…(" + s.length() + " chars)" : s;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
