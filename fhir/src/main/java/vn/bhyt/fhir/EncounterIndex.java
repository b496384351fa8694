package vn.bhyt.fhir;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Questions about the stored Encounters that other modules ask often enough to want one indexed
 * query each, answered from the store's search indexes. An Encounter whose status is {@code
 * cancelled} or {@code entered-in-error} is never found.
 */
public interface EncounterIndex {

  /** Whether the store holds any Encounter at all, void ones included. */
  boolean any();

  /**
   * The card checks named by the Encounters that carry the identifier ({@code
   * Encounter?identifier=system|value}): one entry per such Encounter, its check id and receipt
   * null where it names none (it was not opened by a check-in).
   */
  List<CheckedBy> checksWithIdentifier(String system, String value);

  /**
   * The card checks named by the Encounters of the beneficiary of a Coverage with that subscriber
   * id that start in {@code [from, to)} (the patient's visits on a card), as {@link
   * #checksWithIdentifier} gives them.
   */
  List<CheckedBy> checksOfSubscriberStarting(String subscriberId, Instant from, Instant to);

  /**
   * The card check an Encounter names ({@link Identifiers#CHECK_ID}) and its receipt ({@link
   * Identifiers#CHECK_RECEIPT}), each null when it names none.
   */
  record CheckedBy(@Nullable String checkId, @Nullable String receipt) {}
}
