package vn.bhyt.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Check ids sort as their checks' times: the audit table's primary key is its time order. */
class CheckIdsTest {
  @RepeatedTest(20)
  void idsOfLaterChecksSortAfterIdsOfEarlierOnes(RepetitionInfo repetition) {
    Random random = new Random(7_919L * repetition.getCurrentRepetition());
    long millis = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      millis += 1 + random.nextInt(10_000_000);
      ids.add(CheckIds.next(Instant.ofEpochMilli(millis)));
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertThat(sorted).isEqualTo(ids);
  }

  @Test
  void idsAreAsciiOfTwentySixCharactersAndUniqueWithinOneMillisecond() {
    Instant at = Instant.parse("2026-11-24T03:00:00.123Z");
    HashSet<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CheckIds.next(at);
      assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
      assertThat(id.substring(0, 10)).isEqualTo(CheckIds.next(at).substring(0, 10));
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }
}
