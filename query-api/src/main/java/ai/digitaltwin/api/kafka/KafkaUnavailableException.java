package ai.digitaltwin.api.kafka;

import ai.digitaltwin.api.error.ApiException;

/** Kafka did not acknowledge a write in time: the request is not lost by us, but not accepted either. */
public class KafkaUnavailableException extends ApiException {
  public KafkaUnavailableException(String topic, Throwable cause) {
    super(503, "unavailable", "Kafka did not acknowledge the write to " + topic + ": " + cause.getMessage(), null);
    initCause(cause);
  }
}
