package ai.digitaltwin.restcatalog;

import ai.digitaltwin.catalog.TwinCatalog;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Iceberg's reference REST catalog on our bind address. Iceberg's own main binds every interface and
 * keeps its catalog in memory by default; this one binds {@code HOST} and keeps the catalog in SQLite, so
 * a restart keeps the tables.
 */
public final class RestCatalogServer implements AutoCloseable {
  private final Server server;
  private final Catalog backend;

  private RestCatalogServer(Server server, Catalog backend) {
    this.server = server;
    this.backend = backend;
  }

  public static RestCatalogServer start(RestCatalogConfig config) throws Exception {
    Path sqlite = config.sqliteFile();
    if (sqlite != null && sqlite.getParent() != null) {
      Files.createDirectories(sqlite.getParent());
    }
    Catalog backend =
        CatalogUtil.buildIcebergCatalog("twin_rest_backend", config.catalogProperties(), TwinCatalog.hadoopConf());
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(backend))), "/*");
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return new RestCatalogServer(server, backend);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public InetSocketAddress address() {
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    if (backend instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // stopping anyway
      }
    }
  }
}
