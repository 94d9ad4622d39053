package ai.digitaltwin.bench.report;

import java.util.Locale;

/** A bound a figure is held to: on the ratio to its reference, or on its own value. */
public record Goal(Target target, boolean atLeast, double bound) {
  public enum Target { RATIO, VALUE }

  public static Goal ratioAtLeast(double bound) {
    return new Goal(Target.RATIO, true, bound);
  }

  public static Goal ratioAtMost(double bound) {
    return new Goal(Target.RATIO, false, bound);
  }

  public static Goal valueAtLeast(double bound) {
    return new Goal(Target.VALUE, true, bound);
  }

  public static Goal valueAtMost(double bound) {
    return new Goal(Target.VALUE, false, bound);
  }

  /** Whether the figure meets this goal; a ratio goal is not met without a reference. */
  public boolean met(Figure figure) {
    Double x = target == Target.RATIO ? figure.ratio() : Double.valueOf(figure.value().median());
    if (x == null || x.isNaN()) {
      return false;
    }
    return atLeast ? x >= bound : x <= bound;
  }

  public String describe(String unit) {
    String op = atLeast ? ">= " : "<= ";
    return target == Target.RATIO ? "ratio " + op + Format.number(bound)
        : op + Format.number(bound) + " " + unit;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s %s", target, atLeast ? ">=" : "<=", bound);
  }
}
