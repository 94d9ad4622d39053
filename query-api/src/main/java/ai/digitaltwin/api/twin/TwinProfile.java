package ai.digitaltwin.api.twin;

import java.util.List;

/**
 * Who a twin is, as its registry row says: the {@code profile} of {@code GET /twins/{id}} and what an edit
 * starts from. A real person's twin may have no age, sex or occupation (null).
 */
public record TwinProfile(
    String name, Integer age, String sex, String occupation, List<String> interests, String timezone) {
  /** This profile named {@code twinId} when it has no name yet (imported before names were kept). */
  public TwinProfile namedOr(String twinId) {
    return name != null ? this : new TwinProfile(twinId, age, sex, occupation, interests, timezone);
  }

  TwinProfile with(String newName, String newTimezone) {
    return new TwinProfile(newName, age, sex, occupation, interests, newTimezone);
  }

  TwinRequest.ProfileInput input() {
    return new TwinRequest.ProfileInput(name, age, sex, occupation, interests, timezone);
  }
}
