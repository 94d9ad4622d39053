package ai.digitaltwin.jobs.stream;

import static org.assertj.core.api.Assertions.assertThatCode;

import ai.digitaltwin.catalog.CatalogConfig;
import ai.digitaltwin.jobs.JobConfig;
import ai.digitaltwin.jobs.ingest.KafkaRecord;
import java.nio.file.Path;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's own graph (Iceberg's sink, which uses Kryo for its commit messages, left out). */
class StreamJobTypesTest {
  @TempDir Path dir;

  @Test
  void everyEdgeOfTheGraphHasItsOwnSerializerNotKryo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    JobConfig config = JobConfig.defaults(CatalogConfig.local(dir));
    TwinStreamJob.configure(env, config);
    ((SerializerConfigImpl) env.getConfig().getSerializerConfig()).setGenericTypes(false);

    StreamOutputs outputs =
        TwinStreamJob.build(new StreamInputs(raw(env), raw(env), raw(env), raw(env), raw(env)), config);
    outputs.tables().values().forEach(rows -> rows.sinkTo(new DiscardingSink<>()));
    outputs.states().sinkTo(new DiscardingSink<>());
    outputs.anomalies().sinkTo(new DiscardingSink<>());

    assertThatCode(env::getStreamGraph).doesNotThrowAnyException(); // serializers are made per edge here
  }

  private static DataStream<KafkaRecord> raw(StreamExecutionEnvironment env) {
    return env.fromData(TypeInformation.of(KafkaRecord.class), KafkaRecord.of("t", 0, 0, 0, new byte[0]));
  }
}
