package vn.bhyt.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetDateTimeWriterTest {
  @Test
  void alwaysWritesSecondsAndTheOffset() {
    OffsetDateTime t = OffsetDateTime.of(2026, 11, 23, 8, 15, 0, 0, ZoneOffset.ofHours(7));
    assertThat(new String(Json.write(t))).isEqualTo("\"2026-11-23T08:15:00+07:00\"");
    assertThat(
            OffsetDateTimeWriter.format(t.withNano(5_000_000).withOffsetSameLocal(ZoneOffset.UTC)))
        .isEqualTo("2026-11-23T08:15:00.005Z");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void readsBackAsTheSameInstant(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              random.nextInt(2_000_000_000),
              random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(29) - 14) * 1800);
      OffsetDateTime t = OffsetDateTime.ofInstant(at, offset);
      String text = OffsetDateTimeWriter.format(t);
      assertThat(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isEqualTo(t);
      assertThat(text).hasSizeGreaterThanOrEqualTo("2026-11-23T08:15:00Z".length());
    }
  }
}
