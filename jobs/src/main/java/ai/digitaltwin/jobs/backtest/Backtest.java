package ai.digitaltwin.jobs.backtest;

import ai.digitaltwin.catalog.BatchRecords;
import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.catalog.TwinCatalog;
import ai.digitaltwin.jobs.anomaly.AnomalyDetector;
import ai.digitaltwin.jobs.anomaly.DetectorClock;
import ai.digitaltwin.jobs.batch.HealthHistory;
import ai.digitaltwin.jobs.batch.TwinZones;
import ai.digitaltwin.jobs.ingest.Consumed;
import ai.digitaltwin.jobs.types.AvroTypeInfo;
import ai.digitaltwin.schemas.Anomaly;
import ai.digitaltwin.schemas.HealthEvent;
import ai.digitaltwin.schemas.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reruns the detectors (the stream job's own {@link AnomalyDetector}, in BATCH mode, where each twin's
 * readings arrive sorted by time) and the original fixed rules over {@code health_events}, and scores
 * both against {@code ground_truth}, which no detector ever reads.
 */
public final class Backtest {
  private Backtest() {}

  public static BacktestReport run(StreamExecutionEnvironment env, CatalogConfig catalog) throws Exception {
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    Map<String, String> zones;
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      zones = TwinZones.of(twins); // each twin's nights in its own zone, as the stream job finds them
    }
    KeyedStream<Consumed<HealthEvent>, String> readings =
        HealthHistory.read(env, catalog).keyBy(Consumed::twinId, Types.STRING);
    DataStream<Anomaly> anomalies =
        readings.process(new AnomalyDetector(DetectorClock.HISTORY_QUIET, zones), AvroTypeInfo.forClass(Anomaly.class))
            .name("anomaly detection").uid("anomaly-detection");
    DataStream<Episode> fixed =
        readings.process(new FixedRules(), TypeInformation.of(Episode.class)).name("fixed rules").uid("fixed-rules");

    TypeInformation<Found> found = TypeInformation.of(Found.class);
    DataStream<Found> all =
        anomalies
            .map(Found::of, found)
            .name("detections")
            .uid("detections")
            .union(fixed.map(Found::of, found).name("fixed rule episodes").uid("fixed-rule-episodes"));
    Detections detected = new Detections();
    List<Episode> baseline = new ArrayList<>();
    try (CloseableIterator<Found> results = all.executeAndCollect("twin-backtest")) {
      while (results.hasNext()) {
        Found f = results.next();
        if (f.fixedRule()) {
          baseline.add(f.episode(f.ts()));
        } else {
          detected.add(f);
        }
      }
    }
    long count;
    List<Episode> truth = new ArrayList<>();
    try (TwinCatalog twins = TwinCatalog.open(catalog);
        CloseableIterable<Record> rows = IcebergGenerics.read(twins.table(Tables.GROUND_TRUTH)).build()) {
      for (Record r : rows) {
        long start = ((OffsetDateTime) r.getField("start_ts")).toInstant().toEpochMilli();
        long end = ((OffsetDateTime) r.getField("end_ts")).toInstant().toEpochMilli();
        truth.add(new Episode((String) r.getField("twin_id"), (String) r.getField("type"), start, end, start));
      }
      count = twins.table(Tables.HEALTH_EVENTS).currentSnapshot() == null
          ? 0
          : Long.parseLong(twins.table(Tables.HEALTH_EVENTS).currentSnapshot().summary().getOrDefault("total-records", "0"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BacktestReport report = new BacktestReport(count, Scoring.score(detected.episodes(), truth), Scoring.score(baseline, truth));
    record(catalog, report);
    return report;
  }

  /** Leaves the headline figures on {@code ground_truth}'s properties, where the pipeline page reads them. */
  private static void record(CatalogConfig catalog, BacktestReport report) {
    try (TwinCatalog twins = TwinCatalog.open(catalog)) {
      twins.table(Tables.GROUND_TRUTH).updateProperties()
          .set(BatchRecords.BACKTEST_AT, java.time.Instant.now().toString())
          .set(BatchRecords.BACKTEST_READINGS, String.valueOf(report.readings()))
          .set(BatchRecords.BACKTEST_F1, f1(report.detector("all")))
          .set(BatchRecords.BACKTEST_FIXED_RULES_F1, f1(report.fixedRule("all")))
          .commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String f1(TypeScore score) {
    return Double.isNaN(score.f1()) ? "" : String.valueOf(score.f1());
  }

}
