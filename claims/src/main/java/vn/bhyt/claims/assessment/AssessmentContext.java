package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.Objects;
import vn.bhyt.verifier.rules.Facility;

/**
 * What an assessment may consult besides the claim: the facility it is assessed for, the day it was
 * received, and the lookups. {@link #of} knows nothing; the {@code with…} methods add lookups.
 *
 * @param facility the facility the gateway serves: its code and level decide the route
 * @param receivedOn the day the claim was received: the visit date when {@code NGAY_VAO} is
 *     unreadable
 */
public record AssessmentContext(
    Facility facility,
    LocalDate receivedOn,
    CardHistory cards,
    CheckIns checkIns,
    PriceCatalogue prices,
    ClaimHistory history,
    IcdList diagnoses) {

  public AssessmentContext {
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(receivedOn, "receivedOn");
    Objects.requireNonNull(cards, "cards");
    Objects.requireNonNull(checkIns, "checkIns");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(diagnoses, "diagnoses");
  }

  /** A context whose lookups know nothing. */
  public static AssessmentContext of(Facility facility, LocalDate receivedOn) {
    return new AssessmentContext(
        facility,
        receivedOn,
        CardHistory.none(),
        CheckIns.none(),
        PriceCatalogue.none(),
        ClaimHistory.none(),
        IcdList.none());
  }

  public AssessmentContext withCards(CardHistory c) {
    return new AssessmentContext(facility, receivedOn, c, checkIns, prices, history, diagnoses);
  }

  public AssessmentContext withCheckIns(CheckIns c) {
    return new AssessmentContext(facility, receivedOn, cards, c, prices, history, diagnoses);
  }

  public AssessmentContext withPrices(PriceCatalogue p) {
    return new AssessmentContext(facility, receivedOn, cards, checkIns, p, history, diagnoses);
  }

  public AssessmentContext withHistory(ClaimHistory h) {
    return new AssessmentContext(facility, receivedOn, cards, checkIns, prices, h, diagnoses);
  }

  public AssessmentContext withDiagnoses(IcdList d) {
    return new AssessmentContext(facility, receivedOn, cards, checkIns, prices, history, d);
  }
}
