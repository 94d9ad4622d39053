package ai.digitaltwin.reliability.harness;

import ai.digitaltwin.schemas.Tables;
import ai.digitaltwin.testkit.ApiClient;
import ai.digitaltwin.api.history.TwinHistory;
import ai.digitaltwin.kafka.FreePorts;
import ai.digitaltwin.stack.TwinStack;
import ai.digitaltwin.testkit.Await;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack in this JVM, as the scenarios that talk to a running system need it: five demo twins
 * with a day of history and then 60× real time (one reading per twin per second), 2 % of health events
 * late, an admin, an analyst and two plain users. In-process so the suite can register a writer schema
 * where the job decodes and read the API's own views; its parts are the real ones.
 *
 * <p>Limits are set low where a scenario waits them out: a 30 s login window, a 3 s SQL time limit.
 */
public final class LiveStack implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "reliability-admin-password";
  public static final String JWT_SECRET = "reliability-suite-secret-0123456789-abcdefghijklmnopq";
  public static final String USER_PASSWORD = "reliability-user-password";
  public static final int DEMO_TWINS = 5;
  public static final double LATE_RATE = 0.02;
  /** Long enough that five failed logins fit in it even on a slow machine (password hashing is slow on purpose). */
  public static final int LOGIN_WINDOW_SECONDS = 30;
  public static final int LOGIN_MAX_FAILURES = 5;
  public static final int SQL_TIMEOUT_MS = 3_000;
  public static final long WATERMARK_BOUND_MS = 30_000;
  public static final int PARTITIONS = 2;

  private final TwinStack stack;
  private final ApiClient api;
  private final String adminToken;
  private final Path dir;

  private LiveStack(TwinStack stack, ApiClient api, String adminToken, Path dir) {
    this.stack = stack;
    this.api = api;
    this.adminToken = adminToken;
    this.dir = dir;
  }

  public static LiveStack start(Path dir, long seed) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TWIN_DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("GENERATOR_TWINS", String.valueOf(DEMO_TWINS));
    env.put("GENERATOR_SEED", String.valueOf(seed));
    env.put("GENERATOR_BACKFILL_DAYS", "1");
    env.put("GENERATOR_SPEED", "60");
    env.put("GENERATOR_LATE_RATE", String.valueOf(LATE_RATE));
    env.put("CHECKPOINT_INTERVAL_MS", "2000");
    env.put("SNAPSHOT_POLL_MS", "500");
    env.put("WATERMARK_OUT_OF_ORDERNESS_MS", String.valueOf(WATERMARK_BOUND_MS));
    env.put("KAFKA_PARTITIONS", String.valueOf(PARTITIONS));
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("LOGIN_WINDOW_SECONDS", String.valueOf(LOGIN_WINDOW_SECONDS));
    env.put("LOGIN_MAX_FAILURES", String.valueOf(LOGIN_MAX_FAILURES));
    env.put("SQL_TIMEOUT_MS", String.valueOf(SQL_TIMEOUT_MS));
    // no timed table maintenance: the maintenance scenario runs it on a warehouse of its own, and a pass of
    // this stack's (a Flink batch job in this JVM) landing at a random moment was measured as the heap of
    // the memory scenario
    env.put("MAINTENANCE_INTERVAL_MS", "0");
    Files.createDirectories(dir);
    TwinStack stack = TwinStack.start(env, new PrintStream(Files.newOutputStream(dir.resolve("stack.log")), true));
    try {
      ApiClient api = new ApiClient("http://127.0.0.1:" + stack.apiPort());
      String admin = api.login("admin", ADMIN_PASSWORD);
      for (String[] user : List.of(new String[] {"analyst1", "analyst"}, new String[] {"analyst2", "analyst"},
          new String[] {"alice", "user"}, new String[] {"bob", "user"})) {
        ApiClient.Answer a = api.post("/api/v1/auth/register", admin, Map.of("username", user[0], "password", USER_PASSWORD, "role", user[1]));
        if (a.status() != 201) {
          throw new IllegalStateException("cannot register " + user[0] + ": " + a.status() + " " + a.body());
        }
      }
      LiveStack live = new LiveStack(stack, api, admin, dir);
      Await.until("a day of backfill in " + Tables.HEALTH_EVENTS, Duration.ofSeconds(180), () ->
          live.count("SELECT count(*) FROM " + Tables.HEALTH_EVENTS) >= DEMO_TWINS * 1_400L);
      return live;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  public ApiClient api() {
    return api;
  }

  public String adminToken() {
    return adminToken;
  }

  public String login(String username) {
    return api.login(username, USER_PASSWORD);
  }

  public TwinStack stack() {
    return stack;
  }

  public Path dir() {
    return dir;
  }

  public Path warehouse() {
    return stack.dataDir().resolve("warehouse");
  }

  /** The API's own DuckDB over the Iceberg tables, brought up to date first. */
  public TwinHistory history() {
    stack.history().refreshNow();
    return stack.history();
  }

  public long count(String sql, Object... params) {
    return ((Number) history().query(sql, List.of(params)).rows().get(0).get(0)).longValue();
  }

  /** The flink component of {@code /health}: job status and restart count. */
  public com.fasterxml.jackson.databind.JsonNode flinkHealth() {
    return api.get("/health", null).json().path("components").path("flink");
  }

  @Override
  public void close() {
    stack.close();
  }
}
