package ai.digitaltwin.generator.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the simulating thread hands the sending thread: the encoded records of one tick, or of part of a
 * big tick, in the order they must be sent; or a signal that no tick is due yet ({@link Kind#IDLE}) or
 * that the simulation reached its end ({@link Kind#END}). A transaction may end only after a chunk that
 * ends its tick, so a checkpoint never splits a tick.
 */
public final class Chunk {
  public enum Kind { RECORDS, IDLE, END }

  /** Counter of a record that is not an event (a registry-change marker on the checkpoint topic). */
  static final byte UNCOUNTED = -1;

  private final Kind kind;
  private final long tick;
  @SuppressWarnings("unchecked")
  final ProducerRecord<byte[], byte[]>[] records;
  final byte[] counters;
  int size;
  private boolean endOfTick;
  private Map<String, Long> registryOffsets;
  private int twins;

  @SuppressWarnings("unchecked")
  Chunk(long tick, int capacity) {
    this.kind = Kind.RECORDS;
    this.tick = tick;
    this.records = new ProducerRecord[capacity];
    this.counters = new byte[capacity];
  }

  private Chunk(Kind kind) {
    this.kind = kind;
    this.tick = -1;
    this.records = null;
    this.counters = null;
  }

  public static Chunk idle() {
    return new Chunk(Kind.IDLE);
  }

  public static Chunk end() {
    return new Chunk(Kind.END);
  }

  public Kind kind() {
    return kind;
  }

  public long tick() {
    return tick;
  }

  public int size() {
    return size;
  }

  boolean full() {
    return size == records.length;
  }

  void add(ProducerRecord<byte[], byte[]> record, byte counter) {
    records[size] = record;
    counters[size++] = counter;
  }

  public boolean endOfTick() {
    return endOfTick;
  }

  /** Registry offsets once this tick's changes are applied: what a commit after this chunk stores. */
  public Map<String, Long> registryOffsets() {
    return registryOffsets;
  }

  /** Twins simulated in this tick. */
  public int twins() {
    return twins;
  }

  void endTick(Map<String, Long> registryOffsets, int twins) {
    this.endOfTick = true;
    this.registryOffsets = registryOffsets;
    this.twins = twins;
  }
}
