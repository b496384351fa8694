package vn.bhyt.verifier.rules;

import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.card.CardPayload;
import vn.bhyt.verifier.card.CitizenIdPayload;

/** What reception presented: a scanned card, a typed card number, or a scanned citizen ID. */
public sealed interface Evidence {
  /** The name presented, or null. */
  String name();

  /** The birth date presented, or null. */
  PartialDate birthDate();

  /** A scanned card QR. */
  record Scanned(CardPayload payload) implements Evidence {
    @Override
    public String name() {
      return payload.name();
    }

    @Override
    public PartialDate birthDate() {
      return payload.birthDate();
    }
  }

  /** A card number typed at the desk, with the name and birth date the patient gave. */
  record Typed(CardNumber number, String name, PartialDate birthDate) implements Evidence {}

  /** A scanned chip citizen-ID card; the registry finds the insurance card. */
  record Citizen(CitizenIdPayload id) implements Evidence {
    @Override
    public String name() {
      return id.name();
    }

    @Override
    public PartialDate birthDate() {
      return id.birthDate();
    }
  }
}
