package ai.digitaltwin.api.twin;

/**
 * A twin's registry row (its newest, this API's not yet committed edits included): who it is, who owns it
 * and what happened last ({@code action}: created, updated, imported, deleted). Never written out whole.
 */
public record RegistryRow(
    String eventId,
    String twinId,
    String ts,
    String action,
    TwinProfile profile,
    Traits traits,
    String owner,
    Long seed,
    String reason) {

  public boolean deleted() {
    return "deleted".equals(action);
  }

  /** A twin without an age was never simulated (creating one requires it): a real person's. */
  public boolean realPerson() {
    return profile.age() == null;
  }
}
