package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topic;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends events inside Kafka transactions. Each transaction ends with a progress record on the checkpoint
 * topic, so events and the claim "produced up to here" become visible together or not at all. Counts
 * per topic move from pending to committed only when the commit succeeds.
 */
public final class TransactionalSink implements Emitter {
  private static final List<Topic<?>> COUNTED = List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH, Topics.REGISTRY);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String generatorId;
  private final Map<String, Long> committed;
  private final long[] pending = new long[COUNTED.size()];
  private final WireEncoder wire = new WireEncoder();
  private boolean open;
  private int pendingRecords;

  public TransactionalSink(KafkaProducer<byte[], byte[]> producer, String generatorId, Map<String, Long> committed) {
    this.producer = producer;
    this.generatorId = generatorId;
    this.committed = new HashMap<>(committed);
  }

  @Override
  public void health(HealthEvent e) {
    send(Topics.HEALTH, 0, e.getTwinId(), wire.health(e));
  }

  @Override
  public void behavior(BehaviorEvent e) {
    send(Topics.BEHAVIOR, 1, e.getTwinId(), wire.behavior(e));
  }

  @Override
  public void groundTruth(GroundTruthEpisode e) {
    send(Topics.GROUND_TRUTH, 2, e.getTwinId(), e);
  }

  public void registry(TwinRegistryEvent e) {
    send(Topics.REGISTRY, 3, e.getTwinId(), e);
  }

  /** Records in this transaction that a registry change took effect before {@code marker.tick}. */
  public void applied(GeneratorProgress marker, TwinRegistryEvent event) {
    marker.setApplied(ByteBuffer.wrap(Topics.REGISTRY.codec().encode(event)));
    checkpoint(Checkpoint.appliedKey(generatorId, event.getEventId()), marker);
  }

  /** Ends the transaction with its progress record. Returns the committed counts by topic name. */
  public Map<String, Long> commit(GeneratorProgress progress) {
    for (int i = 0; i < pending.length; i++) {
      committed.merge(COUNTED.get(i).name(), pending[i], Long::sum);
    }
    progress.setCounts(new HashMap<>(committed));
    checkpoint(Checkpoint.progressKey(generatorId), progress);
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
    java.util.Arrays.fill(pending, 0);
    return Map.copyOf(committed);
  }

  public int pendingRecords() {
    return pendingRecords;
  }

  public boolean open() {
    return open;
  }

  private <T extends SpecificRecordBase> void send(Topic<T> topic, int counter, String twinId, T event) {
    send(topic, counter, twinId, topic.codec().encode(event));
  }

  private void send(Topic<?> topic, int counter, String twinId, byte[] value) {
    begin();
    producer.send(new ProducerRecord<>(topic.name(), twinId.getBytes(StandardCharsets.UTF_8), value));
    pending[counter]++;
    pendingRecords++;
  }

  /** Checkpoint records all go to partition 0, so their order (the order changes were applied) is kept. */
  private void checkpoint(String key, GeneratorProgress value) {
    begin();
    producer.send(new ProducerRecord<>(Topics.GENERATOR_PROGRESS.name(), 0, key.getBytes(StandardCharsets.UTF_8),
        Topics.GENERATOR_PROGRESS.codec().encode(value)));
  }

  private void begin() {
    if (!open) {
      producer.beginTransaction();
      open = true;
    }
  }
}
