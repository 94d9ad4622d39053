package ai.digitaltwin.api.personality;

import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Window;
import ai.digitaltwin.api.twin.Twin;
import ai.digitaltwin.api.twin.TwinEdits;
import ai.digitaltwin.api.twin.TwinRef;
import ai.digitaltwin.api.twin.TwinRequest;
import ai.digitaltwin.api.twin.TwinService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP for a twin's personality: its drift, and the BFI-10 questionnaire that sets a real person's Big Five
 * (access to the twin checked before, by {@code TwinGate}).
 */
public final class PersonalityController {
  private final PersonalityService personality;
  private final TwinService twins;
  private final TwinEdits edits;
  private final Clock clock;

  public PersonalityController(
      PersonalityService personality, TwinService twins, TwinEdits edits, Clock clock) {
    this.personality = personality;
    this.twins = twins;
    this.edits = edits;
    this.clock = clock;
  }

  /** {@code GET /twins/{id}/personality}: over the last 90 days by default. */
  public void personality(Context ctx) {
    String id = TwinRef.of(ctx).id();
    Window window = Window.of(ctx, clock, Duration.ofDays(90), Window.MAX_TWIN_VIEW);
    ctx.json(personality.personality(id, window));
  }

  /**
   * {@code POST /twins/{id}/personality/questionnaire}: a real person's answers to the BFI-10 set the twin's
   * Big Five (a registry edit like any other, reason {@code bfi-10}); the answer has the scores beside the
   * twin.
   */
  public void questionnaire(Context ctx) {
    TwinRef twin = TwinRef.of(ctx);
    JsonNode body = Json.tree(ctx);
    if (!body.isObject()) {
      throw ApiException.badRequest("Request body must be a JSON object with answers", null);
    }
    Map<String, Double> scores = Bfi10.score(body.get("answers"));
    ObjectNode merged = Json.MAPPER.createObjectNode();
    merged.set("profile", Json.MAPPER.valueToTree(twin.row().profile().namedOr(twin.id())));
    merged.set("personality", Json.MAPPER.valueToTree(scores));
    merged.put("reason", "bfi-10");
    TwinRequest request = Json.MAPPER.convertValue(merged, TwinRequest.class);
    edits.save(twin, request);
    ctx.json(new Scored("bfi-10", scores, twins.get(twins.registry(twin.id()))));
  }

  /** The answer of the questionnaire: the scores beside the twin they are now part of. */
  public record Scored(String questionnaire, Map<String, Double> scores, Twin twin) {}

  /** {@code GET /questionnaires/bfi-10}: the items, so that a client asks them as scored. */
  public void questionnaireItems(Context ctx) {
    ctx.json(Bfi10.form());
  }
}
