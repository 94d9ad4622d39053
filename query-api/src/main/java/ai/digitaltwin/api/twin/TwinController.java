package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.auth.Principal;
import ai.digitaltwin.api.error.ApiException;
import ai.digitaltwin.api.http.Json;
import ai.digitaltwin.api.http.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/**
 * HTTP for twins: parses and validates input, calls the services, writes JSON. Who may do it is checked
 * before each route under {@code /twins/{id}} ({@link TwinGate}); the routes read the {@link TwinRef}.
 */
public final class TwinController {
  private final TwinService twins;
  private final TwinWriter writer;
  private final TwinEdits edits;

  public TwinController(TwinService twins, TwinWriter writer, TwinEdits edits) {
    this.twins = twins;
    this.writer = writer;
    this.edits = edits;
  }

  public void list(Context ctx) {
    Principal caller = Principal.of(ctx);
    int limit = Params.integer(ctx, "limit", 50, 1, 1000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    String owner = ctx.queryParam("owner");
    if (!caller.role().readsAll()) {
      if (owner != null && !owner.equals(caller.username())) {
        throw new ApiException(403, "forbidden", "Role user may only list its own twins", "owner");
      }
      owner = caller.username();
    }
    String q = ctx.queryParam("q");
    if (q != null && q.length() > 100) {
      throw ApiException.badRequest("q must be at most 100 characters", "q");
    }
    ctx.json(twins.list(new TwinService.ListFilter(owner, q, ctx.queryParam("occupation")), limit, offset));
  }

  public void get(Context ctx) {
    ctx.json(twins.get(TwinRef.of(ctx).row()));
  }

  public void health(Context ctx) {
    ctx.json(twins.health(TwinRef.of(ctx).id(), Params.integer(ctx, "limit", 10, 1, 1000), Params.instant(ctx, "as_of")));
  }

  public void create(Context ctx) {
    Principal caller = Principal.of(ctx);
    TwinRequest body = Json.body(ctx, TwinRequest.class);
    String twinId =
        writer.create(
            caller.username(),
            TwinValidation.profile(body.profileInput()),
            TwinValidation.personality(body.personality()),
            body.seed(),
            TwinValidation.reason(body.reason()));
    ctx.status(201).header("Location", "/api/v1/twins/" + twinId).json(twins.get(twins.registry(twinId)));
  }

  public void replace(Context ctx) {
    TwinRef twin = TwinRef.of(ctx);
    edits.save(twin, Json.body(ctx, TwinRequest.class));
    ctx.json(twins.get(twins.registry(twin.id())));
  }

  /** Merges the given fields into the current profile and personality, then validates the whole. */
  public void patch(Context ctx) {
    TwinRef twin = TwinRef.of(ctx);
    RegistryRow current = twin.row();
    JsonNode patch = Json.tree(ctx);
    if (!patch.isObject()) {
      throw ApiException.badRequest("Request body must be a JSON object", null);
    }
    ObjectNode merged = Json.MAPPER.createObjectNode();
    merged.set("profile", Json.MAPPER.valueToTree(current.profile()));
    merged.set("personality", Json.MAPPER.valueToTree(current.traits()));
    for (String part : new String[] {"profile", "personality"}) {
      JsonNode given = patch.get(part);
      if (given != null && !given.isObject()) {
        throw ApiException.badRequest(part + " must be an object", part);
      }
      if (given != null) {
        ((ObjectNode) merged.get(part)).setAll((ObjectNode) given);
      }
    }
    patch.fieldNames().forEachRemaining(f -> {
      if (TwinRequest.FLAT_FIELDS.contains(f)) {
        // the flat shape's profile field edits the profile, as it would nested
        ((ObjectNode) merged.get("profile")).set(f, patch.get(f));
      } else if (!f.equals("profile") && !f.equals("personality")) {
        merged.set(f, patch.get(f));
      }
    });
    TwinRequest body;
    try {
      body = Json.MAPPER.treeToValue(merged, TwinRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("Body has unknown or mistyped fields: " + e.getOriginalMessage(), null);
    }
    edits.save(twin, body);
    ctx.json(twins.get(twins.registry(twin.id())));
  }

  public void delete(Context ctx) {
    TwinRef twin = TwinRef.of(ctx);
    writer.delete(twin.id(), twin.owner(), twin.seed(), TwinValidation.reason(ctx.queryParam("reason")));
    ctx.status(204);
  }
}
