package vn.bhyt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * ULIDs sort as their times, and so do their bytes: the audit table's primary key, a check's ULID,
 * is its time order.
 */
class UlidsTest {
  @RepeatedTest(20)
  void idsOfLaterTimesSortAfterIdsOfEarlierOnes(RepetitionInfo repetition) {
    Random random = new Random(7_919L * repetition.getCurrentRepetition());
    long millis = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      millis += 1 + random.nextInt(10_000_000);
      ids.add(Ulids.next(Instant.ofEpochMilli(millis)));
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
      String id = Ulids.next(at);
      assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
      assertThat(id.substring(0, 10)).isEqualTo(Ulids.next(at).substring(0, 10));
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @RepeatedTest(20)
  void bytesAreTheIdAsOneBase32NumberAndSortAsTheText(RepetitionInfo repetition) {
    Random random = new Random(104_729L * repetition.getCurrentRepetition());
    String previous = Ulids.next(Instant.EPOCH);
    for (int i = 0; i < 1_000; i++) {
      String id = Ulids.next(Instant.ofEpochMilli(random.nextLong(1L << 48)));
      byte[] bytes = Ulids.bytes(id);
      assertThat(new BigInteger(1, bytes)).isEqualTo(base32(id));
      assertThat(Integer.signum(Arrays.compareUnsigned(bytes, Ulids.bytes(previous))))
          .isEqualTo(Integer.signum(id.compareTo(previous)));
      previous = id;
    }
  }

  @Test
  void bytesRefuseTextThatIsNotAnId() {
    for (String bad :
        List.of(
            "",
            "01KAQ7Z4M3W9B8N2C5D6E7F8G",
            "81KAQ7Z4M3W9B8N2C5D6E7F8G9",
            "01KAQ7Z4M3W9B8N2C5D6E7F8GU",
            "01kaq7z4m3w9b8n2c5d6e7f8g9",
            "01KAQ7Z4M3W9B8N2C5D6E7F8Gđ")) {
      assertThatThrownBy(() -> Ulids.bytes(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The id read as one number in Crockford's base 32, independently of the code under test. */
  private static BigInteger base32(String id) {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    BigInteger n = BigInteger.ZERO;
    for (char c : id.toCharArray()) {
      n = n.shiftLeft(5).add(BigInteger.valueOf(alphabet.indexOf(c)));
    }
    return n;
  }
}
