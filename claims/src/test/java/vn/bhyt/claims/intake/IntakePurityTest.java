package vn.bhyt.claims.intake;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.bhyt.arch.Purity;

/** Claim intake and the claim model stay pure: no Netty, no JDBC, no pool, no logging, no files. */
class IntakePurityTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("vn.bhyt.claims.intake", "vn.bhyt.claims.claim");

  @Test
  void intakeDoesNoIoOfItsOwn() {
    Purity.noIoIn("vn.bhyt.claims.intake..", "vn.bhyt.claims.claim..").check(classes);
  }
}
