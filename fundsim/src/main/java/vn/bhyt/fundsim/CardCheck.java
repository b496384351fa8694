package vn.bhyt.fundsim;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.reference.ReferenceData;

/**
 * The fund's card check ({@code KQNhanLichSuKCB2019} and {@code 2024}): the result code and the
 * answer fields for a card number, name and birth date on a day, from the fund's registry.
 *
 * <p>The order of the checks is the simulated fund's model: card number, name, birth date, child
 * without a card, revoked, reduced, validity (replaced or expired), replaced but valid, defence or
 * police office, valid.
 */
final class CardCheck {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final FundRegistry registry;
  private final ReferenceData reference;

  CardCheck(FundRegistry registry, ReferenceData reference) {
    this.registry = registry;
    this.reference = reference;
  }

  /** What was asked: the card number, the name, the birth date as {@code dd/MM/yyyy} or year. */
  record Question(String cardNumber, String name, PartialDate birthDate) {}

  /** A clerk's citizen ID and name (the 2024 check); the result code when they do not pass. */
  Optional<String> clerkRefusal(String citizenId, String name, String facility) {
    Optional<FundCard> clerk = registry.clerk(citizenId);
    if (clerk.isEmpty() || !clerk.get().clerkAt().contains(facility)) {
      return Optional.of("054");
    }
    return sameName(clerk.get().name(), name) ? Optional.empty() : Optional.of("055");
  }

  /** Parses a birth date as the fund takes it, {@code dd/MM/yyyy} or {@code yyyy}. */
  static Optional<PartialDate> birthDate(String text) {
    String t = text.strip();
    try {
      if (t.matches("[0-9]{4}")) {
        return Optional.of(PartialDate.ofYear(Integer.parseInt(t)));
      }
      return Optional.of(PartialDate.of(LocalDate.parse(t, DAY)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The answer: {@code maKetQua}, {@code ghiChu} and, where the fund tells, the card's fields. */
  Map<String, Object> answer(Question q, LocalDate today) {
    CardNumber asked = CardNumber.of(q.cardNumber().strip().toUpperCase(Locale.ROOT));
    if (asked.model() == CardNumber.Model.UNKNOWN) {
      return bare("051");
    }
    Optional<FundCard> found = registry.card(asked.value());
    if (found.isEmpty()) {
      return bare(numberMismatch(asked));
    }
    FundCard card = found.get();
    if (card.fundCode() != null) {
      return bare(card.fundCode());
    }
    if (!sameName(card.name(), q.name())) {
      if (!firstLetter(card.name()).equals(firstLetter(q.name()))) {
        return bare("060");
      }
      return full("061", card);
    }
    if (card.birthDate() == null || !card.birthDate().sameAs(q.birthDate())) {
      return bare("070");
    }
    return full(cardCode(card, today), card);
  }

  private String numberMismatch(CardNumber asked) {
    String ssn = asked.ssn();
    List<FundCard> same = ssn == null ? List.of() : registry.bySsn(ssn);
    if (same.isEmpty()) {
      return "050";
    }
    if (asked.model() != CardNumber.Model.OLD) {
      return "051";
    }
    for (FundCard c : same) {
      CardNumber known = CardNumber.of(c.number());
      if (known.model() == CardNumber.Model.OLD) {
        if (!java.util.Objects.equals(known.level(), asked.level())) {
          return "053";
        }
        if (!java.util.Objects.equals(known.province(), asked.province())) {
          return "052";
        }
      }
    }
    return "051";
  }

  private String cardCode(FundCard card, LocalDate today) {
    if ("TE".equals(card.group())
        && card.validFrom() == null
        && card.birthDate() != null
        && card.birthDate().ageOn(today) < 6) {
      return "130";
    }
    if (card.status().equals("revoked")) {
      return "110";
    }
    if (card.status().equals("reduced")) {
      return card.reducedCode();
    }
    Optional<FundCard> newer = newer(card);
    if (!card.validOn(today)) {
      return newer.filter(n -> n.validOn(today)).isPresent() ? "003" : "010";
    }
    if (newer.isPresent()) {
      return "004";
    }
    if ("defence".equals(card.managedBy())) {
      return "001";
    }
    return "police".equals(card.managedBy()) ? "002" : "000";
  }

  private Optional<FundCard> newer(FundCard card) {
    return card.replacedBy() == null ? Optional.empty() : registry.card(card.replacedBy());
  }

  private Map<String, Object> bare(String code) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("maKetQua", code);
    a.put("ghiChu", reference.resultCode(code).map(r -> r.meaning()).orElse(""));
    return a;
  }

  private Map<String, Object> full(String code, FundCard card) {
    Map<String, Object> a = bare(code);
    a.put("maThe", card.number());
    a.put("hoTen", text(card.name()));
    a.put("ngaySinh", birth(card.birthDate()));
    a.put("gioiTinh", card.sex() == null ? "" : card.sex() == Sex.MALE ? "Nam" : "Nữ");
    a.put("diaChi", text(card.address()));
    a.put("maDKBD", text(card.facility()));
    a.put("cqBHXH", text(card.office()));
    a.put("gtTheTu", day(card.validFrom()));
    a.put("gtTheDen", day(card.validTo()));
    a.put("maKV", text(card.livingArea()));
    a.put("ngayDu5Nam", day(card.fiveYearsFrom()));
    a.put("maSoBHXH", card.ssn());
    a.put("maTheCu", registry.replacedCard(card.number()).map(FundCard::number).orElse(""));
    Optional<FundCard> newer = newer(card);
    a.put("maTheMoi", newer.map(FundCard::number).orElse(""));
    a.put("gtTheTuMoi", newer.map(n -> day(n.validFrom())).orElse(""));
    a.put("gtTheDenMoi", newer.map(n -> day(n.validTo())).orElse(""));
    a.put("maDKBDMoi", newer.map(n -> text(n.facility())).orElse(""));
    a.put("dsLichSuKCB2018", history(card));
    return a;
  }

  private static List<Map<String, Object>> history(FundCard card) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FundCard.PastVisit v : card.history()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("maHoSo", v.recordId());
      m.put("maCSKCB", v.facility());
      m.put("ngayVao", DAY.format(v.admitted()));
      m.put("ngayRa", DAY.format(v.discharged()));
      m.put("tenBenh", v.diagnosis());
      m.put("tinhTrang", v.state());
      m.put("kqDieuTri", v.outcome());
      out.add(m);
    }
    return out;
  }

  private static String birth(@Nullable PartialDate d) {
    if (d == null) {
      return "";
    }
    LocalDate date = d.date();
    return date == null ? String.valueOf(d.year()) : DAY.format(date);
  }

  private static String day(@Nullable LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s;
  }

  static boolean sameName(@Nullable String known, String asked) {
    return known != null && fold(known).equals(fold(asked));
  }

  private static String firstLetter(@Nullable String name) {
    String f = name == null ? "" : fold(name);
    return f.isEmpty() ? "" : f.substring(0, 1);
  }

  /** Upper case, without diacritics or repeated spaces: {@code Đặng Lan} is {@code DANG LAN}. */
  static String fold(String name) {
    String plain =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return plain.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }
}
