package vn.bhyt.fhir;

import java.util.UUID;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** Test resources: valid R4, with identifiers unique to each test run. */
final class Resources {
  static final String CARD_SYSTEM = "https://bhxh.gov.vn/the-bhyt";

  private Resources() {}

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static Patient patient(String system, String value, String family, String given, String birth) {
    Patient p = new Patient();
    p.addIdentifier().setSystem(system).setValue(value);
    p.addName().setFamily(family).addGiven(given);
    p.setGender(AdministrativeGender.MALE);
    p.setBirthDateElement(new DateType(birth));
    return p;
  }

  static Coverage coverage(String patientId, String cardNumber) {
    Coverage c = new Coverage();
    c.setStatus(Coverage.CoverageStatus.ACTIVE);
    c.setBeneficiary(new Reference("Patient/" + patientId));
    c.setSubscriberId(cardNumber);
    c.addPayor().setDisplay("Bảo hiểm xã hội Việt Nam");
    return c;
  }

  static Encounter encounter(String patientId, String identifier, String start, String end) {
    Encounter e = new Encounter();
    e.addIdentifier().setSystem("urn:bhyt:visit").setValue(identifier);
    e.setStatus(
        end == null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
    e.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
    e.setSubject(new Reference("Patient/" + patientId));
    Period period = new Period().setStartElement(new DateTimeType(start));
    if (end != null) {
      period.setEndElement(new DateTimeType(end));
    }
    e.setPeriod(period);
    return e;
  }

  static CoverageEligibilityResponse eligibility(String patientId) {
    CoverageEligibilityResponse r = new CoverageEligibilityResponse();
    r.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
    r.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
    r.setPatient(new Reference("Patient/" + patientId));
    r.setCreatedElement(new DateTimeType("2026-11-23T08:15:30+07:00"));
    r.setRequest(new Reference().setDisplay("card check"));
    r.setInsurer(new Reference().setDisplay("Bảo hiểm xã hội Việt Nam"));
    r.setOutcome(RemittanceOutcome.COMPLETE);
    return r;
  }
}
