package ai.digitaltwin.jobs.twin;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * One twin's inputs waiting for the watermark ({@link TwinSlot#waiting}), kept in {@link
 * TwinInput#EVENT_TIME_ORDER}. Taken out from the front: everything the watermark has passed, or all but
 * the trailing behaviour when the watermark stands still.
 *
 * <p>Sized for the heap state backend the job runs on: the list is changed in place; an input that
 * arrives in order is appended, one read behind another topic's is placed by a binary search (behaviour
 * read hours ahead of the readings would otherwise be walked past by each reading).
 */
final class EventTimeBuffer {
  private final TypeSerializer<TwinInput> copier;

  EventTimeBuffer(TypeSerializer<TwinInput> copier) {
    this.copier = copier;
  }

  /**
   * Keeps the input itself, but a registry change as a deep copy: readings, behaviour and chat are
   * immutable values, while a registry event is a mutable Avro object that an input reusing objects could
   * deserialize the next record into (a heap state backend keeps references, not bytes).
   */
  void add(List<TwinInput> inputs, TwinInput in) {
    inputs.add(insertionPoint(inputs, in), in.registry() == null ? in : copier.copy(in));
  }

  /**
   * Where {@code in} goes: after the last input that does not sort after it. Usually the end; when one
   * topic is read ahead of another (hours of behaviour waiting for the readings), a binary search.
   */
  private static int insertionPoint(List<TwinInput> inputs, TwinInput in) {
    int low = 0;
    int high = inputs.size();
    if (high == 0 || TwinInput.EVENT_TIME_ORDER.compare(inputs.get(high - 1), in) <= 0) {
      return high;
    }
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (TwinInput.EVENT_TIME_ORDER.compare(inputs.get(mid), in) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Every input of time {@code watermark} or earlier, in {@link TwinInput#EVENT_TIME_ORDER}, removed from {@code inputs}. */
  static List<TwinInput> takeThrough(List<TwinInput> inputs, long watermark) {
    int end = 0;
    while (end < inputs.size() && inputs.get(end).ts() <= watermark) {
      end++;
    }
    return takeFirst(inputs, end);
  }

  /**
   * Every input waiting but the behaviour after the last input of another kind, in {@link
   * TwinInput#EVENT_TIME_ORDER}: behaviour read ahead of the readings stays; readings, chat messages
   * and registry changes (which people send when they send them, with no stream to wait for) do not.
   */
  static List<TwinInput> takeAllButTrailingBehaviour(List<TwinInput> inputs) {
    int end = inputs.size();
    while (end > 0 && inputs.get(end - 1).behavior() != null) {
      end--;
    }
    return takeFirst(inputs, end);
  }

  /** The event time of the earliest input waiting, or {@link Long#MAX_VALUE} when none waits. */
  static long firstTs(List<TwinInput> inputs) {
    return inputs.isEmpty() ? Long.MAX_VALUE : inputs.get(0).ts();
  }

  private static List<TwinInput> takeFirst(List<TwinInput> inputs, int end) {
    if (end == 0) {
      return List.of();
    }
    List<TwinInput> front = inputs.subList(0, end);
    List<TwinInput> taken = new ArrayList<>(front);
    front.clear();
    return taken;
  }
}
