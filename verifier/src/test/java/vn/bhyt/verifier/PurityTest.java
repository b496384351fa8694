package vn.bhyt.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.bhyt.arch.Purity;

/** The pure packages stay pure: no Netty, no JDBC, no pool, no logging, no files. */
class PurityTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("vn.bhyt.verifier");

  @Test
  void pureDomainPackagesDoNoIo() {
    Purity.noIoIn("vn.bhyt.verifier.card..", "vn.bhyt.verifier.rules..").check(classes);
  }

  @Test
  void checkServiceKnowsNoTransportOrJdbc() {
    noClasses()
        .that()
        .resideInAPackage("vn.bhyt.verifier.check..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.netty..", "java.sql..", "javax.sql..", "com.zaxxer..")
        .check(classes);
  }
}
