package vn.bhyt.verifier.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * A card as the registry knows it. Unknown values are null; a null status counts as active.
 *
 * @param confirmedAt when the row's data last came from an import that changed it or from the
 *     fund's online check; null when unknown (a row not read from the table)
 */
public record RegistryEntry(
    CardNumber cardNumber,
    @Nullable String ssn,
    @Nullable String citizenId,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable FacilityCode registeredFacility,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable LocalDate issuedOn,
    @Nullable CardStatus status,
    @Nullable String replacedBy,
    @Nullable LocalDate fiveYearsFrom,
    @Nullable LivingArea livingArea,
    @Nullable Integer benefitLevel,
    @Nullable String groupCode,
    @Nullable Instant confirmedAt) {}
