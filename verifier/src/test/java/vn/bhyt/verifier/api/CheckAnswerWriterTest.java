package vn.bhyt.verifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import vn.bhyt.http.Json;

/**
 * The hand-written writer against Jackson's generic serialisation of the same records, over seeded
 * random answers: missing values, odd characters, long texts, every list length up to a few.
 */
class CheckAnswerWriterTest {
  /** The same records written by Jackson's bean serialisation, with the record's annotations. */
  private static final ObjectMapper GENERIC =
      Json.mapper().copy().addMixIn(CheckAnswer.class, Generic.class);

  @JsonSerialize(using = JsonSerializer.None.class)
  private interface Generic {}

  @RepeatedTest(50)
  void writesWhatGenericSerialisationWrites(RepetitionInfo repetition) throws Exception {
    Random random = new Random(7_000 + repetition.getCurrentRepetition());
    for (int i = 0; i < 40; i++) {
      CheckAnswer answer = answer(random);
      String generic = new String(GENERIC.writeValueAsBytes(answer), StandardCharsets.UTF_8);
      String written = new String(Json.write(answer), StandardCharsets.UTF_8);
      assertThat(written).isEqualTo(generic);
    }
  }

  @Test
  void writesTheTextsOfMessagesFromTheirKeptEncodingAsGenericSerialisationDoes() throws Exception {
    for (Locale language : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      Messages text = Messages.of(language);
      String reason = text.format(Messages.REASON, "GROUP_UNKNOWN", List.of("\"Q\\\u0001é"));
      String line = text.format(Messages.COVERAGE, "LEVEL", List.of("4", "80"));
      String message = text.format(Messages.RESULT, "010", List.of());
      assertThat(Messages.encoded(reason)).isNotNull();
      assertThat(Messages.encoded(line)).isNotNull();
      CheckAnswer answer =
          new CheckAnswer(
              "010",
              "invalid",
              message,
              List.of(new CheckAnswer.Reason("GROUP_UNKNOWN", null, "warning", reason)),
              null,
              new CheckAnswer.CoverageBlock(BigDecimal.valueOf(80), "right", List.of(line, line)),
              "registry",
              "01X",
              null,
              "1.1764000000.010.registry.AAAA");
      String generic = new String(GENERIC.writeValueAsBytes(answer), StandardCharsets.UTF_8);
      assertThat(new String(Json.write(answer), StandardCharsets.UTF_8)).isEqualTo(generic);
      assertThat(generic).contains("\\u0001");
    }
  }

  @Test
  void leavesOutAMissingCoverageAndWritesOtherMissingValuesAsNull() {
    CheckAnswer answer =
        new CheckAnswer("000", "valid", null, List.of(), null, null, "registry", "01X", null, null);
    assertThat(new String(Json.write(answer), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"result\":\"000\",\"outcome\":\"valid\",\"message\":null,\"reasons\":[],"
                + "\"card\":null,\"source\":\"registry\",\"checkId\":\"01X\",\"checkedAt\":null,"
                + "\"receipt\":null}");
  }

  private static CheckAnswer answer(Random r) {
    List<CheckAnswer.Reason> reasons = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      reasons.add(new CheckAnswer.Reason(text(r), text(r), text(r), text(r)));
    }
    return new CheckAnswer(
        text(r),
        text(r),
        text(r),
        r.nextInt(10) == 0 ? null : reasons,
        r.nextInt(5) == 0 ? null : card(r),
        r.nextInt(3) == 0 ? null : coverage(r),
        text(r),
        text(r),
        r.nextInt(5) == 0
            ? null
            : OffsetDateTime.of(
                2020 + r.nextInt(10),
                1 + r.nextInt(12),
                1 + r.nextInt(28),
                r.nextInt(24),
                r.nextInt(60),
                r.nextInt(60),
                r.nextBoolean() ? 0 : r.nextInt(1_000_000_000),
                ZoneOffset.ofHours(r.nextInt(25) - 12)),
        r.nextInt(5) == 0 ? null : text(r));
  }

  private static CheckAnswer.Card card(Random r) {
    return new CheckAnswer.Card(
        text(r),
        text(r),
        text(r),
        text(r),
        r.nextInt(4) == 0 ? null : r.nextInt(6),
        text(r),
        text(r),
        text(r),
        text(r),
        text(r),
        text(r),
        date(r),
        date(r),
        date(r),
        text(r),
        date(r),
        text(r));
  }

  private static CheckAnswer.CoverageBlock coverage(Random r) {
    List<String> lines = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      lines.add(text(r));
    }
    BigDecimal percent =
        switch (r.nextInt(4)) {
          case 0 -> null;
          case 1 -> new BigDecimal("8E+1");
          case 2 -> BigDecimal.valueOf(r.nextInt(1001), 1);
          default -> BigDecimal.valueOf(r.nextInt(101));
        };
    return new CheckAnswer.CoverageBlock(percent, text(r), r.nextInt(6) == 0 ? null : lines);
  }

  private static LocalDate date(Random r) {
    return r.nextInt(4) == 0
        ? null
        : LocalDate.of(1 + r.nextInt(9_999), 1, 1).plusDays(r.nextInt(365));
  }

  /** Null, empty, ASCII, Vietnamese, quotes, control characters, surrogate pairs, long. */
  private static String text(Random r) {
    if (r.nextInt(6) == 0) {
      return null;
    }
    String pieces = "aZ09 -\"\\/\n\t\u0001\u007fđĐươẠễ€\uD83D\uDE00<>&'";
    StringBuilder s = new StringBuilder();
    int length = r.nextInt(10) == 0 ? 100 + r.nextInt(100) : r.nextInt(20);
    while (s.length() < length) {
      int i = r.nextInt(pieces.length());
      if (Character.isHighSurrogate(pieces.charAt(i))) {
        s.append(pieces, i, i + 2);
      } else if (!Character.isLowSurrogate(pieces.charAt(i))) {
        s.append(pieces.charAt(i));
      }
    }
    return s.toString();
  }
}
