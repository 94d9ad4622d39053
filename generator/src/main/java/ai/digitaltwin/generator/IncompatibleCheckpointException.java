package ai.digitaltwin.generator;

/** The checkpoint in Kafka was written with settings that would make a different history. */
public class IncompatibleCheckpointException extends IllegalStateException {
  public IncompatibleCheckpointException(String message) {
    super(message);
  }
}
