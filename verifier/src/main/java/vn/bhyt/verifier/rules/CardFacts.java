package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/** The card as the verdict states it: registry data where there is a row, else the card's own. */
public record CardFacts(
    CardNumber number,
    String ssn,
    String group,
    Integer benefitLevel,
    String province,
    String name,
    PartialDate birthDate,
    Sex sex,
    String address,
    FacilityCode registeredFacility,
    LocalDate validFrom,
    LocalDate validTo,
    LocalDate issuedOn,
    LivingArea livingArea,
    LocalDate fiveYearsFrom,
    String replacedBy,
    CardStatus status) {}
