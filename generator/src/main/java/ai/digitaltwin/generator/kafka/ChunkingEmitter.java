package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.generator.vitals.Reading;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Encodes a tick's events into chunks on the simulating thread, so the sending thread only sends. Records
 * keep the order the simulation emitted them in; a chunk is handed over when full and at the end of each
 * tick. Each record carries its partition (see {@link TwinKeys}). Not thread-safe: one per simulating thread.
 */
public final class ChunkingEmitter implements Emitter {
  private final String generatorId;
  private final int chunkRecords;
  private final Consumer<Chunk> handOff;
  private final TwinKeys keys;
  private Chunk current;

  /**
   * @param partitions partitions of each event topic by name (a topic missing from it is partitioned by
   *     the producer, by key)
   * @param handOff receives each chunk; it may block (a bounded queue)
   */
  public ChunkingEmitter(String generatorId, int chunkRecords, Map<String, Integer> partitions,
      Consumer<Chunk> handOff) {
    this.generatorId = generatorId;
    this.chunkRecords = chunkRecords;
    this.handOff = handOff;
    this.keys = new TwinKeys(List.of(Topics.HEALTH, Topics.BEHAVIOR, Topics.GROUND_TRUTH), partitions);
  }

  public void beginTick(long tick) {
    current = new Chunk(tick, chunkRecords);
  }

  /** Hands over the tick's last chunk, with the registry offsets and twin count as of this tick. */
  public void endTick(Map<String, Long> registryOffsets, int twins) {
    current.endTick(registryOffsets, twins);
    handOff.accept(current);
    current = null;
  }

  @Override
  public void health(HealthEvent e) {
    TwinKeys.Key key = keys.of(e.getTwinId());
    add(Topics.HEALTH.name(), 0, key, Topics.HEALTH.codec().encode(e));
  }

  @Override
  public void health(Reading r) {
    TwinKeys.Key key = keys.of(r.twinId);
    add(Topics.HEALTH.name(), 0, key, Topics.HEALTH.codec().encode(r.toEvent()));
  }

  @Override
  public void behavior(BehaviorEvent e) {
    TwinKeys.Key key = keys.of(e.getTwinId());
    add(Topics.BEHAVIOR.name(), 1, key, Topics.BEHAVIOR.codec().encode(e));
  }

  @Override
  public void groundTruth(GroundTruthEpisode e) {
    add(Topics.GROUND_TRUTH.name(), 2, keys.of(e.getTwinId()), Topics.GROUND_TRUTH.codec().encode(e));
  }

  /** The marker that a registry change took effect before {@code marker.tick}, as the sink writes it. */
  public void applied(GeneratorProgress marker, TwinRegistryEvent event) {
    append(Checkpoint.appliedRecord(generatorId, marker, event), Chunk.UNCOUNTED);
  }

  /** @param counter the topic's counter, also its index in the key's partitions */
  private void add(String topic, int counter, TwinKeys.Key key, byte[] value) {
    append(new ProducerRecord<>(topic, key.partitions()[counter], key.utf8(), value), (byte) counter);
  }

  private void append(ProducerRecord<byte[], byte[]> record, byte counter) {
    if (current.full()) {
      handOff.accept(current);
      current = new Chunk(current.tick(), chunkRecords);
    }
    current.add(record, counter);
  }
}
