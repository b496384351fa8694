package vn.bhyt.claims.fhirclaim;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.fhir.Identifiers;

/**
 * The patient and the card of a claim as the Claim's contained Patient and Coverage: {@code MA_BN},
 * {@code HO_TEN}, {@code NGAY_SINH}, {@code GIOI_TINH} (1 male, 2 female) and {@code MA_THE_BHYT}.
 */
final class ClaimParties {
  static final String FUND = "Bảo hiểm xã hội Việt Nam";

  private ClaimParties() {}

  static void addPatientAndCoverage(Claim claim, String facility, FieldExtensions f) {
    Patient patient = new Patient();
    patient.setId(ClaimMapper.PATIENT);
    f.take("MA_BN")
        .ifPresent(
            id -> patient.addIdentifier().setSystem(Identifiers.hisPatient(facility)).setValue(id));
    f.take("HO_TEN").ifPresent(name -> patient.addName().setText(name));
    f.take("NGAY_SINH", FieldText::date, FieldText::text).ifPresent(patient::setBirthDateElement);
    f.take("GIOI_TINH", ClaimParties::gender, ClaimParties::gender).ifPresent(patient::setGender);
    Coverage coverage = new Coverage();
    coverage.setId(ClaimMapper.COVERAGE);
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.setBeneficiary(new Reference("#" + ClaimMapper.PATIENT));
    coverage.addPayor(new Reference().setDisplay(FUND));
    f.take("MA_THE_BHYT")
        .ifPresent(
            card -> {
              coverage.addIdentifier().setSystem(Identifiers.CARD).setValue(card);
              coverage.setSubscriberId(card);
            });
    claim.addContained(patient);
    claim.addContained(coverage);
    claim.setPatient(new Reference("#" + ClaimMapper.PATIENT));
    claim
        .addInsurance()
        .setSequence(1)
        .setFocal(true)
        .setCoverage(new Reference("#" + ClaimMapper.COVERAGE));
  }

  static void readPatientAndCoverage(Claim claim, Map<String, String> summary) {
    contained(claim, claim.getPatient(), Patient.class)
        .ifPresent(
            p -> {
              p.getIdentifier().stream()
                  .filter(i -> i.hasSystem() && i.getSystem().endsWith("/ma-bn") && i.hasValue())
                  .findFirst()
                  .ifPresent(i -> summary.put("MA_BN", i.getValue()));
              if (p.hasName() && p.getNameFirstRep().hasText()) {
                summary.put("HO_TEN", p.getNameFirstRep().getText());
              }
              if (p.hasBirthDate()) {
                summary.put("NGAY_SINH", FieldText.text(p.getBirthDateElement()));
              }
              if (p.hasGender()) {
                genderCode(p.getGender()).ifPresent(g -> summary.put("GIOI_TINH", g));
              }
            });
    for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
      contained(claim, insurance.getCoverage(), Coverage.class)
          .flatMap(ClaimParties::card)
          .ifPresent(card -> summary.putIfAbsent("MA_THE_BHYT", card));
    }
  }

  private static Optional<String> card(Coverage coverage) {
    return coverage.getIdentifier().stream()
        .filter(i -> Identifiers.CARD.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue)
        .findFirst()
        .or(() -> Optional.ofNullable(coverage.getSubscriberId()));
  }

  private static <T extends Resource> Optional<T> contained(
      Claim claim, Reference ref, Class<T> type) {
    if (type.isInstance(ref.getResource())) {
      return Optional.of(type.cast(ref.getResource()));
    }
    if (!ref.hasReference() || !ref.getReference().startsWith("#")) {
      return Optional.empty();
    }
    String id = ref.getReference().substring(1);
    return claim.getContained().stream()
        .filter(type::isInstance)
        .filter(r -> id.equals(r.getIdElement().getIdPart().replace("#", "")))
        .map(type::cast)
        .findFirst();
  }

  private static Optional<AdministrativeGender> gender(String code) {
    return switch (code) {
      case "1" -> Optional.of(AdministrativeGender.MALE);
      case "2" -> Optional.of(AdministrativeGender.FEMALE);
      default -> Optional.empty();
    };
  }

  private static String gender(AdministrativeGender gender) {
    return switch (gender) {
      case MALE -> "1";
      case FEMALE -> "2";
      default -> "";
    };
  }

  private static Optional<String> genderCode(AdministrativeGender gender) {
    String code = gender(gender);
    return code.isEmpty() ? Optional.empty() : Optional.of(code);
  }
}
