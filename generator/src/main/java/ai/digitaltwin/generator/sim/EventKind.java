package ai.digitaltwin.generator.sim;

/** Tags mixed into deterministic event ids, so two kinds of event of one tick never share an id. */
public final class EventKind {
  public static final int HEALTH = 1;
  public static final int TRANSITION = 2;
  public static final int STEP = 3;
  public static final int GROUND_TRUTH = 4;
  public static final int REGISTRY = 5;

  private EventKind() {}
}
