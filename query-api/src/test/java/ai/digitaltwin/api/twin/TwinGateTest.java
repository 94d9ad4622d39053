package ai.digitaltwin.api.twin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate refuses to build an API with a route under {@code /twins/{id}} that does not say what it needs. */
class TwinGateTest {
  private static final Handler NOTHING = ctx -> {};

  @Test
  void aRouteUnderATwinWithoutDeclaredAccessFailsAtStart() {
    Endpoint undeclared = new Endpoint(HandlerType.GET, "/api/v1/twins/{id}/mood", NOTHING);
    assertThatThrownBy(() -> TwinGate.requireDeclared(List.of(undeclared)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("GET /api/v1/twins/{id}/mood must declare exactly one TwinAccess, has []");
  }

  @Test
  void aRouteDeclaringTwoAccessesFailsAtStart() {
    Endpoint twice = new Endpoint(
        HandlerType.POST, "/api/v1/twins/{id}", NOTHING, Set.of(new Roles(Set.of(TwinAccess.READ, TwinAccess.WRITE))));
    assertThatThrownBy(() -> TwinGate.requireDeclared(List.of(twice)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("POST /api/v1/twins/{id} must declare exactly one TwinAccess, has [");
  }

  @Test
  void routesElsewhereAndTheGateItselfNeedNone() {
    assertThatCode(() -> TwinGate.requireDeclared(List.of(
            new Endpoint(HandlerType.GET, "/api/v1/twins", NOTHING),
            new Endpoint(HandlerType.BEFORE_MATCHED, TwinGate.PATH + "*", NOTHING),
            new Endpoint(HandlerType.GET, TwinGate.PATH + "/health", NOTHING, Set.of(new Roles(Set.of(TwinAccess.READ)))))))
        .doesNotThrowAnyException();
  }
}
