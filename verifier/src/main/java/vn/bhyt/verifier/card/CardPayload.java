package vn.bhyt.verifier.card;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * The data a health insurance card's QR code carries, decoded. Absent fields are null.
 *
 * @param managementCode the social-insurance office and number (field 9)
 * @param checkString the card's check string (field 13), kept but never verified: its algorithm is
 *     not public
 * @param benefitLevel the benefit level box of a new-model card (field 14)
 * @param fields how many fields the payload had, the {@code $} terminator not counted
 */
public record CardPayload(
    CardNumber number,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable FacilityCode registeredFacility,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    @Nullable LocalDate issuedOn,
    @Nullable String managementCode,
    @Nullable String guardian,
    @Nullable LivingArea livingArea,
    @Nullable LocalDate fiveYearsFrom,
    @Nullable String checkString,
    @Nullable Integer benefitLevel,
    @Nullable String issuingOffice,
    int fields)
    implements Scan {

  /**
   * The payload an old-model card prints for a holder: issued ten days before its start, with an
   * address, a management code and a check string, and no guardian, living area or five-year date.
   */
  public static CardPayload printed(
      CardNumber number,
      String name,
      PartialDate birthDate,
      Sex sex,
      String address,
      FacilityCode facility,
      LocalDate validFrom,
      LocalDate validTo) {
    return new CardPayload(
        number,
        name,
        birthDate,
        sex,
        address,
        facility,
        validFrom,
        validTo,
        validFrom.minusDays(10),
        facility.province()
            + "020"
            + (number.ssn() == null ? "0000000000" : number.ssn()).substring(0, 9),
        null,
        null,
        null,
        "0a1b2c3d4e5f6a7b-7102",
        null,
        null,
        14);
  }
}
