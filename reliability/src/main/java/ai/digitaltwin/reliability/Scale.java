package ai.digitaltwin.reliability;

/**
 * How big each scenario runs. The short form fits the regular test build (a few minutes on 2 cores);
 * the full form is the one the issue describes (five kills, a minute of load, two weeks of maintenance).
 */
public record Scale(
    String name,
    int kills,
    int crashTwins,
    int crashDays,
    int poisonValidPerTopic,
    int maintenanceDays,
    int commitsPerDay,
    int memoryTwins,
    int loadSeconds,
    int loadConnections) {

  public static final Scale SHORT = new Scale("short", 2, 10, 2, 400, 4, 12, 5, 10, 64);
  public static final Scale FULL = new Scale("full", 5, 50, 4, 2_000, 14, 48, 25, 60, 64);
}
