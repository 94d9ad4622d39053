package ai.digitaltwin.importer.apple;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AppleDatesTest {
  @Test
  void thePositionalReadingAgreesWithTheFormatterAndLeavesEverythingElseToIt() {
    SplittableRandom random = new SplittableRandom(3);
    String[] offsets = {"-0800", "+0000", "+0530", "-0330", "+1245", "+0100"};
    for (int i = 0; i < 20_000; i++) {
      long second = 946_684_800L + random.nextLong(1_000_000_000L);
      String offset = offsets[random.nextInt(offsets.length)];
      String text = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second),
          java.time.ZoneOffset.of(offset)).format(AppleDates.CURRENT);
      assertThat(AppleDates.current(text)).as(text).isEqualTo(OffsetDateTime.parse(text, AppleDates.CURRENT).toInstant());
    }
    assertThat(AppleDates.current("20141018163235+0100")).isNull();
    assertThat(AppleDates.parse("20141018163235+0100")).isEqualTo(java.time.Instant.parse("2014-10-18T15:32:35Z"));
    assertThat(AppleDates.current("2020-02-30 08:00:00 -0800")).isNull();
    assertThat(AppleDates.parse("2020-01-0x 08:00:00 -0800")).isNull();
  }
}
