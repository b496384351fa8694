package vn.bhyt.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bhyt.arch.Purity;

/**
 * The layout as a rule of the build: which module may use which, no cycles between modules or
 * between packages, the HTTP kernel used by route code only, services free of routes, route
 * handlers that do not call each other, and pure packages that stay pure through everything they
 * use. Main code of every module is imported (the test jars and benchmarks are not).
 */
class LayeringTest {
  /** Packages of route code: the kernel, each module's HTTP adapters, the FHIR REST layer. */
  static final String[] ROUTES = {
    "vn.bhyt.http..", "vn.bhyt..http..", "vn.bhyt.fhir.rest..", "vn.bhyt.claims.fhirapi.."
  };

  /** Packages that do no input or output, directly or through any class of this code base. */
  static final String[] PURE = {
    "vn.bhyt.domain..",
    "vn.bhyt.problem..",
    "vn.bhyt.verifier.card..",
    "vn.bhyt.verifier.rules..",
    "vn.bhyt.claims.assessment..",
    "vn.bhyt.claims.claim..",
    "vn.bhyt.claims.fhirclaim.."
  };

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("vn.bhyt");

  @Test
  void eachModuleUsesOnlyTheModulesBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("shared")
        .definedBy(
            "vn.bhyt.domain..",
            "vn.bhyt.config..",
            "vn.bhyt.problem..",
            "vn.bhyt.reference..",
            "vn.bhyt.csv..",
            "vn.bhyt.auth..",
            "vn.bhyt.http..",
            "vn.bhyt.persistence..")
        .layer("test-support")
        .definedBy("vn.bhyt.testing..")
        .layer("verifier")
        .definedBy("vn.bhyt.verifier..")
        .layer("fhir")
        .definedBy("vn.bhyt.fhir..")
        .layer("visits")
        .definedBy("vn.bhyt.visits..")
        .layer("claims")
        .definedBy("vn.bhyt.claims..")
        .layer("fundsim")
        .definedBy("vn.bhyt.fundsim..")
        .layer("app")
        .definedBy("vn.bhyt.gateway..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("visits")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("claims")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("fhir")
        .mayOnlyBeAccessedByLayers("visits", "claims", "app")
        .whereLayer("verifier")
        .mayOnlyBeAccessedByLayers("visits", "claims", "app")
        .whereLayer("fundsim")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("test-support")
        .mayOnlyBeAccessedByLayers("app")
        .check(CLASSES);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("vn.bhyt.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("vn.bhyt.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void onlyRouteCodeAndTheAppUseTheKernelOrRouteCode() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROUTES)
        .and()
        .resideOutsideOfPackage("vn.bhyt.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROUTES)
        .check(CLASSES);
  }

  @Test
  void routeHandlersUseNoConcreteHandlerOfAnotherPackage() {
    classes().that(HANDLERS).should(useNoHandlerOfAnotherPackage()).check(CLASSES);
  }

  @Test
  void purePackagesStayPureThroughEverythingTheyUse() {
    classes().that().resideInAnyPackage(PURE).should(reachNoInputOrOutput()).check(CLASSES);
  }

  /**
   * Violated by a class that reaches a class of {@link Purity#IO} directly or through classes of
   * this code base (the JDK's and libraries' own insides are not followed), naming the path.
   */
  private static ArchCondition<JavaClass> reachNoInputOrOutput() {
    DescribedPredicate<JavaClass> io = JavaClass.Predicates.resideInAnyPackage(Purity.IO);
    return new ArchCondition<>("reach no input or output, directly or through this code base") {
      @Override
      public void check(JavaClass start, ConditionEvents events) {
        Map<JavaClass, JavaClass> cameFrom = new HashMap<>();
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(start));
        cameFrom.put(start, start);
        while (!todo.isEmpty()) {
          JavaClass c = todo.removeFirst();
          for (Dependency d : c.getDirectDependenciesFromSelf()) {
            JavaClass t = d.getTargetClass().getBaseComponentType();
            if (io.test(t)) {
              events.add(SimpleConditionEvent.violated(start, path(cameFrom, c) + " -> " + t));
              return;
            }
            if (t.getPackageName().startsWith("vn.bhyt.") && cameFrom.putIfAbsent(t, c) == null) {
              todo.addLast(t);
            }
          }
        }
      }
    };
  }

  private static String path(Map<JavaClass, JavaClass> cameFrom, JavaClass end) {
    Deque<String> names = new ArrayDeque<>();
    for (JavaClass c = end; ; c = cameFrom.get(c)) {
      names.addFirst(c.getName());
      if (cameFrom.get(c) == c) {
        return String.join(" -> ", names);
      }
    }
  }

  static final DescribedPredicate<JavaClass> ROUTE_PACKAGE =
      JavaClass.Predicates.resideInAnyPackage(ROUTES);

  /** Concrete classes of route packages named as handlers. */
  static final DescribedPredicate<JavaClass> HANDLERS =
      DescribedPredicate.describe(
          "concrete route handlers",
          c ->
              c.getSimpleName().endsWith("Handler")
                  && !c.isInterface()
                  && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                  && ROUTE_PACKAGE.test(c));

  private static ArchCondition<JavaClass> useNoHandlerOfAnotherPackage() {
    return new ArchCondition<>("use no concrete route handler of another package") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        item.getDirectDependenciesFromSelf().stream()
            .map(d -> d.getTargetClass().getBaseComponentType())
            .filter(t -> !t.getPackageName().equals(item.getPackageName()))
            .filter(HANDLERS::test)
            .distinct()
            .forEach(
                t ->
                    events.add(
                        SimpleConditionEvent.violated(
                            item, item.getName() + " uses " + t.getName())));
      }
    };
  }
}
