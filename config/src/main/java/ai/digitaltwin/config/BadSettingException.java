package ai.digitaltwin.config;

/**
 * A setting whose value cannot be used, with the one message every deployable prints at start-up:
 * {@code NAME=value: not <what is allowed>}, e.g. {@code JOB_PARALLELISM=abc: not an integer >= 1}. An
 * {@link IllegalArgumentException}, so a main that stops on a bad configuration catches both this and the
 * rules a config record checks across settings.
 */
public final class BadSettingException extends IllegalArgumentException {
  private final String name;
  private final String value;
  private final String allowed;

  /**
   * @param name the variable
   * @param value its value as given
   * @param allowed what would have been accepted, as the phrase after "not": {@code an integer in 1..64}
   */
  public BadSettingException(String name, String value, String allowed) {
    super(name + "=" + value + ": not " + allowed);
    this.name = name;
    this.value = value;
    this.allowed = allowed;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public String allowed() {
    return allowed;
  }
}
