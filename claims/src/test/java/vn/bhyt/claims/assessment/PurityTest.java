package vn.bhyt.claims.assessment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.bhyt.arch.Purity;

/**
 * The claim model, the pre-assessment and the FHIR Claim mappers stay pure: no Netty, no JDBC, no
 * pool, no logging, no files.
 */
class PurityTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(
              "vn.bhyt.claims.assessment", "vn.bhyt.claims.claim", "vn.bhyt.claims.fhirclaim");

  @Test
  void claimsAndAssessmentDoNoIo() {
    Purity.noIoIn(
            "vn.bhyt.claims.assessment..", "vn.bhyt.claims.claim..", "vn.bhyt.claims.fhirclaim..")
        .check(classes);
  }
}
