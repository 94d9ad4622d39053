package ai.digitaltwin.importer.apple;

import ai.digitaltwin.importer.ImportContext;
import ai.digitaltwin.importer.Metric;
import ai.digitaltwin.importer.Parser;
import ai.digitaltwin.importer.Reading;
import ai.digitaltwin.importer.ReadingSink;
import ai.digitaltwin.importer.UnreadableInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Apple Health's {@code export.xml}, read with StAX one element at a time (exports reach gigabytes).
 * Each {@code <Record type=… unit=… value=… startDate=… endDate=…/>} of a vital becomes a reading in the
 * contract's unit: heart rate (count/min), SpO2 (a fraction, as percent), respiratory rate, body
 * temperature (degF converted to °C), blood pressure (mmHg), step counts (stamped at {@code endDate}: the
 * steps of the interval that ends there), the watch's daily resting heart rate ({@code resting_hr}). The
 * device or app ({@code sourceName}, {@code source} in early exports) is part of a sample's identity. HRV
 * is SDNN in Apple Health and the contract's {@code hrv_ms} is RMSSD; sleep has no field yet: both counted
 * as skipped with that reason, as is every other type, {@code <Workout>} and {@code <ActivitySummary>}. A record inside a
 * {@code <Correlation>} (blood pressure pairs) repeats a top-level record and is not read twice. The DTD
 * in the header is not loaded or applied.
 */
public final class AppleHealthXml implements Parser {
  static final String SDNN = "HRV SDNN (hrv_ms carries RMSSD)";
  static final String SLEEP = "sleep analysis (no field in the wire contract)";

  record Kind(Metric metric, Map<String, Double> unitScale, double offset) {}

  private static final Map<String, Kind> KINDS = Map.of(
      "HKQuantityTypeIdentifierHeartRate", new Kind(Metric.HEART_RATE, Map.of("count/min", 1.0), 0),
      "HKQuantityTypeIdentifierOxygenSaturation", new Kind(Metric.SPO2, Map.of("%", 100.0), 0),
      "HKQuantityTypeIdentifierRespiratoryRate", new Kind(Metric.RESP_RATE, Map.of("count/min", 1.0), 0),
      "HKQuantityTypeIdentifierBodyTemperature", new Kind(Metric.BODY_TEMP_C, Map.of("degC", 1.0), 0),
      "HKQuantityTypeIdentifierBloodPressureSystolic", new Kind(Metric.SYSTOLIC_BP, Map.of("mmHg", 1.0), 0),
      "HKQuantityTypeIdentifierBloodPressureDiastolic", new Kind(Metric.DIASTOLIC_BP, Map.of("mmHg", 1.0), 0),
      "HKQuantityTypeIdentifierStepCount", new Kind(Metric.STEPS, Map.of("count", 1.0), 0),
      "HKQuantityTypeIdentifierRestingHeartRate", new Kind(Metric.of("resting_hr"), Map.of("count/min", 1.0), 0));

  private static final Map<String, String> SKIPPED = Map.of(
      "HKQuantityTypeIdentifierHeartRateVariabilitySDNN", SDNN,
      "HKCategoryTypeIdentifierSleepAnalysis", SLEEP);

  /** Whether the start of a file is an Apple Health export. */
  public static boolean matches(String head) {
    return head.contains("<HealthData") || head.contains("<!DOCTYPE HealthData");
  }

  @Override
  public void read(InputStream in, String name, ImportContext ctx, ReadingSink out)
      throws IOException, UnreadableInputException {
    XMLStreamReader xml = null;
    try {
      xml = factory().createXMLStreamReader(in);
      int correlation = 0;
      boolean root = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Correlation")) {
          correlation--;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "HealthData" -> root = true;
          case "Correlation" -> correlation++;
          case "Record" -> {
            if (correlation > 0) {
              out.skip("Record inside a Correlation (its top-level copy is read)");
            } else {
              record(xml, out);
            }
          }
          case "Workout" -> out.skip("Workout (not imported)");
          case "ActivitySummary" -> out.skip("ActivitySummary (not imported)");
          default -> { }
        }
      }
      if (!root) {
        throw new UnreadableInputException(name + ": not an Apple Health export (no <HealthData> element)");
      }
    } catch (XMLStreamException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
          + ", column " + e.getLocation().getColumnNumber();
      throw new UnreadableInputException(name + ": not well-formed XML" + where + " (" + firstLine(e.getMessage())
          + "); the export is truncated or damaged, and nothing after that point was read");
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // closing a reader that already failed: nothing more to report
        }
      }
    }
  }

  private static void record(XMLStreamReader xml, ReadingSink out) {
    // one pass over the attributes: looking each up by name scans them all every time
    String type = null;
    String unit = null;
    String raw = null;
    String start = null;
    String end = null;
    String source = null;
    String oldSource = null;
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      String value = xml.getAttributeValue(i);
      switch (xml.getAttributeLocalName(i)) {
        case "type" -> type = value;
        case "unit" -> unit = value;
        case "value" -> raw = value;
        case "startDate" -> start = value;
        case "endDate" -> end = value;
        case "sourceName" -> source = value;
        case "source" -> oldSource = value;
        default -> { }
      }
    }
    Kind kind = type == null ? null : KINDS.get(type);
    if (kind == null) {
      String reason = type == null ? null : SKIPPED.get(type);
      out.skip(reason != null ? reason : "not a vital of the contract: " + (type == null ? "Record without type" : type));
      return;
    }
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException | NullPointerException e) {
      out.skip("unparseable " + kind.metric().field() + " value");
      return;
    }
    Double scale = kind.unitScale().get(unit);
    if (kind.metric() == Metric.BODY_TEMP_C && "degF".equals(unit)) {
      value = (value - 32) * 5 / 9;
    } else if (kind.metric() == Metric.SPO2 && "%".equals(unit) && value > 1) {
      // some writers store percent under "%": Apple's own samples are fractions
    } else if (scale == null) {
      out.skip("unit '" + unit + "' not understood for " + kind.metric().field());
      return;
    } else {
      value *= scale;
    }
    Instant at = AppleDates.parse(kind.metric() == Metric.STEPS ? end : start);
    if (at == null) {
      out.skip("unparseable timestamp");
      return;
    }
    if (source == null) {
      source = oldSource;
    }
    out.accept(new Reading(at, kind.metric(), value, "apple:" + (source == null ? "" : source)));
  }

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.lastIndexOf('\n');
    return nl >= 0 ? m.substring(nl + 1).strip() : m;
  }
}
