package vn.bhyt.verifier.card;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/** Writes a card payload as the card's QR text, the inverse of {@link CardQrParser}. */
public final class CardQrWriter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private CardQrWriter() {}

  /** The QR text: 14 fields and {@code $} for an old-model card, 16 and {@code $} for a new one. */
  public static String encode(CardPayload p) {
    List<String> f = new ArrayList<>();
    f.add(p.number().value());
    f.add(hex(p.name()));
    f.add(birth(p.birthDate()));
    f.add(p.sex() == null ? "-" : p.sex() == Sex.MALE ? "1" : "2");
    f.add(hex(p.address()));
    f.add(
        p.registeredFacility() == null
            ? "-"
            : p.registeredFacility().province()
                + " - "
                + p.registeredFacility().value().substring(2));
    f.add(date(p.validFrom()));
    f.add(date(p.validTo()));
    f.add(date(p.issuedOn()));
    f.add(text(p.managementCode()));
    f.add(hex(p.guardian()));
    f.add(area(p.livingArea()));
    f.add(date(p.fiveYearsFrom()));
    f.add(text(p.checkString()));
    if (p.number().model() == CardNumber.Model.NEW) {
      f.add(p.benefitLevel() == null ? "-" : p.benefitLevel().toString());
      f.add(hex(p.issuingOffice()));
    }
    f.add("$");
    return String.join("|", f);
  }

  private static String hex(@Nullable String text) {
    return text == null ? "-" : HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(@Nullable String v) {
    return v == null ? "-" : v;
  }

  private static String date(@Nullable LocalDate d) {
    return d == null ? "-" : d.format(DATE);
  }

  private static String birth(@Nullable PartialDate d) {
    if (d == null) {
      return "-";
    }
    LocalDate date = d.date();
    return date == null ? String.valueOf(d.year()) : date.format(DATE);
  }

  private static String area(@Nullable LivingArea a) {
    if (a == null) {
      return "4";
    }
    return switch (a) {
      case K1 -> "5";
      case K2 -> "6";
      case K3 -> "7";
    };
  }
}
