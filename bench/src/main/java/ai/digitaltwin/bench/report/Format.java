package ai.digitaltwin.bench.report;

import java.util.Locale;

/** Numbers as the table shows them: three significant digits, thousands separated. */
public final class Format {
  private Format() {}

  public static String number(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    double a = Math.abs(x);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", x);
    }
    if (a >= 100 || a == Math.rint(a)) {
      return String.format(Locale.ROOT, "%.0f", x);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    return String.format(Locale.ROOT, "%.2f", x);
  }

  /** "median unit (min-max, n=3)". */
  public static String measure(Measure m) {
    if (m == null) {
      return "";
    }
    Samples s = m.samples();
    String out = number(s.median()) + " " + m.unit();
    if (s.count() > 1) {
      out += " (" + number(s.min()) + "-" + number(s.max()) + ", n=" + s.count() + ")";
    }
    return out;
  }

  /** A simulated span as a row note says it: "6 h", "1 day", "30 days". */
  public static String span(java.time.Duration d) {
    if (d.toHours() % 24 != 0) {
      return d.toHours() + " h";
    }
    return d.toDays() + (d.toDays() == 1 ? " day" : " days");
  }

  /** Run-by-run ratios a[i] / b[i], e.g. "0.49, 1.76, 0.65": how much the pairing, not the medians, says. */
  public static String pairedRatios(java.util.List<Double> a, java.util.List<Double> b) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      out.add(number(a.get(i) / b.get(i)));
    }
    return String.join(", ", out);
  }
}
