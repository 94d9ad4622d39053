package ai.digitaltwin.importer;

import ai.digitaltwin.importer.apple.AppleHealthXml;
import ai.digitaltwin.importer.fitbit.FitbitJson;
import ai.digitaltwin.importer.generic.LongCsv;
import ai.digitaltwin.importer.stanford.StanfordCsv;
import ai.digitaltwin.importer.welltory.WelltoryDaily;
import ai.digitaltwin.importer.welltory.WelltoryHrv;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats the importer reads, each told from the start of the file's content (not its name). */
public enum Format {
  APPLE_HEALTH("apple-health", AppleHealthXml::new, AppleHealthXml::matches),
  FITBIT("fitbit", FitbitJson::new, FitbitJson::matches),
  STANFORD("stanford", StanfordCsv::new, head -> StanfordCsv.matches(firstLine(head))),
  WELLTORY_DAILY("welltory-daily", WelltoryDaily::new, head -> WelltoryDaily.matches(firstLine(head))),
  WELLTORY_HRV("welltory-hrv", WelltoryHrv::new, head -> WelltoryHrv.matches(firstLine(head))),
  GENERIC_CSV("generic-csv", LongCsv::new, head -> LongCsv.matches(firstLine(head)));

  private final String id;
  private final Supplier<Parser> parser;
  private final Predicate<String> matches;

  Format(String id, Supplier<Parser> parser, Predicate<String> matches) {
    this.id = id;
    this.parser = parser;
    this.matches = matches;
  }

  public String id() {
    return id;
  }

  public Parser parser() {
    return parser.get();
  }

  /** The format whose signature the start of a file (decoded as text) has, or null. */
  public static Format detect(String head) {
    String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
    for (Format f : values()) {
      if (f.matches.test(h)) {
        return f;
      }
    }
    return null;
  }

  /** The format of a {@code --format} value. */
  public static Format byId(String id) {
    for (Format f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "'; one of " + ids());
  }

  public static String ids() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }

  static String firstLine(String head) {
    int nl = head.indexOf('\n');
    return (nl < 0 ? head : head.substring(0, nl)).replace("\r", "");
  }
}
