package ai.digitaltwin.reliability.http;

import ai.digitaltwin.reliability.Outcome;
import ai.digitaltwin.reliability.Scenario;
import ai.digitaltwin.reliability.SuiteContext;
import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.reliability.harness.LiveStack;
import ai.digitaltwin.reliability.harness.RawHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated corpus against every route of the running API, byte for byte over a socket: every
 * answer must be a 4xx where the input is malformed (a 2xx is allowed only where the input is free text
 * the handler may take as data), never a 5xx or a dropped connection, never a file's content or a stack
 * trace; the server must keep serving throughout, and no twin may have changed.
 */
public final class HostileHttpScenario implements Scenario {
  private static final int CANARY_EVERY = 25;
  private static final String READABLE = "demo-001";
  /** Paths Jetty will not decode; answered before any route, in the API's words. */
  static final List<String> NUL_PATHS = List.of("/api/v1/twins/%00/health", "/api/v1/twins/%00", "/%00");
  static final String URI_REFUSED =
      "The request is malformed: its URI holds a character or an encoding that is not allowed (such as %00)";
  /** The API's default MAX_REQUEST_BYTES, which the live stack keeps. */
  private static final long MAX_REQUEST_BYTES = 10_000_000;

  @Override
  public String name() {
    return "hostile-http";
  }

  @Override
  public List<Outcome> run(SuiteContext ctx) throws Exception {
    LiveStack live = ctx.live();
    ApiClient api = live.api();
    String admin = live.adminToken();
    List<Route> routes = Route.all(api.getOk("/openapi.json", null));
    List<HttpCase> cases = new Corpus(admin, READABLE, MAX_REQUEST_BYTES).build(routes);
    // the registry history changes only through accepted writes; the twin list also carries live state
    String registryRows = "SELECT count(*) FROM " + Tables.TWIN_REGISTRY;
    long registryBefore = live.count(registryRows);

    RawHttp raw = new RawHttp(Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1)));
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byCategory = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int canaries = 0;
    int canaryFailures = 0;
    int notJson = 0;
    for (int i = 0; i < cases.size(); i++) {
      HttpCase c = cases.get(i);
      RawHttp.Response r = raw.send(c.request());
      byStatus.merge(r.status(), 1, Integer::sum);
      byCategory.merge(c.category(), 1, Integer::sum);
      String problem = judge(c, r);
      if (problem != null) {
        failures.add(c.route() + " [" + c.description() + "]: " + problem);
      }
      if (r.status() >= 400 && r.status() < 500 && !r.body().trim().startsWith("{\"status\"")) {
        notJson++;
      }
      if (i % CANARY_EVERY == 0) {
        canaries++;
        canaryFailures += api.get("/api/v1/twins?limit=1", admin).status() == 200 ? 0 : 1;
      }
    }
    // paths the HTTP server itself refuses before routing must still answer the API's JSON error shape
    for (String path : NUL_PATHS) {
      RawHttp.Response r = raw.send(RawHttp.request("GET", path.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "Authorization: Bearer " + admin + "\r\n", null));
      byStatus.merge(r.status(), 1, Integer::sum);
      byCategory.merge("NUL in path", 1, Integer::sum);
      if (r.status() != 400 || !r.body().contains("\"error\":\"bad_request\"") || !r.body().contains(URI_REFUSED)) {
        failures.add("GET " + path + ": expected 400 with the JSON error \"" + URI_REFUSED + "\", got " + r.status() + " "
            + r.body().substring(0, Math.min(120, r.body().length())));
      }
    }
    boolean serving = api.get("/api/v1/twins?limit=1", admin).status() == 200 && api.get("/health", null).status() < 500;
    long registryAfter = live.count(registryRows);
    boolean unchanged = registryAfter == registryBefore;

    boolean ok = failures.isEmpty() && canaryFailures == 0 && serving && unchanged;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("routes", routes.size());
    figures.put("requests", cases.size());
    figures.put("by_status", byStatus);
    figures.put("by_category", byCategory);
    figures.put("failures", failures);
    figures.put("non_json_4xx", notJson);
    figures.put("canaries", canaries);
    String done = String.format("%d hostile requests over a raw socket against all %d routes of /openapi.json: %s", cases.size(),
        routes.size(), byCategory);
    String observed = String.format("statuses %s; %d wrong answers%s; %d of the 4xx without the JSON error body (refused by Jetty "
        + "before the API); canary 200 after every %d requests (%d/%d); twin registry rows %d before, %d after; serving after: %s",
        byStatus, failures.size(), failures.isEmpty() ? "" : " e.g. " + failures.subList(0, Math.min(4, failures.size())), notJson,
        CANARY_EVERY, canaries - canaryFailures, canaries, registryBefore, registryAfter, serving);
    return List.of(Outcome.of("hostile HTTP input", done,
        "4xx for every malformed input (free-text parameters: any non-5xx), never 5xx or a dropped connection, no file content "
            + "or stack trace in any answer, server keeps serving, no twin created, changed or deleted", observed, ok, figures));
  }

  private static String judge(HttpCase c, RawHttp.Response r) {
    if (r.status() < 0) {
      return "no answer (" + r.head() + ")";
    }
    if (r.status() >= 500) {
      return "answered " + r.status();
    }
    if (c.mustRefuse() && (r.status() < 400 || r.status() >= 500)) {
      return "answered " + r.status() + ", expected a 4xx";
    }
    String body = r.body();
    if (body.contains("root:x:0:0") || body.contains("\tat ") || body.contains("Exception:") || body.contains("JWT_SECRET=")) {
      return "leaked: " + body.substring(0, Math.min(120, body.length()));
    }
    return null;
  }
}
