package ai.digitaltwin.jobs.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class News2Test {
  @Test
  void bandsFollowTheChart() {
    assertThat(News2.pulse(40.0)).isEqualTo(3);
    assertThat(News2.pulse(41.0)).isEqualTo(1);
    assertThat(News2.pulse(51.0)).isZero();
    assertThat(News2.pulse(90.0)).isZero();
    assertThat(News2.pulse(91.0)).isEqualTo(1);
    assertThat(News2.pulse(111.0)).isEqualTo(2);
    assertThat(News2.pulse(131.0)).isEqualTo(3);
    assertThat(News2.spo2(96.0)).isZero();
    assertThat(News2.spo2(94.0)).isEqualTo(1);
    assertThat(News2.spo2(92.0)).isEqualTo(2);
    assertThat(News2.spo2(91.0)).isEqualTo(3);
    assertThat(News2.systolic(111.0)).isZero();
    assertThat(News2.systolic(90.0)).isEqualTo(3);
    assertThat(News2.systolic(220.0)).isEqualTo(3);
    assertThat(News2.temp(36.1)).isZero();
    assertThat(News2.temp(38.0)).isZero();
    assertThat(News2.temp(38.1)).isEqualTo(1);
    assertThat(News2.temp(39.1)).isEqualTo(2);
    assertThat(News2.resp(12.0)).isZero();
    assertThat(News2.resp(25.0)).isEqualTo(3);
  }

  @Test
  void aggregateAndRisk() {
    News2 calm = News2.of(70.0, 97.0, 14.0, 120.0, 36.6);
    assertThat(calm.total()).isZero();
    assertThat(calm.risk()).isEqualTo("low");
    News2 sick = News2.of(125.0, 92.0, 22.0, 100.0, 39.2);
    assertThat(sick.total()).isEqualTo(2 + 2 + 2 + 2 + 2);
    assertThat(sick.risk()).isEqualTo("high");
    assertThat(News2.of(null, 91.0, null, null, null).risk()).isEqualTo("medium");
    assertThat(calm.json()).isEqualTo("{\"pulse\":0,\"spo2\":0,\"resp\":0,\"systolic\":0,\"temp\":0,\"total\":0}");
  }
}
