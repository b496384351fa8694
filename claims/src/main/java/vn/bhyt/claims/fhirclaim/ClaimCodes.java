package vn.bhyt.claims.fhirclaim;

/** The code systems and extension URLs of the gateway's Claim and ClaimResponse. */
public final class ClaimCodes {
  private static final String BASE = "https://fhir.bhyt-gateway.vn/";

  /** Drug codes (MA_THUOC) on XML2 lines. */
  public static final String DRUG = BASE + "CodeSystem/ma-thuoc";

  /** Service codes (MA_DICH_VU) on XML3 lines. */
  public static final String SERVICE = BASE + "CodeSystem/ma-dich-vu";

  /** Supply codes (MA_VAT_TU) on XML3 lines. */
  public static final String SUPPLY = BASE + "CodeSystem/ma-vat-tu";

  /** Cost groups (MA_NHOM, 1 to 18). */
  public static final String GROUP = BASE + "CodeSystem/ma-nhom";

  /** Pre-assessment finding codes, such as MONEY_LINE_BHTT. */
  public static final String FINDING = BASE + "CodeSystem/finding";

  /**
   * The prefix of the extensions that carry an XML 130 field without a FHIR element, or whose value
   * the element cannot hold exactly: {@code FIELD_PREFIX + "MUC_HUONG"}, a valueString.
   */
  public static final String FIELD_PREFIX = BASE + "StructureDefinition/qd130-field/";

  /**
   * The fund's adjudication beside the gateway's own: {@code asked} and {@code accepted} (the fund
   * share the fund read and the one it accepts), {@code refused} (the amount it refused on a line).
   */
  public static final String FUND_ADJUDICATION = BASE + "CodeSystem/fund-adjudication";

  /** The fund's error codes ({@code maLoi}), such as GIA_VUOT_TRAN. */
  public static final String FUND_ERROR = BASE + "CodeSystem/fund-error";

  /** The fund's transaction ids ({@code maGiaoDich}) of the files it took. */
  public static final String FUND_TRANSACTION = BASE + "NamingSystem/ma-giao-dich";

  /** ICD-10. */
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

  /** Claim types: institutional, professional. */
  public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

  /** Adjudication categories: submitted, eligible, benefit, copay. */
  public static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";

  /** Diagnosis types: principal, secondary. */
  public static final String DIAGNOSIS_TYPE =
      "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";

  /** Claim priorities. */
  public static final String PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";

  /** The currency of every amount. */
  public static final String CURRENCY = "VND";

  private ClaimCodes() {}
}
