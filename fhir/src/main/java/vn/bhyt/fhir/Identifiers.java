package vn.bhyt.fhir;

import vn.bhyt.domain.FacilityCode;

/** The identifier systems and extension URLs of the resources the gateway writes. */
public final class Identifiers {
  /** The Vietnamese social-insurance number (mã số BHXH): one per person. */
  public static final String SSN = "https://bhxh.gov.vn/fhir/sid/ma-so-bhxh";

  /** A health insurance card number (mã thẻ BHYT). */
  public static final String CARD = "https://bhxh.gov.vn/fhir/sid/ma-the-bhyt";

  /** A chip citizen-ID number (căn cước công dân). */
  public static final String CITIZEN_ID = "https://dancuquocgia.gov.vn/fhir/sid/cccd";

  /** A health facility code (mã cơ sở khám chữa bệnh). */
  public static final String FACILITY = "https://bhxh.gov.vn/fhir/sid/ma-cskcb";

  /** The fund's result codes of a card check. */
  public static final String RESULT_CODE = "https://bhxh.gov.vn/fhir/CodeSystem/ma-ket-qua";

  private static final String BASE = "https://fhir.bhyt-gateway.vn/";

  /** The gateway's card-check ids. */
  public static final String CHECK_ID = BASE + "sid/check-id";

  /**
   * The receipts of the gateway's card checks: on the Encounter a check-in opened, beside the check
   * id, the proof that this gateway made that check.
   */
  public static final String CHECK_RECEIPT = BASE + "sid/check-receipt";

  /** Beneficiary group codes (characters 1-2 of an old card number). */
  public static final String GROUP = BASE + "CodeSystem/beneficiary-group";

  /** Department codes (MA_KHOA). */
  public static final String DEPARTMENT = BASE + "CodeSystem/ma-khoa";

  /** Outcome of a card check: valid, warning, invalid, unconfirmed. */
  public static final String OUTCOME = BASE + "CodeSystem/check-outcome";

  /** Benefit types the gateway states: the fund's share of in-scope costs, in percent. */
  public static final String BENEFIT = BASE + "CodeSystem/benefit";

  /** Extension: the registered primary-care facility on a Coverage. */
  public static final String EXT_REGISTERED_FACILITY =
      BASE + "StructureDefinition/registered-facility";

  /** Extension: the living-area code (K1, K2, K3) on a Coverage. */
  public static final String EXT_LIVING_AREA = BASE + "StructureDefinition/living-area";

  /** Extension: the date the holder reached five consecutive years, on a Coverage. */
  public static final String EXT_FIVE_YEARS = BASE + "StructureDefinition/five-years-from";

  /** Extension: the fund's result code and the outcome, on a CoverageEligibilityResponse. */
  public static final String EXT_CHECK_RESULT = BASE + "StructureDefinition/check-result";

  /** Extension: why a patient pays themselves, on an Encounter. */
  public static final String EXT_SELF_PAY = BASE + "StructureDefinition/self-pay-reason";

  private Identifiers() {}

  /** The HIS patient ids (MA_BN) of one facility. */
  public static String hisPatient(FacilityCode facility) {
    return hisPatient(facility.value());
  }

  /** The HIS patient ids (MA_BN) of the facility with that code, as a claim names it. */
  public static String hisPatient(String facilityCode) {
    return BASE + "sid/" + facilityCode + "/ma-bn";
  }

  /** The HIS visit keys (MA_LK) of one facility. */
  public static String hisVisit(FacilityCode facility) {
    return hisVisit(facility.value());
  }

  /** The HIS visit keys (MA_LK) of the facility with that code, as a claim names it. */
  public static String hisVisit(String facilityCode) {
    return BASE + "sid/" + facilityCode + "/ma-lk";
  }
}
