package vn.bhyt.fhir;

import java.time.Instant;

/**
 * Questions about the stored Encounters that other modules ask often enough to want one indexed
 * query each, answered from the store's search indexes. An Encounter whose status is {@code
 * cancelled} or {@code entered-in-error} is never found.
 */
public interface EncounterIndex {

  /** Whether the store holds any Encounter at all, void ones included. */
  boolean any();

  /** Whether an Encounter carries the identifier ({@code Encounter?identifier=system|value}). */
  boolean withIdentifier(String system, String value);

  /**
   * Whether an Encounter of the beneficiary of a Coverage with that subscriber id starts in {@code
   * [from, to)}: the patient's visits on a card.
   */
  boolean ofSubscriberStarting(String subscriberId, Instant from, Instant to);
}
