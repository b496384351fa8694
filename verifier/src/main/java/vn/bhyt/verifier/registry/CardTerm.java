package vn.bhyt.verifier.registry;

import java.time.LocalDate;
import vn.bhyt.verifier.rules.CardStatus;

/**
 * What the registry holds of a card's term: when it is valid, at which benefit level, and its
 * status. Unknown values are null.
 */
public record CardTerm(
    LocalDate validFrom, LocalDate validTo, Integer benefitLevel, CardStatus status) {}
