package ai.digitaltwin.api.system;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code /openapi.json} (the hand-written document in {@code resources/openapi}) and Swagger UI at
 * {@code /docs}, served from the swagger-ui webjar under {@code /webjars}: nothing is fetched from a CDN.
 */
public final class DocsController {
  static final String DOCUMENT = "/openapi/openapi.json";
  static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final byte[] document;
  private final String page;

  public DocsController() {
    this.document = resource(DOCUMENT);
    String base = "/webjars/swagger-ui/" + swaggerUiVersion();
    this.page =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Digital Twin query API</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", persistAuthorization: true});
          </script>
        </body>
        </html>
        """
            .formatted(base);
  }

  public void openapi(Context ctx) {
    ctx.contentType("application/json").result(document);
  }

  public void docs(Context ctx) {
    ctx.html(page);
  }

  static String swaggerUiVersion() {
    Properties props = new Properties();
    try (InputStream in = DocsController.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("swagger-ui webjar is not on the classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("version");
  }

  private static byte[] resource(String path) {
    try (InputStream in = DocsController.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
