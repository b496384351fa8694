package vn.bhyt.visits;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponsePurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.EligibilityResponseStatus;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.verifier.check.CheckResult;
import vn.bhyt.verifier.rules.Outcome;
import vn.bhyt.verifier.rules.Verdict;

/** The answer of a card check as a CoverageEligibilityResponse. */
public final class EligibilityMapper {
  private static final String BENEFIT_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/ex-benefitcategory";

  private EligibilityMapper() {}

  /**
   * The response for a check: the fund's result code, the outcome and the receipt as an extension,
   * the message as disposition, the share paid as a benefit, invalid findings as errors.
   *
   * @param coverage the Coverage reference, or null when none was recorded
   * @param explanation the coverage explanation lines, in the language of the check
   */
  public static CoverageEligibilityResponse from(
      CheckResult check,
      String message,
      List<String> explanation,
      Reference patient,
      Reference coverage,
      Reference fund) {
    Verdict v = check.verdict();
    CoverageEligibilityResponse r = new CoverageEligibilityResponse();
    r.addIdentifier(new Identifier().setSystem(Identifiers.CHECK_ID).setValue(check.checkId()));
    r.setStatus(EligibilityResponseStatus.ACTIVE);
    r.addPurpose(EligibilityResponsePurpose.VALIDATION);
    r.addPurpose(EligibilityResponsePurpose.BENEFITS);
    r.setPatient(patient);
    r.setCreated(Date.from(check.checkedAt().toInstant()));
    r.setRequest(
        new Reference()
            .setType("CoverageEligibilityRequest")
            .setIdentifier(
                new Identifier().setSystem(Identifiers.CHECK_ID).setValue(check.checkId())));
    r.setOutcome(RemittanceOutcome.COMPLETE);
    r.setDisposition(message);
    r.setInsurer(fund);
    r.addExtension(result(v, check.receipt()));
    if (coverage != null) {
      insurance(r, v, coverage, explanation);
    }
    v.findings().stream()
        .filter(f -> f.result() != null && v.outcome() == Outcome.INVALID)
        .forEach(
            f ->
                r.addError()
                    .setCode(
                        new CodeableConcept(
                            new Coding(Identifiers.RESULT_CODE, f.result(), f.code()))));
    return r;
  }

  private static Extension result(Verdict v, String receipt) {
    Extension e = new Extension(Identifiers.EXT_CHECK_RESULT);
    e.addExtension("result", new Coding(Identifiers.RESULT_CODE, v.result(), null));
    e.addExtension("outcome", new Coding(Identifiers.OUTCOME, v.outcome().code(), null));
    e.addExtension("source", new org.hl7.fhir.r4.model.CodeType(v.source().code()));
    e.addExtension("receipt", new org.hl7.fhir.r4.model.StringType(receipt));
    return e;
  }

  private static void insurance(
      CoverageEligibilityResponse r, Verdict v, Reference coverage, List<String> explanation) {
    CoverageEligibilityResponse.InsuranceComponent ins = r.addInsurance();
    ins.setCoverage(coverage);
    ins.setInforce(v.outcome() != Outcome.INVALID);
    if (v.coverage() == null) {
      return;
    }
    CoverageEligibilityResponse.ItemsComponent item = ins.addItem();
    item.setCategory(new CodeableConcept(new Coding(BENEFIT_CATEGORY, "1", "Medical Care")));
    item.setDescription(String.join("\n", explanation));
    item.addBenefit()
        .setType(
            new CodeableConcept(
                    new Coding(
                        Identifiers.BENEFIT,
                        "fund-share-percent",
                        "fund share of in-scope costs (%)"))
                .setText("route: " + v.coverage().route().code()))
        .setAllowed(new org.hl7.fhir.r4.model.StringType(v.coverage().percent().toPlainString()));
  }
}
