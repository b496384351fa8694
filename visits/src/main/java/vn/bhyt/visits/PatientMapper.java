package vn.bhyt.visits;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.Sex;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.verifier.rules.CardFacts;

/** The Patient of a checked card: one per social-insurance number. */
public final class PatientMapper {
  private PatientMapper() {}

  /** The Patient as the card check states the person. */
  public static Patient from(
      CardFacts card, @Nullable String citizenId, VisitDetails visit, FacilityCode here) {
    String ssn =
        Objects.requireNonNull(card.ssn(), "a check-in needs the card's social-insurance number");
    Patient p = new Patient();
    p.addIdentifier(identifier(Identifiers.SSN, ssn, Identifier.IdentifierUse.OFFICIAL));
    if (citizenId != null) {
      p.addIdentifier(
          identifier(Identifiers.CITIZEN_ID, citizenId, Identifier.IdentifierUse.SECONDARY));
    }
    if (visit.hisPatientId() != null) {
      p.addIdentifier(
          identifier(
              Identifiers.hisPatient(here), visit.hisPatientId(), Identifier.IdentifierUse.USUAL));
    }
    if (card.name() != null) {
      p.addName(name(card.name()));
    }
    if (card.birthDate() != null) {
      p.setBirthDateElement(new DateType(card.birthDate().toString()));
    }
    p.setGender(
        card.sex() == null
            ? AdministrativeGender.UNKNOWN
            : card.sex() == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
    if (card.address() != null) {
      p.addAddress().setText(card.address());
    }
    return p;
  }

  /** The search criteria that find this person's one Patient. */
  public static String criteria(CardFacts card) {
    return "identifier=" + Identifiers.SSN + "|" + card.ssn();
  }

  /** A Vietnamese name: family name first, then middle and given names. */
  static HumanName name(String full) {
    List<String> parts = Arrays.asList(full.strip().split("\\s+"));
    HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(full.strip());
    name.setFamily(parts.get(0));
    parts.subList(1, parts.size()).forEach(g -> name.getGiven().add(new StringType(g)));
    return name;
  }

  static Identifier identifier(String system, String value, Identifier.IdentifierUse use) {
    return new Identifier().setSystem(system).setValue(value).setUse(use);
  }
}
