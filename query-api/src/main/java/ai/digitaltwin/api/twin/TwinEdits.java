package ai.digitaltwin.api.twin;

import ai.digitaltwin.api.error.ApiException;

/**
 * An edit of an existing twin from a request body: the profile (a real person's may leave out age, sex and
 * occupation) and personality validated whole, the seed kept, written as a registry update.
 */
public final class TwinEdits {
  private final TwinWriter writer;

  public TwinEdits(TwinWriter writer) {
    this.writer = writer;
  }

  /** @throws ApiException 400 when the body gives a seed (fixed at creation) or an invalid field */
  public void save(TwinRef twin, TwinRequest body) {
    if (body.seed() != null) {
      throw ApiException.badRequest("seed cannot be changed after creation", "seed");
    }
    writer.update(
        twin.id(),
        twin.owner(),
        TwinValidation.profile(body.profileInput(), twin.row().realPerson()),
        TwinValidation.personality(body.personality()),
        twin.seed(),
        TwinValidation.reason(body.reason()));
  }
}
