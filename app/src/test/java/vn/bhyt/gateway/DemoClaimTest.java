package vn.bhyt.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.assessment.Severity;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.Facility;

/** The demo's claim file is a readable XML 130 envelope that the standard rules accept. */
class DemoClaimTest {
  @Test
  void theDemoClaimIsReadableAndAccepted(@TempDir Path dir) throws Exception {
    FacilityCode here = new FacilityCode("79034");
    LocalDate today = LocalDate.of(2026, 11, 23);
    Path file = dir.resolve("claim.xml");
    DemoClaim.write(file, here, today, 80);

    List<ClaimDossier> read = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      new ClaimEnvelopeReader().read(in, read::add);
    }
    assertThat(read).hasSize(1);
    Assessment a =
        new Assessor(RuleBook.standard(ReferenceData.builtIn(), ClaimReference.builtIn(), Set.of()))
            .assess(
                read.get(0),
                AssessmentContext.of(new Facility(here, FacilityLevel.PROVINCIAL), today));
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(a.status()).isEqualTo(AssessmentStatus.ACCEPTED);
    assertThat(a.totals().fundShare()).isEqualByComparingTo("476000");
  }

  @Test
  void theDemoFhirClaimIsAnotherVisitTheStandardRulesAccept(@TempDir Path dir) throws Exception {
    FacilityCode here = new FacilityCode("79034");
    LocalDate today = LocalDate.of(2026, 11, 23);
    Path file = dir.resolve("claim.json");
    DemoClaim.writeFhir(file, here, today, 80);
    org.hl7.fhir.r4.model.Claim claim =
        vn.bhyt.fhir.FhirContexts.r4()
            .newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, Files.readString(file));
    ClaimDossier dossier =
        new vn.bhyt.claims.fhirclaim.ClaimMapper(ClaimReference.builtIn()).toDossier(claim);
    assertThat(dossier.maLk()).hasValue("DEMOFHIR20261123");
    Assessment a =
        new Assessor(RuleBook.standard(ReferenceData.builtIn(), ClaimReference.builtIn(), Set.of()))
            .assess(
                dossier, AssessmentContext.of(new Facility(here, FacilityLevel.PROVINCIAL), today));
    assertThat(a.status()).isEqualTo(AssessmentStatus.ACCEPTED);
  }
}
