package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The fund's answer as findings: its result code, and a visit elsewhere on the same day in the
 * card's treatment history.
 */
final class FundResultRule {
  private FundResultRule() {}

  /**
   * The finding that stands for a result code of {@code vss-result-codes.csv}: empty for {@code
   * 000}; {@link FindingCode#FUND_ERROR} for the fund's errors and for codes it does not document.
   */
  static Optional<FindingCode> finding(String code) {
    return Optional.ofNullable(
        switch (code) {
          case "000" -> null;
          case "001" -> FindingCode.MANAGED_BY_DEFENCE;
          case "002" -> FindingCode.MANAGED_BY_POLICE;
          case "003" -> FindingCode.CARD_REPLACED;
          case "004" -> FindingCode.CARD_REPLACED_STILL_VALID;
          case "010" -> FindingCode.CARD_EXPIRED;
          case "050" -> FindingCode.CARD_UNKNOWN_TO_FUND;
          case "051" -> FindingCode.FUND_NUMBER_WRONG;
          case "052" -> FindingCode.FUND_PROVINCE_WRONG;
          case "053" -> FindingCode.FUND_LEVEL_WRONG;
          case "054" -> FindingCode.CLERK_NOT_REGISTERED;
          case "055" -> FindingCode.CLERK_NAME_MISMATCH;
          case "060" -> FindingCode.NAME_MISMATCH;
          case "061" -> FindingCode.NAME_FIRST_LETTER_ONLY;
          case "070" -> FindingCode.BIRTH_DATE_MISMATCH;
          case "110" -> FindingCode.CARD_REVOKED;
          case "120" -> FindingCode.CARD_REDUCED;
          case "121" -> FindingCode.CARD_REDUCED_MOVED_OUT;
          case "122" -> FindingCode.CARD_REDUCED_MOVED_WITHIN;
          case "123" -> FindingCode.CARD_REDUCED_REINCREASED;
          case "124" -> FindingCode.CARD_REDUCED_STOPPED;
          case "130" -> FindingCode.CHILD_WITHOUT_CARD;
          default -> FindingCode.FUND_ERROR; // 100, 101, 205, 401, 500, and undocumented codes
        });
  }

  /** The finding of the fund's result code, with what its text names. */
  static void check(FundAnswer answer, @Nullable RegistryEntry card, Consumer<Finding> out) {
    String code = answer.resultCode();
    Optional<FindingCode> finding = finding(code);
    if (finding.isEmpty()) {
      return;
    }
    FindingCode f = finding.get();
    switch (f) {
      case CARD_REPLACED, CARD_REPLACED_STILL_VALID ->
          out.accept(
              Finding.of(f, card == null || card.replacedBy() == null ? "-" : card.replacedBy()));
      case CARD_EXPIRED ->
          out.accept(Finding.of(f, card == null || card.validTo() == null ? "-" : card.validTo()));
      case FUND_ERROR -> out.accept(Finding.of(f, code.matches("[0-9]{1,5}") ? code : "?"));
      default -> out.accept(Finding.of(f));
    }
  }

  /**
   * A visit at another facility on the visit's day, by the fund's treatment history: one card used
   * in two places at once.
   */
  static void history(FundAnswer answer, Visit visit, Facility here, Consumer<Finding> out) {
    for (FundVisit v : answer.history()) {
      LocalDate in = FundFacts.day(v.admitted());
      if (in == null || v.facility() == null) {
        continue;
      }
      LocalDate outDay = FundFacts.day(v.discharged());
      LocalDate last = outDay == null || outDay.isBefore(in) ? in : outDay;
      boolean sameDay = !visit.date().isBefore(in) && !visit.date().isAfter(last);
      if (sameDay && !v.facility().strip().equalsIgnoreCase(here.code().value())) {
        out.accept(Finding.of(FindingCode.VISITED_ELSEWHERE_TODAY, v.facility().strip()));
        return;
      }
    }
  }
}
