package vn.bhyt.verifier.card;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.card.QrParseException.Reason;

/**
 * Parses the text of a card's QR code: the health insurance card payload (old and new model,
 * truncated ones included) or a chip citizen-ID card's.
 *
 * <p>Tolerates what scanners and printers do: stray spaces, hex in either case, a missing final
 * {@code $}, trailing CR/LF, an en dash in the facility code.
 */
public final class CardQrParser {
  /** The longest text accepted; real payloads are under 700 characters. */
  public static final int MAX_LENGTH = 4096;

  private static final int MIN_FIELDS = 9;
  private static final int MAX_FIELDS = 16;
  private static final DateTimeFormatter CITIZEN_DATE =
      DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

  private CardQrParser() {}

  /**
   * Parses scanned text.
   *
   * @throws QrParseException when the text is neither a card payload nor a citizen-ID QR
   */
  public static Scan parse(String text) throws QrParseException {
    if (text == null || text.isBlank()) {
      throw new QrParseException(Reason.EMPTY, -1, "the QR text is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new QrParseException(
          Reason.TOO_LONG,
          -1,
          "the QR text has "
              + text.length()
              + " characters (expected: at most "
              + MAX_LENGTH
              + ")");
    }
    String[] fields = text.replace("\uFEFF", "").strip().split("\\|", -1);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].strip();
    }
    boolean terminated = fields[fields.length - 1].equals("$");
    if (terminated) {
      fields = Arrays.copyOf(fields, fields.length - 1);
    }
    if (!terminated && fields.length == 7 && fields[0].matches("[0-9]{12}")) {
      return citizenId(fields);
    }
    if (fields.length < MIN_FIELDS || fields.length > MAX_FIELDS) {
      throw new QrParseException(
          Reason.WRONG_FIELD_COUNT,
          -1,
          "the QR text has "
              + fields.length
              + " fields (expected: "
              + MIN_FIELDS
              + " to "
              + MAX_FIELDS
              + " and a final $)");
    }
    return card(fields);
  }

  private static CardPayload card(String[] f) throws QrParseException {
    if (empty(f[0])) {
      throw new QrParseException(Reason.MISSING_NUMBER, 0, "field 0 (card number) is empty");
    }
    CardNumber number = CardNumber.of(f[0]);
    return new CardPayload(
        number,
        hex(f, 1),
        birthDate(f, 2),
        sex(f[3]),
        hex(f, 4),
        facility(f, 5),
        date(f, 6),
        date(f, 7),
        date(f, 8),
        plain(f, 9),
        hex(f, 10),
        livingArea(at(f, 11)),
        date(f, 12),
        plain(f, 13),
        number.model() == CardNumber.Model.NEW ? level(at(f, 14)) : null,
        hex(f, 15),
        f.length);
  }

  private static CitizenIdPayload citizenId(String[] f) throws QrParseException {
    LocalDate born = citizenDate(f, 3);
    return new CitizenIdPayload(
        f[0],
        f[1].matches("[0-9]{9}") ? f[1] : null,
        empty(f[2]) ? null : f[2],
        born == null ? null : birthDate(born, 3),
        switch (f[4].toLowerCase(java.util.Locale.ROOT)) {
          case "nam" -> Sex.MALE;
          case "nữ", "nu" -> Sex.FEMALE;
          default -> null;
        },
        empty(f[5]) ? null : f[5],
        citizenDate(f, 6));
  }

  private static @Nullable String at(String[] f, int i) {
    return i < f.length ? f[i] : null;
  }

  private static boolean empty(@Nullable String v) {
    return v == null || v.isEmpty() || v.equals("-");
  }

  private static @Nullable String plain(String[] f, int i) {
    String v = at(f, i);
    return v == null || empty(v) ? null : v;
  }

  static @Nullable String hex(String[] f, int i) throws QrParseException {
    String v = at(f, i);
    if (v == null || empty(v)) {
      return null;
    }
    if ((v.length() & 1) != 0) {
      throw new QrParseException(Reason.NOT_HEX, i, "field " + i + " is not hex text (odd length)");
    }
    byte[] bytes = new byte[v.length() / 2];
    for (int b = 0; b < bytes.length; b++) {
      int hi = Character.digit(v.charAt(2 * b), 16);
      int lo = Character.digit(v.charAt(2 * b + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new QrParseException(Reason.NOT_HEX, i, "field " + i + " is not hex text");
      }
      bytes[b] = (byte) (hi << 4 | lo);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) {
      // the lenient decoding replaced malformed bytes, or the text holds U+FFFD itself
      text = strictUtf8(bytes, i);
    }
    return text.strip();
  }

  private static String strictUtf8(byte[] bytes, int field) throws QrParseException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new QrParseException(Reason.NOT_UTF8, field, "field " + field + " is not UTF-8 text");
    }
  }

  private static @Nullable LocalDate date(String[] f, int i) throws QrParseException {
    String v = at(f, i);
    if (v == null || empty(v)) {
      return null;
    }
    LocalDate date = cardDate(v);
    if (date == null) {
      throw new QrParseException(
          Reason.BAD_DATE, i, "field " + i + " is not a date (expected: dd/MM/yyyy)");
    }
    return date;
  }

  /** A date written {@code dd/MM/yyyy} with ASCII digits, or null when the text is not one. */
  static @Nullable LocalDate cardDate(String v) {
    if (v.length() != 10 || v.charAt(2) != '/' || v.charAt(5) != '/') {
      return null;
    }
    int day = digits(v, 0, 2);
    int month = digits(v, 3, 5);
    int year = digits(v, 6, 10);
    if (day < 0 || month < 0 || year < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written in ASCII digits from {@code from} to {@code to}, or -1. */
  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static @Nullable PartialDate birthDate(String[] f, int i) throws QrParseException {
    String v = at(f, i);
    try {
      if (v != null && v.length() == 4 && digits(v, 0, 4) >= 0) {
        return PartialDate.ofYear(digits(v, 0, 4));
      }
      LocalDate d = date(f, i);
      return d == null ? null : PartialDate.of(d);
    } catch (IllegalArgumentException e) {
      throw notABirthDate(i);
    }
  }

  /** A birth date as a partial date holds it, from the year 1000. */
  private static PartialDate birthDate(LocalDate date, int field) throws QrParseException {
    try {
      return PartialDate.of(date);
    } catch (IllegalArgumentException e) {
      throw notABirthDate(field);
    }
  }

  private static QrParseException notABirthDate(int field) {
    return new QrParseException(
        Reason.BAD_DATE, field, "field " + field + " is not a birth date (year before 1000)");
  }

  private static @Nullable LocalDate citizenDate(String[] f, int i) throws QrParseException {
    if (empty(f[i])) {
      return null;
    }
    try {
      return LocalDate.parse(f[i], CITIZEN_DATE);
    } catch (DateTimeParseException e) {
      throw new QrParseException(
          Reason.BAD_DATE, i, "field " + i + " is not a date (expected: ddMMyyyy)");
    }
  }

  private static @Nullable FacilityCode facility(String[] f, int i) throws QrParseException {
    String v = at(f, i);
    if (v == null || empty(v)) {
      return null;
    }
    try {
      return FacilityCode.parse(v);
    } catch (IllegalArgumentException e) {
      throw new QrParseException(Reason.BAD_FACILITY, i, "field " + i + " is not a facility code");
    }
  }

  private static @Nullable Sex sex(String v) {
    return switch (v) {
      case "1" -> Sex.MALE;
      case "2" -> Sex.FEMALE;
      default -> null;
    };
  }

  private static @Nullable LivingArea livingArea(@Nullable String v) {
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "5" -> LivingArea.K1;
      case "6" -> LivingArea.K2;
      case "7" -> LivingArea.K3;
      default -> null;
    };
  }

  private static @Nullable Integer level(@Nullable String v) {
    return v != null && v.matches("[1-5]") ? Integer.valueOf(v) : null;
  }
}
