package vn.bhyt.claims.assessment;

/** Every finding the assessment rules make; the names are the stable codes clients see. */
public enum FindingCode {
  /** The dossier lacks a table every claim needs. */
  TABLE_MISSING,
  /** A required field is absent or empty. */
  FIELD_MISSING,
  /** A field is longer than the format allows. */
  FIELD_TOO_LONG,
  /** A date field does not have its format. */
  FIELD_DATE_MALFORMED,
  /** A numeric field is not a number. */
  FIELD_NUMBER_MALFORMED,
  /** A coded field holds a code outside its list on the visit date. */
  CODE_UNKNOWN,
  /** A row's {@code MA_LK} differs from the summary's. */
  VISIT_KEY_MISMATCH,
  /** The summary's {@code MA_CSKCB} differs from the submitting facility. */
  FACILITY_MISMATCH,
  /** A line's {@code THANH_TIEN_BV} differs from quantity × hospital price. */
  MONEY_LINE_BV,
  /** A line's {@code THANH_TIEN_BH} differs from quantity × insured price × ratios. */
  MONEY_LINE_BH,
  /** A line's {@code T_BNTT} differs from {@code THANH_TIEN_BV − THANH_TIEN_BH}. */
  MONEY_LINE_BNTT,
  /** A line's {@code T_BHTT} differs from the insured amount less other sources × benefit rate. */
  MONEY_LINE_BHTT,
  /** A line's {@code T_BNCCT} differs from the insured amount less other sources and fund share. */
  MONEY_LINE_BNCCT,
  /** The summary's {@code T_THUOC} differs from the sum of the drug lines. */
  MONEY_TOTAL_THUOC,
  /** The summary's {@code T_VTYT} differs from the sum of the supply lines. */
  MONEY_TOTAL_VTYT,
  /** The summary's {@code T_TONGCHI_BV} differs from the sum of the lines. */
  MONEY_TOTAL_BV,
  /** The summary's {@code T_TONGCHI_BH} differs from the sum of the lines. */
  MONEY_TOTAL_BH,
  /** The summary's {@code T_BNTT} differs from the sum of the lines. */
  MONEY_TOTAL_BNTT,
  /** The summary's {@code T_BNCCT} differs from the sum of the lines. */
  MONEY_TOTAL_BNCCT,
  /** The summary's {@code T_BHTT} differs from the sum of the lines. */
  MONEY_TOTAL_BHTT,
  /** The summary's {@code T_NGUONKHAC} differs from the sum of the lines. */
  MONEY_TOTAL_NGUONKHAC,
  /** {@code T_TONGCHI_BV ≠ T_TONGCHI_BH + T_BNTT}. */
  MONEY_IDENTITY_BV,
  /** {@code T_TONGCHI_BH ≠ T_BHTT + T_BNCCT + T_NGUONKHAC}. */
  MONEY_IDENTITY_BH,
  /** The {@code ;}-lists of cards and their validity dates have different lengths. */
  CARD_LIST_MISMATCH,
  /** No card of the claim is valid on the admission date. */
  CARD_NOT_VALID_ON_ADMISSION,
  /** No card of the claim is valid on a line's service date. */
  CARD_NOT_VALID_ON_SERVICE_DATE,
  /** The registry knows none of the claim's cards: validity was checked on the claim's dates. */
  CARD_NOT_CHECKED,
  /** A line's {@code MUC_HUONG} differs from the card level adjusted by route and visit rules. */
  BENEFIT_RATE_MISMATCH,
  /** The benefit rate could not be computed (unknown level or route). */
  BENEFIT_RATE_NOT_CHECKED,
  /** Reception has no check-in for the visit. */
  VISIT_NOT_CHECKED_IN,
  /**
   * Reception's records hold the visit, but no card check of this gateway with a genuine receipt
   * for the claim's card opened it.
   */
  CHECK_IN_UNPROVEN,
  /** {@code NGAY_RA} is before {@code NGAY_VAO}. */
  DISCHARGE_BEFORE_ADMISSION,
  /** A line's {@code NGAY_YL} is before {@code NGAY_VAO}. */
  ORDER_BEFORE_ADMISSION,
  /** A line's {@code NGAY_YL} is after {@code NGAY_RA}. */
  ORDER_AFTER_DISCHARGE,
  /** A line's {@code NGAY_KQ} is before its {@code NGAY_YL}. */
  RESULT_BEFORE_ORDER,
  /** {@code SO_NGAY_DTRI} does not fit the admission and discharge dates. */
  TREATMENT_DAYS_MISMATCH,
  /** A line's insured unit price is above the price catalogue's on its date. */
  PRICE_ABOVE_CATALOGUE,
  /** A drug or supply outside the list is charged to the fund. */
  OUT_OF_LIST_CHARGED_TO_FUND,
  /** A service is claimed more often on one day than its limit. */
  DAILY_LIMIT_EXCEEDED,
  /** Another facility has already claimed a visit with the same {@code MA_LK}. */
  VISIT_KEY_FROM_OTHER_FACILITY,
  /** An inpatient stay on the same card overlaps one already claimed. */
  STAY_OVERLAP,
  /** A diagnosis is not an ICD-10 code. */
  DIAGNOSIS_MALFORMED,
  /** A diagnosis is not in the ICD-10 list in force. */
  DIAGNOSIS_NOT_LISTED,
  /** {@code MA_BENH_KT} lists more secondary diagnoses than the format allows. */
  DIAGNOSIS_TOO_MANY
}
