package ai.digitaltwin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.digitaltwin.config.Env;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register, login, tokens and roles against the real server, with users on a real Kafka topic. */
class AuthApiTest {
  /** Long past: a token that expired then is expired now. */
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  @TempDir static Path dir;
  static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start(dir, TestApi.catalog(dir), Map.of("LOGIN_MAX_FAILURES", "3"));
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = TestApi.json(response);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("message").asText()).isNotBlank();
  }

  @Test
  void registerLoginAndMe() throws Exception {
    HttpResponse<String> registered =
        api.post("/api/v1/auth/register", null, Map.of("username", "ada", "password", "correct horse"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(TestApi.json(registered).get("role").asText()).isEqualTo("user");
    assertThat(registered.body()).doesNotContain("correct horse").doesNotContain("password");

    String token = api.login("ada", "correct horse");
    JsonNode decoded = TestApi.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(decoded.get("sub").asText()).isEqualTo("ada");
    assertThat(decoded.has("exp")).isTrue();
    assertThat(decoded.has("iat")).isTrue();
    assertThat(decoded.has("jti")).isTrue();

    JsonNode me = TestApi.json(api.get("/api/v1/auth/me", token));
    assertThat(me.get("username").asText()).isEqualTo("ada");
    assertThat(me.get("role").asText()).isEqualTo("user");
  }

  @Test
  void duplicateAndInvalidRegistrationsAreRefused() throws Exception {
    api.post("/api/v1/auth/register", null, Map.of("username", "bob", "password", "bo-password"));
    assertError(
        api.post("/api/v1/auth/register", null, Map.of("username", "bob", "password", "another-one")), 409, "conflict");
    HttpResponse<String> shortPassword =
        api.post("/api/v1/auth/register", null, Map.of("username", "cyd", "password", "short"));
    assertError(shortPassword, 400, "bad_request");
    assertThat(TestApi.json(shortPassword).get("field").asText()).isEqualTo("password");
    HttpResponse<String> badName =
        api.post("/api/v1/auth/register", null, Map.of("username", "a b", "password", "long enough"));
    assertThat(TestApi.json(badName).get("field").asText()).isEqualTo("username");
    assertError(api.post("/api/v1/auth/register", null, "{not json"), 400, "bad_request");
    HttpResponse<String> unknown =
        api.post("/api/v1/auth/register", null, Map.of("username", "dd", "password", "long enough", "admin", true));
    assertThat(TestApi.json(unknown).get("message").asText()).isEqualTo("Unknown field: admin");
  }

  @Test
  void onlyAnAdminCreatesAnalystsAndAdmins() throws Exception {
    assertError(
        api.post("/api/v1/auth/register", null, Map.of("username", "eve", "password", "eve-password", "role", "admin")),
        403,
        "forbidden");
    String userToken = api.userToken("frank");
    assertError(
        api.post(
            "/api/v1/auth/register", userToken, Map.of("username", "eve", "password", "eve-password", "role", "analyst")),
        403,
        "forbidden");
    String analyst = api.tokenWithRole("gina", "analyst");
    assertThat(TestApi.json(api.get("/api/v1/auth/me", analyst)).get("role").asText()).isEqualTo("analyst");
  }

  @Test
  void everythingUnderApiV1NeedsAToken() throws Exception {
    assertError(api.get("/api/v1/twins", null), 401, "unauthorized");
    assertError(api.get("/api/v1/auth/me", null), 401, "unauthorized");
    HttpResponse<String> basic =
        api.HTTP.send(
            api.request("/api/v1/twins", null).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertError(basic, 401, "unauthorized");
    assertError(api.get("/api/v1/twins", "not.a.token"), 401, "unauthorized");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    String forged =
        JWT.create()
            .withIssuer("digital-twin-api")
            .withSubject("admin")
            .withClaim("role", "admin")
            .withIssuedAt(Instant.now())
            .withExpiresAt(Instant.now().plusSeconds(600))
            .withJWTId("forged")
            .sign(Algorithm.HMAC256("another-secret-another-secret-another-secret"));
    HttpResponse<String> response = api.get("/api/v1/twins", forged);
    assertError(response, 401, "unauthorized");
    assertThat(TestApi.json(response).get("message").asText()).isEqualTo("Token signature is invalid");
  }

  @Test
  void algNoneIsRefused() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    long now = Instant.now().getEpochSecond();
    String payload =
        b64.encodeToString(
            ("{\"iss\":\"digital-twin-api\",\"sub\":\"admin\",\"role\":\"admin\",\"jti\":\"x\",\"iat\":" + now
                    + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
    for (String token : new String[] {header + "." + payload + ".", header + "." + payload}) {
      HttpResponse<String> response = api.get("/api/v1/twins", token);
      assertError(response, 401, "unauthorized");
    }
    HttpResponse<String> none = api.get("/api/v1/twins", header + "." + payload + ".");
    assertThat(TestApi.json(none).get("message").asText())
        .isEqualTo("Token algorithm is not accepted; only HS256 is");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String expired =
        JWT.create()
            .withIssuer("digital-twin-api")
            .withSubject("admin")
            .withClaim("role", "admin")
            .withIssuedAt(T0)
            .withExpiresAt(T0.plusSeconds(3600))
            .withJWTId("old")
            .sign(Algorithm.HMAC256(TestApi.SECRET.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response = api.get("/api/v1/twins", expired);
    assertError(response, 401, "unauthorized");
    assertThat(TestApi.json(response).get("message").asText()).isEqualTo("Token has expired");
  }

  @Test
  void aTokenWithoutExpiryIsRefused() throws Exception {
    String forever =
        JWT.create()
            .withIssuer("digital-twin-api")
            .withSubject("admin")
            .withIssuedAt(T0)
            .withJWTId("forever")
            .sign(Algorithm.HMAC256(TestApi.SECRET.getBytes(StandardCharsets.UTF_8)));
    assertError(api.get("/api/v1/twins", forever), 401, "unauthorized");
  }

  @Test
  void repeatedFailedLoginsAreLimitedEvenWithTheRightPasswordAfterwards() throws Exception {
    api.userToken("henry");
    for (int i = 0; i < 3; i++) {
      assertError(
          api.post("/api/v1/auth/login", null, Map.of("username", "henry", "password", "guess-" + i)),
          401,
          "unauthorized");
    }
    HttpResponse<String> limited =
        api.post("/api/v1/auth/login", null, Map.of("username", "henry", "password", "henry-password"));
    assertError(limited, 429, "too_many_requests");
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void usersSurviveARestartBecauseTheyLiveOnTheUsersTopic() throws Exception {
    api.userToken("ivy");
    Path other = dir.resolve("replica");
    try (TestApi replica = TestApi.start(other, TestApi.catalog(other), Map.of("ADMIN_PASSWORD", ""))) {
      String token = replica.login("ivy", "ivy-password");
      assertThat(TestApi.json(replica.get("/api/v1/auth/me", token)).get("username").asText()).isEqualTo("ivy");
      // the same secret: a token from one replica works on the other
      assertThat(api.get("/api/v1/auth/me", token).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theApiRefusesToStartWithoutAProperSecretOutsideDevMode() {
    Map<String, String> base = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(base)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("JWT_SECRET is not set.");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("JWT_SECRET", "short-secret"))))
        .hasMessageStartingWith("JWT_SECRET is too short (12 characters).");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("JWT_SECRET", "changeme"))))
        .hasMessageStartingWith("JWT_SECRET is a well-known default value.");
    assertThatThrownBy(() -> ApiConfig.fromEnv(Env.of(Map.of("JWT_SECRET", "a".repeat(40)))))
        .hasMessageStartingWith("JWT_SECRET has too few distinct characters.");
    ApiConfig dev = ApiConfig.fromEnv(Env.of(Map.of("TWIN_DEV_MODE", "true")));
    assertThat(dev.auth().generatedSecret()).isTrue();
    assertThat(dev.auth().jwtSecret()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(dev.describe().toString()).doesNotContain(dev.auth().jwtSecret());
  }
}
