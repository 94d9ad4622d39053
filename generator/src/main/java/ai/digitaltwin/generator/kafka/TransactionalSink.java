package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends events inside Kafka transactions. Each transaction ends with a progress record on the checkpoint
 * topic, so events and the claim "produced up to here" become visible together or not at all. Counts
 * per topic move from pending to committed only when the commit succeeds. Events arrive encoded, in
 * {@link Chunk}s built by the simulating thread; this class only sends, on the sending thread.
 */
public final class TransactionalSink {
  private static final List<Topic<?>> COUNTED = List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH, Topics.REGISTRY);
  private static final byte REGISTRY = 3;

  private final KafkaProducer<byte[], byte[]> producer;
  private final String generatorId;
  private final Map<String, Long> committed;
  private final long[] pending = new long[COUNTED.size()];
  private boolean open;
  private int pendingRecords;

  public TransactionalSink(KafkaProducer<byte[], byte[]> producer, String generatorId, Map<String, Long> committed) {
    this.producer = producer;
    this.generatorId = generatorId;
    this.committed = new HashMap<>(committed);
  }

  /** Sends a chunk's records in their order. */
  public void send(Chunk chunk) {
    for (int i = 0; i < chunk.size; i++) {
      send(chunk.records[i], chunk.counters[i]);
    }
  }

  public void registry(TwinRegistryEvent e) {
    send(new ProducerRecord<>(Topics.REGISTRY.name(), e.getTwinId().getBytes(StandardCharsets.UTF_8),
        Topics.REGISTRY.codec().encode(e)), REGISTRY);
  }

  /** Records in this transaction that a registry change took effect before {@code marker.tick}. */
  public void applied(GeneratorProgress marker, TwinRegistryEvent event) {
    send(Checkpoint.appliedRecord(generatorId, marker, event), Chunk.UNCOUNTED);
  }

  /** Ends the transaction with its progress record. Returns the committed counts by topic name. */
  public Map<String, Long> commit(GeneratorProgress progress) {
    for (int i = 0; i < pending.length; i++) {
      committed.merge(COUNTED.get(i).name(), pending[i], Long::sum);
    }
    progress.setCounts(new HashMap<>(committed));
    send(Checkpoint.progressRecord(generatorId, progress), Chunk.UNCOUNTED);
    try {
      producer.commitTransaction();
    } catch (RuntimeException e) {
      for (int i = 0; i < pending.length; i++) {
        committed.merge(COUNTED.get(i).name(), -pending[i], Long::sum);
      }
      throw e;
    }
    open = false;
    pendingRecords = 0;
    Arrays.fill(pending, 0);
    return Map.copyOf(committed);
  }

  public int pendingRecords() {
    return pendingRecords;
  }

  public boolean open() {
    return open;
  }

  private void send(ProducerRecord<byte[], byte[]> record, byte counter) {
    if (!open) {
      producer.beginTransaction();
      open = true;
    }
    producer.send(record);
    if (counter != Chunk.UNCOUNTED) {
      pending[counter]++;
      pendingRecords++;
    }
  }
}
