package vn.bhyt.verifier.fund;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.rules.FundAnswer;
import vn.bhyt.verifier.rules.FundCard;
import vn.bhyt.verifier.rules.FundVisit;

/**
 * The fund's JSON as reference sections 3 and 7 describe it: result codes as strings or numbers,
 * dates as {@code dd/MM/yyyy}, sex as {@code Nam}/{@code Nữ}, empty strings for what it does not
 * know. A field it sends in a form this does not read is taken as not sent.
 */
final class FundJson {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private FundJson() {}

  /**
   * A result code as three digits ({@code "000"}, {@code 0} and {@code "0"} are the same), or null
   * when the answer has none.
   */
  static @Nullable String code(JsonNode body) {
    JsonNode code = body.get("maKetQua");
    if (code == null || code.isNull()) {
      return null;
    }
    String text = code.isNumber() ? Long.toString(code.asLong()) : code.asText().strip();
    if (!text.matches("[0-9]{1,3}")) {
      return text.isEmpty() ? null : text;
    }
    return "000".substring(text.length()) + text;
  }

  /** A card check's answer. */
  static FundAnswer answer(JsonNode body) {
    String code = code(body);
    if (code == null) {
      throw new FundUnavailableException(
          FundUnavailableException.Reason.FAILED, "the fund's answer has no maKetQua");
    }
    String number = text(body, "maThe");
    FundCard card =
        number == null
            ? null
            : new FundCard(
                number,
                text(body, "hoTen"),
                birthDate(text(body, "ngaySinh")),
                sex(text(body, "gioiTinh")),
                text(body, "diaChi"),
                text(body, "maDKBD"),
                text(body, "cqBHXH"),
                day(text(body, "gtTheTu")),
                day(text(body, "gtTheDen")),
                text(body, "maKV"),
                day(text(body, "ngayDu5Nam")),
                text(body, "maSoBHXH"),
                text(body, "maTheCu"),
                text(body, "maTheMoi"),
                day(text(body, "gtTheTuMoi")),
                day(text(body, "gtTheDenMoi")),
                text(body, "maDKBDMoi"));
    List<FundVisit> history = new ArrayList<>();
    JsonNode visits = body.get("dsLichSuKCB2018");
    if (visits != null && visits.isArray()) {
      for (JsonNode v : visits) {
        history.add(
            new FundVisit(
                text(v, "maHoSo"),
                text(v, "maCSKCB"),
                text(v, "ngayVao"),
                text(v, "ngayRa"),
                text(v, "tenBenh"),
                text(v, "tinhTrang"),
                text(v, "kqDieuTri")));
      }
    }
    return new FundAnswer(code, text(body, "ghiChu"), card, history);
  }

  /** A birth date as the fund takes it: {@code dd/MM/yyyy}, or {@code yyyy} for a year. */
  static String formatBirthDate(PartialDate birthDate) {
    LocalDate date = birthDate.date();
    return date == null ? String.format(Locale.ROOT, "%04d", birthDate.year()) : DAY.format(date);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  static @Nullable LocalDate day(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text, DAY);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable PartialDate birthDate(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.matches("[0-9]{4}")) {
      int year = Integer.parseInt(text);
      return year >= 1000 ? PartialDate.ofYear(year) : null;
    }
    LocalDate date = day(text);
    return date == null || date.getYear() < 1000 ? null : PartialDate.of(date);
  }

  static @Nullable Sex sex(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)) {
      case "nam", "1" -> Sex.MALE;
      case "nữ", "nu", "2" -> Sex.FEMALE;
      default -> null;
    };
  }
}
