package vn.bhyt.visits;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.verifier.check.CheckResult;

/** The Encounter of a visit opened at reception. */
public final class EncounterMapper {
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String ADMIT_SOURCE = "http://terminology.hl7.org/CodeSystem/admit-source";

  private EncounterMapper() {}

  /**
   * An in-progress Encounter of the patient at this facility, naming the card check that opened it
   * and that check's receipt (secondary identifiers), so that claims intake can tell the visit was
   * checked in here.
   */
  public static Encounter open(
      VisitDetails visit,
      VisitKind kind,
      String patient,
      String facility,
      FacilityCode here,
      CheckResult check) {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.setClass_(
        switch (kind) {
          case OUTPATIENT -> new Coding(ACT_CODE, "AMB", "ambulatory");
          case INPATIENT -> new Coding(ACT_CODE, "IMP", "inpatient encounter");
          case EMERGENCY -> new Coding(ACT_CODE, "EMER", "emergency");
        });
    e.setSubject(new Reference(patient));
    e.setServiceProvider(new Reference(facility));
    e.setPeriod(new Period().setStart(Date.from(visit.start().toInstant())));
    String key = visit.hisVisitKey();
    if (key != null) {
      e.addIdentifier(
          PatientMapper.identifier(
              Identifiers.hisVisit(here), key, Identifier.IdentifierUse.OFFICIAL));
    }
    e.addIdentifier(
        PatientMapper.identifier(
            Identifiers.CHECK_ID, check.checkId(), Identifier.IdentifierUse.SECONDARY));
    e.addIdentifier(
        PatientMapper.identifier(
            Identifiers.CHECK_RECEIPT, check.receipt(), Identifier.IdentifierUse.SECONDARY));
    if (visit.department() != null) {
      e.setServiceType(
          new CodeableConcept(new Coding(Identifiers.DEPARTMENT, visit.department(), null)));
    }
    if (visit.referralNumber() != null) {
      Encounter.EncounterHospitalizationComponent h = e.getHospitalization();
      h.setPreAdmissionIdentifier(new Identifier().setValue(visit.referralNumber()));
      h.setAdmitSource(
          new CodeableConcept(
              new Coding(ADMIT_SOURCE, "hosp-trans", "Transferred from other hospital")));
    }
    if (visit.selfPay()) {
      e.addExtension(Identifiers.EXT_SELF_PAY, new StringType(visit.selfPayReason()));
    }
    return e;
  }

  /**
   * The search for the visit a HIS visit key names at this facility: a repeated check-in (a double
   * click at reception) finds the visit the first one opened.
   */
  public static String criteria(FacilityCode here, String hisVisitKey) {
    return "identifier="
        + Identifiers.hisVisit(here)
        + "|"
        + hisVisitKey
            .replace("\\", "\\\\")
            .replace("|", "\\|")
            .replace(",", "\\,")
            .replace("$", "\\$");
  }
}
