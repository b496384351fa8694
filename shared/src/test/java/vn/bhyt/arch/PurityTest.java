package vn.bhyt.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pure shared packages stay pure: no Netty, no JDBC, no pool, no logging, no files. */
class PurityTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("vn.bhyt");

  @Test
  void domainProblemsAndConfigurationDoNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage("vn.bhyt.domain..", "vn.bhyt.problem..", "vn.bhyt.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.netty..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.slf4j..", "java.net..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage("vn.bhyt.domain..", "vn.bhyt.problem..", "vn.bhyt.config..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(java.nio.file.Files.class, java.io.File.class, java.io.FileInputStream.class)
        .check(classes);
  }
}
