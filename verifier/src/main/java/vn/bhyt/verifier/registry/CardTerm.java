package vn.bhyt.verifier.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.verifier.rules.CardStatus;

/**
 * What the registry holds of a card's term: when it is valid, at which benefit level, and its
 * status. Unknown values are null.
 */
public record CardTerm(
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable Integer benefitLevel,
    @Nullable CardStatus status) {}
