package vn.bhyt.verifier.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The card's {@code dd/MM/yyyy} dates read exactly as a strict {@link DateTimeFormatter} would. */
class CardDateTest {
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  @Test
  void readsValidDatesAndRefusesImpossibleOnes() {
    assertThat(CardQrParser.cardDate("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(CardQrParser.cardDate("01/01/2026")).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(CardQrParser.cardDate("29/02/2025")).isNull();
    assertThat(CardQrParser.cardDate("31/04/2026")).isNull();
    assertThat(CardQrParser.cardDate("1/1/2026")).isNull();
    assertThat(CardQrParser.cardDate("01-01-2026")).isNull();
    assertThat(CardQrParser.cardDate("０1/01/2026")).isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void agreesWithTheStrictFormatterOnRandomText(long seed) {
    Random random = new Random(seed);
    String alphabet = "0123456789/-+ a";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      if (random.nextBoolean()) {
        s.append(
            String.format(
                "%02d/%02d/%04d", random.nextInt(34), random.nextInt(14), random.nextInt(10_000)));
        if (random.nextInt(4) == 0) {
          s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(15)));
        }
      } else {
        int length = 8 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = s.toString();
      assertThat(CardQrParser.cardDate(text)).as(text).isEqualTo(strict(text));
    }
  }

  private static LocalDate strict(String text) {
    try {
      return LocalDate.parse(text, STRICT);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
