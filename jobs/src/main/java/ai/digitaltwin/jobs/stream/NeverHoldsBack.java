package ai.digitaltwin.jobs.stream;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The watermark of an input whose events apply as they arrive (the registry's changes beside the
 * readings): always the end of time, so that the step's watermark is the readings' own. Without it the
 * step's watermark would wait for that input, and a reading far behind the readings' watermark (an
 * imported history) could look current to the detectors until the input turned idle, then see its open
 * episode closed by the jump.
 */
final class NeverHoldsBack<E> implements WatermarkGenerator<E> {
  @Override
  public void onEvent(E event, long eventTimestamp, WatermarkOutput output) {}

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(Long.MAX_VALUE));
  }
}
