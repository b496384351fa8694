package vn.bhyt.verifier.rules;

import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CitizenIdPayload;

/** What reception presented: a scanned card, a typed card number, or a scanned citizen ID. */
public sealed interface Evidence {
  /** The name presented, or null. */
  @Nullable String name();

  /** The birth date presented, or null. */
  @Nullable PartialDate birthDate();

  /** A scanned card QR. */
  record Scanned(CardPayload payload) implements Evidence {
    @Override
    public @Nullable String name() {
      return payload.name();
    }

    @Override
    public @Nullable PartialDate birthDate() {
      return payload.birthDate();
    }
  }

  /** A card number typed at the desk, with the name and birth date the patient gave. */
  record Typed(CardNumber number, @Nullable String name, @Nullable PartialDate birthDate)
      implements Evidence {}

  /** A scanned chip citizen-ID card; the registry finds the insurance card. */
  record Citizen(CitizenIdPayload id) implements Evidence {
    @Override
    public @Nullable String name() {
      return id.name();
    }

    @Override
    public @Nullable PartialDate birthDate() {
      return id.birthDate();
    }
  }
}
