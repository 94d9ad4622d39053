package ai.digitaltwin.api.error;

/** The twin id is well formed but no twin has it. */
public class NoSuchTwinException extends ApiException {
  public NoSuchTwinException(String twinId) {
    super(404, "not_found", "No such twin: " + twinId, null);
  }
}
