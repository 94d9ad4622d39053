package ai.digitaltwin.api.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The web dashboard: static files from {@code /public} on the classpath at {@code /}, and ECharts from its
 * webjar at {@code /vendor/echarts.min.js}. Nothing is fetched from elsewhere: the content security policy
 * lets the page talk to this origin only, so it works (and is tested) with no internet.
 */
public final class Dashboard {
  public static final String ECHARTS_PATH = "/vendor/echarts.min.js";
  public static final String ROUTES_PATH = "/dashboard/routes";

  /** Same origin only; inline styles are allowed because ECharts sets them on its own elements. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private final String echartsResource;
  private volatile List<String> routes = List.of();

  private Dashboard(String echartsResource) {
    this.echartsResource = echartsResource;
  }

  /** Finds the ECharts webjar on the classpath; fails at start, not at the first page view, if missing. */
  public static Dashboard fromClasspath() {
    String version = webjarVersion("org.webjars.npm", "echarts");
    return new Dashboard("/META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js");
  }

  public void install(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/public";
          files.location = Location.CLASSPATH;
          files.headers =
              Map.of(
                  "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                  "X-Content-Type-Options", "nosniff",
                  "Referrer-Policy", "no-referrer",
                  // small files, no build step: always revalidate so a new version shows on reload
                  "Cache-Control", "no-cache");
        });
  }

  /**
   * Remembers the routes {@code app} serves, for {@link #routes}: the page shows a panel only when its
   * endpoint exists here (chat, for one, is optional), instead of probing and logging 404s.
   */
  public void attach(Javalin app) {
    List<String> all = new ArrayList<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod()) {
        all.add(e.endpoint.method.name() + " " + e.endpoint.path);
      }
    }
    all.sort(null);
    routes = List.copyOf(all);
  }

  /** {@code GET /dashboard/routes}: {@code {"routes": ["GET /api/v1/twins", ...]}}. */
  public void routes(Context ctx) {
    ctx.header("Cache-Control", "no-cache").json(Map.of("routes", routes));
  }

  /** {@code GET /vendor/echarts.min.js}: the library, cacheable for a day (its version is in the pom). */
  public void echarts(Context ctx) {
    InputStream in = Dashboard.class.getResourceAsStream(echartsResource);
    if (in == null) {
      throw new NotFoundResponse("ECharts is not on the classpath");
    }
    ctx.header("Cache-Control", "public, max-age=86400")
        .header("X-Content-Type-Options", "nosniff")
        .contentType("text/javascript; charset=utf-8")
        .result(in);
  }

  static String webjarVersion(String group, String artifact) {
    String pom = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Dashboard.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("webjar " + group + ":" + artifact + " is not on the classpath (" + pom + ")");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pom, e);
    }
  }
}
