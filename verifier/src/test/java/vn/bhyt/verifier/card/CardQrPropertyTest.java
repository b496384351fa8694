package vn.bhyt.verifier.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * Property-style tests over seeded random inputs: the parser inverts the writer and never escapes.
 */
class CardQrPropertyTest {
  private static final String ALPHABET =
      "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ ,.-'0123456789|$/\\\"\u0000\u2013";

  @RepeatedTest(500)
  void parsingWhatTheWriterWroteGivesThePayloadBack(RepetitionInfo run) throws Exception {
    Random random = new Random(run.getCurrentRepetition());
    CardPayload card = randomCard(random);
    assertThat(CardQrParser.parse(CardQrWriter.encode(card))).isEqualTo(card);
  }

  @RepeatedTest(2_000)
  void arbitraryTextGivesAScanOrADocumentedError(RepetitionInfo run) {
    Random random = new Random(1_000_000L + run.getCurrentRepetition());
    String text =
        random.nextBoolean()
            ? mutate(CardQrWriter.encode(randomCard(random)), random)
            : noise(random);
    Throwable failure = catchThrowable(() -> assertThat(CardQrParser.parse(text)).isNotNull());
    if (failure != null) {
      assertThat(failure).isInstanceOf(QrParseException.class);
      assertThat(((QrParseException) failure).reason()).isNotNull();
    }
  }

  static CardPayload randomCard(Random r) {
    boolean newModel = r.nextBoolean();
    String ssn = String.format("%010d", Math.floorMod(r.nextLong(), 10_000_000_000L));
    CardNumber number = CardNumber.of(newModel ? ssn : "DN" + (1 + r.nextInt(5)) + "79" + ssn);
    LocalDate from = LocalDate.of(2016, 1, 1).plusDays(r.nextInt(4000));
    return new CardPayload(
        number,
        words(r),
        r.nextInt(10) == 0
            ? PartialDate.ofYear(1930 + r.nextInt(90))
            : PartialDate.of(LocalDate.of(1930, 1, 1).plusDays(r.nextInt(33_000))),
        r.nextBoolean() ? Sex.MALE : Sex.FEMALE,
        r.nextBoolean() ? words(r) : null,
        new FacilityCode(String.format("%02d%03d", 1 + r.nextInt(98), r.nextInt(1000))),
        from,
        newModel ? null : from.plusDays(r.nextInt(1000)),
        from.minusDays(r.nextInt(30)),
        r.nextBoolean() ? "79" + ssn : null,
        r.nextInt(5) == 0 ? words(r) : null,
        r.nextInt(4) == 0 ? LivingArea.values()[r.nextInt(3)] : null,
        r.nextBoolean() ? from.minusYears(5) : null,
        Long.toHexString(r.nextLong()) + "-7102",
        newModel ? Integer.valueOf(1 + r.nextInt(5)) : null,
        newModel ? words(r) : null,
        newModel ? 16 : 14);
  }

  private static String words(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(30);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    String s = b.toString().strip();
    return s.isEmpty() || s.equals("-") ? "An" : s;
  }

  private static String mutate(String text, Random r) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        default -> b.setCharAt(at, (char) r.nextInt(0x3000));
      }
    }
    return b.toString();
  }

  private static String noise(Random r) {
    char[] c = new char[r.nextInt(300)];
    for (int i = 0; i < c.length; i++) {
      c[i] = r.nextInt(4) == 0 ? '|' : (char) r.nextInt(0x10000);
    }
    return new String(c);
  }
}
