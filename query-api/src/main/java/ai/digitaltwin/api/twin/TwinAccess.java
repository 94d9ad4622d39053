package ai.digitaltwin.api.twin;

import io.javalin.security.RouteRole;

/**
 * What a route under {@code /twins/{id}} asks of its caller: declared on the route in the one route tree
 * ({@code QueryApi}) and checked once, before the route runs, by {@link TwinGate}.
 */
public enum TwinAccess implements RouteRole {
  /** The twin's history: its owner, an analyst or an admin; a deleted twin's history stays readable. */
  READ,
  /** The twin itself: as {@link #READ}, but a deleted twin has no profile left to show (a 404 that says so). */
  PROFILE,
  /** A change to the twin: its owner or an admin, and not once it is deleted (409). */
  WRITE,
  /**
   * Create the twin or change it ({@code PUT /twins/{id}/import}): an unknown id is not an error there but a
   * twin to create, so the gate checks only the id and {@link ImportedTwins#ensure} checks the access.
   */
  CREATE_OR_WRITE
}
