package ai.digitaltwin.importer;

/** Where a parser puts what it read: readings, and what it left out and why. */
public interface ReadingSink {
  void accept(Reading reading);

  /** A sample or row left out; {@code reason} is short and the same for every sample of its kind. */
  void skip(String reason);
}
