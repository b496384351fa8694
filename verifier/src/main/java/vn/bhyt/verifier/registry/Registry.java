package vn.bhyt.verifier.registry;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.verifier.rules.RegistryEntry;

/** Where the gateway looks cards up. */
public interface Registry {
  /**
   * The card with this number; for a 10-digit number, else the newest card of that social-insurance
   * number.
   */
  CompletionStage<Optional<RegistryEntry>> byCardNumber(CardNumber number);

  /** The newest card of the person with this citizen ID. */
  CompletionStage<Optional<RegistryEntry>> byCitizenId(String citizenId);

  /** Stores a card as the fund's online check described it, confirmed now. */
  CompletionStage<Void> refresh(RegistryEntry fromFund);
}
