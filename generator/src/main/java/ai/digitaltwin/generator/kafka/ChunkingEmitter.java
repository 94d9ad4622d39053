package ai.digitaltwin.generator.kafka;

import ai.digitaltwin.generator.sim.Emitter;
import ai.digitaltwin.schemas.BehaviorEvent;
import ai.digitaltwin.schemas.GeneratorProgress;
import ai.digitaltwin.schemas.GroundTruthEpisode;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Topics;
import ai.digitaltwin.schemas.TwinRegistryEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Encodes a tick's events into chunks on the simulating thread, so the sending thread only sends. Records
 * keep the order the simulation emitted them in; a chunk is handed over when full and at the end of each
 * tick. Not thread-safe: one per simulating thread.
 */
public final class ChunkingEmitter implements Emitter {
  private final String generatorId;
  private final int chunkRecords;
  private final Consumer<Chunk> handOff;
  private final WireEncoder wire = new WireEncoder();
  private Chunk current;

  /** @param handOff receives each chunk; it may block (a bounded queue) */
  public ChunkingEmitter(String generatorId, int chunkRecords, Consumer<Chunk> handOff) {
    this.generatorId = generatorId;
    this.chunkRecords = chunkRecords;
    this.handOff = handOff;
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
    add(Topics.HEALTH.name(), 0, e.getTwinId(), wire.health(e));
  }

  @Override
  public void behavior(BehaviorEvent e) {
    add(Topics.BEHAVIOR.name(), 1, e.getTwinId(), wire.behavior(e));
  }

  @Override
  public void groundTruth(GroundTruthEpisode e) {
    add(Topics.GROUND_TRUTH.name(), 2, e.getTwinId(), Topics.GROUND_TRUTH.codec().encode(e));
  }

  /** The marker that a registry change took effect before {@code marker.tick}, as the sink writes it. */
  public void applied(GeneratorProgress marker, TwinRegistryEvent event) {
    append(Checkpoint.appliedRecord(generatorId, marker, event), Chunk.UNCOUNTED);
  }

  private void add(String topic, int counter, String twinId, byte[] value) {
    append(new ProducerRecord<>(topic, twinId.getBytes(StandardCharsets.UTF_8), value), (byte) counter);
  }

  private void append(ProducerRecord<byte[], byte[]> record, byte counter) {
    if (current.full()) {
      handOff.accept(current);
      current = new Chunk(current.tick(), chunkRecords);
    }
    current.add(record, counter);
  }
}
