package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/** The card as the verdict states it: registry data where there is a row, else the card's own. */
public record CardFacts(
    CardNumber number,
    @Nullable String ssn,
    @Nullable String group,
    @Nullable Integer benefitLevel,
    @Nullable String province,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable FacilityCode registeredFacility,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable LocalDate issuedOn,
    @Nullable LivingArea livingArea,
    @Nullable LocalDate fiveYearsFrom,
    @Nullable String replacedBy,
    @Nullable CardStatus status) {}
