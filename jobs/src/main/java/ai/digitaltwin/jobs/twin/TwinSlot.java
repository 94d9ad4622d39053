package ai.digitaltwin.jobs.twin;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;

/**
 * Everything {@link TwinStateFunction} keeps for one twin, as one keyed value (a Flink POJO): read once and
 * written once per input or timer, where four value states cost a lookup each, several per input.
 */
public class TwinSlot {
  public static final TypeInformation<TwinSlot> TYPE = type();

  /** The folded model; {@code null} before the first input and after a deletion. */
  public TwinModel model;
  /** Inputs waiting for the watermark, in {@link TwinInput#EVENT_TIME_ORDER} ({@link EventTimeBuffer}). */
  public List<TwinInput> waiting = new ArrayList<>();
  /** The time of this twin's one event-time timer; {@code null} while none is registered. */
  public Long wakeUp;
  /** The watermark when the stall check was armed; {@code null} while no check is pending. */
  public Long stallCheck;

  public TwinSlot() {}

  /** Nothing kept and nothing pending: the keyed value can be cleared. */
  boolean isEmpty() {
    return model == null && waiting.isEmpty() && wakeUp == null && stallCheck == null;
  }

  private static TypeInformation<TwinSlot> type() {
    return new PojoTypeInfo<>(TwinSlot.class, List.of(
        new PojoField(field("model"), TypeInformation.of(TwinModel.class)),
        new PojoField(field("waiting"), Types.LIST(TwinInput.TYPE)),
        new PojoField(field("wakeUp"), Types.LONG),
        new PojoField(field("stallCheck"), Types.LONG)));
  }

  private static Field field(String name) {
    try {
      return TwinSlot.class.getField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("TwinSlot has no field " + name, e);
    }
  }
}
