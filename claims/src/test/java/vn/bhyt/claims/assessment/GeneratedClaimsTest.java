package vn.bhyt.claims.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bhyt.claims.assessment.Checks.CLAIMS;
import static vn.bhyt.claims.assessment.Checks.REFERENCE;

import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;

/**
 * Claims from the intake's generator, whose money is computed independently of the rules: the
 * standard rules find nothing wrong with clean ones, and find the field broken on purpose.
 */
class GeneratedClaimsTest {
  private static final Assessor ASSESSOR =
      new Assessor(RuleBook.standard(REFERENCE, CLAIMS, Set.of()));

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void cleanGeneratedVisitsPass(long seed) {
    ClaimDossiers visit = ClaimDossiers.aVisit().seed(seed).withLines(1 + (int) (seed % 25));
    if (seed % 3 == 0) {
      visit.inpatient();
    }
    if (seed % 4 == 0) {
      visit.in4210();
    }
    Assessment a = ASSESSOR.assess(visit.build(), Dossiers.nothingKnown());
    assertThat(a.findings())
        .as("seed %d", seed)
        .filteredOn(f -> f.severity() != Severity.INFO)
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aBrokenFundShareIsFound(long seed) {
    ClaimDossier broken =
        ClaimDossiers.aVisit()
            .seed(seed)
            .withServiceLines(3)
            .with(ClaimDossier.SERVICES, 2, "T_BHTT", "1.00")
            .build();
    Assessment a = ASSESSOR.assess(broken, Dossiers.nothingKnown());
    assertThat(a.status()).isEqualTo(AssessmentStatus.REJECTED);
    assertThat(a.findings())
        .anySatisfy(
            f -> {
              assertThat(f.table()).isEqualTo("XML3");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.field()).isEqualTo("T_BHTT");
            });
  }
}
