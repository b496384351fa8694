package vn.bhyt.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** What the pure packages keep away from: Netty, JDBC, the pool, logging, the network, files. */
public final class Purity {
  /** The packages of input and output. */
  public static final String[] IO = {
    "io.netty..",
    "java.sql..",
    "javax.sql..",
    "com.zaxxer..",
    "org.slf4j..",
    "ch.qos.logback..",
    "java.net..",
    "java.nio.file.."
  };

  private Purity() {}

  /** No class of these packages depends on a class of {@link #IO}. */
  public static ArchRule noIoIn(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO);
  }
}
