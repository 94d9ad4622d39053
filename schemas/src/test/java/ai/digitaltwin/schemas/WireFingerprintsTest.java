package ai.digitaltwin.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class WireFingerprintsTest {
  /**
   * The schema fingerprint every message of a topic carries in its header, as messages already in Kafka
   * carry it: a schema edit that changes one makes those messages unreadable ({@code unknown_fingerprint})
   * unless the old schema is kept under {@code previous/}. Properties the wire does not use (docs,
   * defaults, the Iceberg field ids) are left out of Avro's parsing canonical form, so they may change.
   */
  private static final Map<String, String> FINGERPRINTS =
      Map.of(
          "twin.health", "c1b2f30e57b32789", // before resting_hr: 2baa3359811445c0, kept as previous/HealthEvent.1.avsc
          "twin.behavior", "98c74fa343800cd6",
          "twin.registry", "d53d4f82a7131877",
          "twin.chat", "9c7d0b10b3085d2e",
          "twin.ground-truth", "193f5ebf2abc0f68",
          "twin.state", "ba3a960911e2ada3",
          "twin.anomalies", "a3fdae0003884a0c",
          "twin.generator-progress", "7f4faf118fd8e7cf",
          "twin.users", "9e660e464a2e435c");

  @Test
  void everyTopicKeepsItsSchemaFingerprint() {
    assertThat(Topics.ALL).extracting(Topic::name).containsExactlyInAnyOrderElementsOf(FINGERPRINTS.keySet());
    for (Topic<?> topic : Topics.ALL) {
      long fingerprint = SchemaNormalization.parsingFingerprint64(topic.codec().schema());

      assertThat(HexFormat.of().toHexDigits(fingerprint)).as(topic.name()).isEqualTo(FINGERPRINTS.get(topic.name()));
    }
  }

  @Test
  void theCanonicalFormLeavesOutWhatTheWireDoesNotUse() {
    for (Topic<?> topic : Topics.ALL) {
      String canonical = SchemaNormalization.toParsingForm(topic.codec().schema());

      assertThat(canonical).as(topic.name()).doesNotContain("\"doc\"", "\"default\"", "field-id", "column-");
    }
  }
}
