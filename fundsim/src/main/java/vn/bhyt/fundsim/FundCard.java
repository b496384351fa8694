package vn.bhyt.fundsim;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * One card as the fund knows it: a row of the registry import file, with the extra columns only the
 * simulated fund reads.
 *
 * @param status {@code active}, {@code revoked}, {@code reduced} or {@code expired}
 * @param fundCode a result code the fund answers for this card whatever is asked ({@code 100},
 *     {@code 101}, {@code 500}), or null
 * @param reducedCode the reduction reason of a reduced card, {@code 120} to {@code 124}
 * @param managedBy {@code defence}, {@code police}, or null for the provincial offices
 * @param clerkAt facilities that registered this person as a checking clerk (matched on the citizen
 *     ID and the name)
 */
record FundCard(
    String number,
    String ssn,
    @Nullable String citizenId,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable String facility,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    String status,
    @Nullable String replacedBy,
    @Nullable LocalDate fiveYearsFrom,
    @Nullable String livingArea,
    @Nullable Integer level,
    @Nullable String group,
    @Nullable String fundCode,
    String reducedCode,
    @Nullable String managedBy,
    @Nullable String office,
    List<PastVisit> history,
    Set<String> clerkAt) {

  FundCard {
    history = List.copyOf(history);
    clerkAt = Set.copyOf(clerkAt);
  }

  /** Whether the card covers that day: active and within its dates (open dates count as open). */
  boolean validOn(LocalDate day) {
    return status.equals("active")
        && (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }

  /** One earlier visit of the card's holder, as the fund's treatment history lists it. */
  record PastVisit(
      String recordId,
      String facility,
      LocalDate admitted,
      LocalDate discharged,
      String diagnosis,
      String state,
      String outcome) {}
}
