package ai.digitaltwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BehaviorPatternsTest {
  @Test
  void sharesAreWrittenAsBigDecimalRoundsThemHalfUp() {
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      double share = switch (i % 4) {
        case 0 -> random.nextDouble();
        case 1 -> (random.nextInt(2001) / 2.0) / 1000; // ties in decimal: 0.0005, 0.0015, ...
        case 2 -> random.nextInt(1001) / 1000.0;
        default -> random.nextDouble() * random.nextInt(500) / 500.0; // minutes over a total
      };
      assertThat(written(share)).as("share %s", share).isEqualTo(reference(share));
    }
    for (double share : new double[] {0, 1, 0.0005, 0.0015, 0.1235, 0.9995, 1e-300, Math.nextDown(1.0)}) {
      assertThat(written(share)).as("share %s", share).isEqualTo(reference(share));
    }
  }

  private static String written(double share) {
    StringBuilder json = new StringBuilder();
    BehaviorPatterns.appendShare(json, share);
    return json.toString();
  }

  private static String reference(double share) {
    return BigDecimal.valueOf(share).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }
}
