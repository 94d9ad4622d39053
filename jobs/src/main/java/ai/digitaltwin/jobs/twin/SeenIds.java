package ai.digitaltwin.jobs.twin;

import java.util.Arrays;

/**
 * One twin's recent event ids with the event time at which each may be forgotten: an open-addressing
 * hash table in parallel arrays, so that the whole set is one keyed value (a Flink POJO of arrays, no Kryo)
 * and a lookup costs one state access and a probe or two, where a map state costs a state access, a
 * hash map lookup and an entry per id. Also the expiry times that have a timer, so that a timer is
 * registered once per bucket rather than looked up once per event.
 *
 * <p>Expiry only moves {@link #expiredThrough}: an id whose expiry is at or before it is no longer
 * seen, and its slot is reclaimed when the table is next rebuilt, once it is half full. Rebuilding the
 * table at every expiry cost a pass over all its slots per bucket: in a backfill a twin's ids run far
 * ahead of the watermark and the table holds thousands, and that pass was about a tenth of the CPU
 * samples of a 100-twin, 7-day backfill (the 1,000-twin, 30-day one did not get measurably shorter).
 */
public class SeenIds {
  private static final int MIN_CAPACITY = 16;

  /** The table: an id per slot ({@code null} for a free slot), capacity a power of two, at most half full. */
  public String[] ids = new String[MIN_CAPACITY];
  /**
   * The hash of the id in the same slot. A probe compares these first and reads an id's characters
   * only on a match: each id is its own object on the heap, and reading the ids a probe passes cost
   * a cache miss or two each, the biggest part of the de-duplication's time.
   */
  public int[] hashes = new int[MIN_CAPACITY];
  /** The expiry time of the id in the same slot. */
  public long[] expiries = new long[MIN_CAPACITY];
  /** Slots in use, forgotten ids included until the next rebuild reclaims theirs. */
  public int size;
  /** The distinct expiry times, each with one event-time timer registered. */
  public long[] timers = new long[0];
  /** Ids expiring at or before this time are forgotten, even while their slots are not yet reclaimed. */
  public long expiredThrough = Long.MIN_VALUE;

  public SeenIds() {}

  public boolean contains(String id) {
    restoreHashes();
    int mask = ids.length - 1;
    int hash = id.hashCode();
    for (int at = slot(hash, mask); ids[at] != null; at = (at + 1) & mask) {
      if (hashes[at] == hash && expiries[at] > expiredThrough && ids[at].equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Adds an id not yet in the set. */
  public void add(String id, long expiry) {
    restoreHashes();
    if (2 * (size + 1) > ids.length) {
      // reclaims the forgotten ids' slots, leaving the table at most a quarter full: the next rebuild
      // is at least as many additions away as this one costs
      rebuild(capacityFor(live()), expiredThrough);
    }
    place(id, id.hashCode(), expiry);
    size++;
  }

  /** True, once, for an expiry time that has no timer yet: the caller registers one. */
  public boolean needsTimer(long expiry) {
    if (hasTimer(expiry)) {
      return false;
    }
    timers = Arrays.copyOf(timers, timers.length + 1);
    timers[timers.length - 1] = expiry;
    return true;
  }

  /** True when an expiry time with a timer is {@code time} or earlier: a timer at {@code time} is one of these. */
  public boolean timerDue(long time) {
    for (long t : timers) {
      if (t <= time) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code time} is an expiry time with a timer registered. */
  public boolean hasTimer(long time) {
    for (long t : timers) {
      if (t == time) {
        return true;
      }
    }
    return false;
  }

  /** Forgets the ids and timers whose expiry is {@code time} or earlier. */
  public void expire(long time) {
    int pending = 0;
    for (long t : timers) {
      if (t > time) {
        timers[pending++] = t;
      }
    }
    if (pending < timers.length) {
      timers = Arrays.copyOf(timers, pending);
    }
    expiredThrough = Math.max(expiredThrough, time);
  }

  /**
   * Puts the set on another clock (a twin's own event time, for history read far behind the watermark):
   * the ids expiring at or before {@code time} are forgotten. Unlike {@link #expire} it may move the
   * cut-off back: the ids already forgotten are dropped first, so none is seen again.
   */
  public void clockAt(long time) {
    if (time < expiredThrough) {
      restoreHashes();
      rebuild(capacityFor(live()), expiredThrough);
      expiredThrough = time;
    } else {
      expire(time);
    }
  }

  /** Whether no id is seen any more: every id's expiry has passed. */
  public boolean isEmpty() {
    // every id added through admit has its expiry among the timers, so the scan is only for a set
    // whose last timer has fired (once per quiet twin)
    return timers.length == 0 && live() == 0;
  }

  /** The ids still seen, whose slots a rebuild keeps. */
  int live() {
    int live = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] != null && expiries[i] > expiredThrough) {
        live++;
      }
    }
    return live;
  }

  /**
   * A set restored from a checkpoint taken before the hashes were kept has none (Flink's POJO schema
   * evolution leaves a new field null): works them out from the ids.
   */
  private void restoreHashes() {
    if (hashes == null || hashes.length != ids.length) {
      hashes = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        hashes[i] = ids[i] == null ? 0 : ids[i].hashCode();
      }
    }
  }

  /** A capacity at most a quarter full with {@code live} ids: the next rebuild is many additions away. */
  private static int capacityFor(int live) {
    int capacity = MIN_CAPACITY;
    while (capacity < 4 * (live + 1)) {
      capacity *= 2;
    }
    return capacity;
  }

  private void rebuild(int capacity, long expiredThrough) {
    String[] oldIds = ids;
    int[] oldHashes = hashes;
    long[] oldExpiries = expiries;
    ids = new String[capacity];
    hashes = new int[capacity];
    expiries = new long[capacity];
    size = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null && oldExpiries[i] > expiredThrough) {
        place(oldIds[i], oldHashes[i], oldExpiries[i]);
        size++;
      }
    }
  }

  private void place(String id, int hash, long expiry) {
    int mask = ids.length - 1;
    int at = slot(hash, mask);
    while (ids[at] != null) {
      at = (at + 1) & mask;
    }
    ids[at] = id;
    hashes[at] = hash;
    expiries[at] = expiry;
  }

  private static int slot(int h, int mask) {
    return (h ^ (h >>> 16)) & mask;
  }
}
