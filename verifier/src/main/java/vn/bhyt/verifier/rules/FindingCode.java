package vn.bhyt.verifier.rules;

import org.jspecify.annotations.Nullable;

/**
 * Every finding the card rules make, with the fund's result code it maps to and its severity.
 *
 * <p>Declared in priority order: the first finding's result code becomes the verdict's.
 */
public enum FindingCode {
  CARD_NUMBER_MALFORMED("051", Severity.INVALID),
  FUND_NUMBER_WRONG("051", Severity.INVALID),
  GROUP_UNKNOWN("051", Severity.INVALID),
  PROVINCE_UNKNOWN("052", Severity.INVALID),
  FUND_PROVINCE_WRONG("052", Severity.INVALID),
  LEVEL_INVALID("053", Severity.INVALID),
  FUND_LEVEL_WRONG("053", Severity.INVALID),
  NAME_MISMATCH("060", Severity.INVALID),
  BIRTH_DATE_MISMATCH("070", Severity.INVALID),
  CARD_REVOKED("110", Severity.INVALID),
  CARD_REDUCED_MOVED_OUT("121", Severity.INVALID),
  CARD_REDUCED_MOVED_WITHIN("122", Severity.INVALID),
  CARD_REDUCED_REINCREASED("123", Severity.INVALID),
  CARD_REDUCED_STOPPED("124", Severity.INVALID),
  CARD_REDUCED("120", Severity.INVALID),
  CARD_UNKNOWN_TO_FUND("050", Severity.INVALID),
  CARD_REPLACED("003", Severity.WARNING),
  CARD_EXPIRED("010", Severity.INVALID),
  CARD_NOT_YET_VALID("010", Severity.INVALID),
  CLERK_NOT_REGISTERED("054", Severity.WARNING),
  CLERK_NAME_MISMATCH("055", Severity.WARNING),
  NAME_FIRST_LETTER_ONLY("061", Severity.WARNING),
  CHILD_WITHOUT_CARD("130", Severity.WARNING),
  MANAGED_BY_DEFENCE("001", Severity.WARNING),
  MANAGED_BY_POLICE("002", Severity.WARNING),
  VISITED_ELSEWHERE_TODAY(null, Severity.WARNING),
  CARD_REPLACED_STILL_VALID("004", Severity.INFO),
  CARD_NUMBER_LEGACY(null, Severity.WARNING),
  NOT_IN_REGISTRY(null, Severity.INFO),
  FUND_NOT_CONFIGURED(null, Severity.INFO),
  FUND_UNAVAILABLE(null, Severity.INFO),
  FUND_UNAVAILABLE_REGISTRY_USED(null, Severity.INFO),
  FUND_ERROR(null, Severity.INFO),
  VALIDITY_UNKNOWN(null, Severity.INFO),
  VALIDITY_NOT_KNOWN(null, Severity.INFO),
  IDENTITY_NOT_CHECKED(null, Severity.INFO);

  private final @Nullable String result;
  private final Severity severity;

  FindingCode(@Nullable String result, Severity severity) {
    this.result = result;
    this.severity = severity;
  }

  public @Nullable String result() {
    return result;
  }

  public Severity severity() {
    return severity;
  }
}
