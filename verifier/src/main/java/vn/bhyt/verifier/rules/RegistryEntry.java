package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/** A card as the registry knows it. Unknown values are null; a null status counts as active. */
public record RegistryEntry(
    CardNumber cardNumber,
    String ssn,
    String citizenId,
    String name,
    PartialDate birthDate,
    Sex sex,
    String address,
    FacilityCode registeredFacility,
    LocalDate validFrom,
    LocalDate validTo,
    LocalDate issuedOn,
    CardStatus status,
    String replacedBy,
    LocalDate fiveYearsFrom,
    LivingArea livingArea,
    Integer benefitLevel,
    String groupCode) {}
