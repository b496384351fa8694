package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;

/**
 * The fund's answer read as the gateway's terms: which codes are a verdict on the card, and the
 * card as a registry row, the fund's values winning over the registry's.
 */
public final class FundFacts {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

  private FundFacts() {}

  /**
   * Whether the fund's result code judges the card: {@code false} for the codes by which the fund
   * says it could not check it ({@code 054}, {@code 055}, {@code 100}, {@code 101}, {@code 205},
   * {@code 401}, {@code 500}) and for codes it does not document.
   */
  public static boolean judgesCard(String code) {
    return FundResultRule.finding(code)
        .map(
            f ->
                f != FindingCode.FUND_ERROR
                    && f != FindingCode.CLERK_NOT_REGISTERED
                    && f != FindingCode.CLERK_NAME_MISMATCH)
        .orElse(true); // 000
  }

  /**
   * The card as the fund described it, as a registry row: the fund's values where it sent them,
   * else the registry's. Empty when the answer names no card, or one of another person.
   *
   * @param asked the number the check was about
   */
  public static Optional<RegistryEntry> entry(
      FundAnswer answer, CardNumber asked, @Nullable RegistryEntry known) {
    FundCard f = answer.card();
    if (f == null || !judgesCard(answer.resultCode())) {
      return Optional.empty();
    }
    CardNumber number = CardNumber.of(f.number().strip().toUpperCase(Locale.ROOT));
    if (number.model() == CardNumber.Model.UNKNOWN) {
      number = asked;
    }
    RegistryEntry k = known != null && known.cardNumber().equals(number) ? known : null;
    String ssn = f.ssn() != null && f.ssn().matches("[0-9]{10}") ? f.ssn() : null;
    return Optional.of(
        new RegistryEntry(
            number,
            CardFactsMerge.first(ssn, k == null ? null : k.ssn(), number.ssn()),
            k == null ? null : k.citizenId(),
            CardFactsMerge.first(f.name(), k == null ? null : k.name()),
            CardFactsMerge.first(f.birthDate(), k == null ? null : k.birthDate()),
            CardFactsMerge.first(f.sex(), k == null ? null : k.sex()),
            CardFactsMerge.first(f.address(), k == null ? null : k.address()),
            CardFactsMerge.first(
                facility(f.registeredFacility()), k == null ? null : k.registeredFacility()),
            CardFactsMerge.first(f.validFrom(), k == null ? null : k.validFrom()),
            CardFactsMerge.first(f.validTo(), k == null ? null : k.validTo()),
            k == null ? null : k.issuedOn(),
            status(answer.resultCode()),
            replacement(f.newNumber()),
            CardFactsMerge.first(f.fiveYearsFrom(), k == null ? null : k.fiveYearsFrom()),
            CardFactsMerge.first(livingArea(f.livingArea()), k == null ? null : k.livingArea()),
            k == null ? number.level() : CardFactsMerge.first(k.benefitLevel(), number.level()),
            CardFactsMerge.first(number.group(), k == null ? null : k.groupCode()),
            null));
  }

  /** The card's status by the fund's result code. */
  static CardStatus status(String code) {
    return switch (code) {
      case "110" -> CardStatus.REVOKED;
      case "120", "121", "122", "123", "124" -> CardStatus.REDUCED;
      default -> CardStatus.ACTIVE;
    };
  }

  /**
   * A day as the fund writes it: {@code dd/MM/yyyy}, or {@code yyyyMMdd} with a time or without.
   */
  static @Nullable LocalDate day(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.matches("[0-9]{2}/[0-9]{2}/[0-9]{4}.*")) {
        return LocalDate.parse(t.substring(0, 10), DAY);
      }
      if (t.matches("[0-9]{8}([0-9]{4}([0-9]{2})?)?")) {
        return LocalDate.parse(t.substring(0, 8), COMPACT);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  private static @Nullable String replacement(@Nullable String newNumber) {
    if (newNumber == null) {
      return null;
    }
    CardNumber n = CardNumber.of(newNumber.strip().toUpperCase(Locale.ROOT));
    return n.model() == CardNumber.Model.UNKNOWN ? null : n.value();
  }

  private static @Nullable FacilityCode facility(@Nullable String code) {
    try {
      return code == null ? null : FacilityCode.parse(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable LivingArea livingArea(@Nullable String code) {
    try {
      return code == null ? null : LivingArea.parse(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
