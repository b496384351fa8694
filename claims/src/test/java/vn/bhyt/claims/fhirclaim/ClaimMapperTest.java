package vn.bhyt.claims.fhirclaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.RuleBook;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirValidation;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.Facility;

/**
 * Dossier → Claim → dossier on generated visits: the tables the assessment reads come back field
 * for field, the assessment of both is the same, and every Claim and ClaimResponse is valid R4.
 */
class ClaimMapperTest {
  private static final ClaimReference CLAIMS = ClaimReference.builtIn();
  private static final ClaimMapper MAPPER = new ClaimMapper(CLAIMS);
  private static final ClaimResponseMapper RESPONSES = new ClaimResponseMapper(MAPPER);
  private static final Assessor ASSESSOR =
      new Assessor(RuleBook.standard(ReferenceData.builtIn(), CLAIMS, Set.of()));
  private static final AssessmentContext CONTEXT =
      AssessmentContext.of(
          new Facility(new FacilityCode("79034"), FacilityLevel.PROVINCIAL),
          LocalDate.of(2026, 3, 10));
  private static final DateTimeType NOW = new DateTimeType("2026-03-10T09:00:00+07:00");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private static ClaimDossier visit(long seed) {
    ClaimDossiers visit = ClaimDossiers.aVisit().seed(seed).withLines(1 + (int) (seed % 20));
    if (seed % 3 == 0) {
      visit.inpatient();
    }
    if (seed % 5 == 0) {
      visit.with(ClaimDossier.SERVICES, 1, "T_BHTT", "1.00");
    }
    return visit.build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aDossierComesBackFromItsClaim(long seed) throws Exception {
    ClaimDossier dossier = visit(seed);
    Claim claim = MAPPER.toClaim(dossier, "c" + seed, NOW);
    Claim parsed = viaJson(claim);
    ClaimDossier back = MAPPER.toDossier(parsed);
    assertThat(back.facilityCode()).isEqualTo(dossier.facilityCode());
    assertThat(back.format()).isEqualTo(ClaimFormat.QD130);
    assertThat(back.verbatim()).isEmpty();
    for (String table : List.of(ClaimDossier.SUMMARY, ClaimDossier.DRUGS, ClaimDossier.SERVICES)) {
      assertThat(back.rows(table)).as("seed %d %s", seed, table).isEqualTo(dossier.rows(table));
    }
    Assessment before = ASSESSOR.assess(dossier, CONTEXT);
    Assessment after = ASSESSOR.assess(back, CONTEXT);
    assertThat(after.findings()).isEqualTo(before.findings());
    assertThat(after.totals()).isEqualTo(before.totals());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theClaimAndItsResponseAreValidR4(long seed) {
    if (seed % 4 != 0) {
      return;
    }
    ClaimDossier dossier = visit(seed);
    Claim claim = MAPPER.toClaim(dossier, "c" + seed, NOW);
    ClaimResponse response =
        RESPONSES.toResponse(dossier, ASSESSOR.assess(dossier, CONTEXT), "c" + seed, NOW);
    assertValid(claim);
    assertValid(response);
  }

  @Test
  void itemsCarryTheMoneyAndTheResponseAdjudicatesEachLine() {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(3).withLines(5).build();
    Claim claim = MAPPER.toClaim(dossier, "c1", NOW);
    List<ClaimRow> lines = dossier.rows(ClaimDossier.DRUGS);
    assertThat(claim.getIdentifierFirstRep().getValue()).isEqualTo(dossier.maLk().orElseThrow());
    assertThat(claim.getItem()).hasSize(5);
    Claim.ItemComponent first = claim.getItemFirstRep();
    assertThat(first.getNet().getValue()).isEqualByComparingTo(lines.get(0).text("THANH_TIEN_BV"));
    assertThat(first.getNet().getCurrency()).isEqualTo("VND");
    assertThat(first.getProductOrService().getCodingFirstRep().getSystem())
        .isEqualTo(ClaimCodes.DRUG);
    ClaimResponse r = RESPONSES.toResponse(dossier, ASSESSOR.assess(dossier, CONTEXT), "c1", NOW);
    assertThat(r.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
    assertThat(r.getRequest().getReference()).isEqualTo("Claim/c1");
    ClaimResponse.ItemComponent item = r.getItemFirstRep();
    assertThat(item.getAdjudication())
        .extracting(a -> a.getCategory().getCodingFirstRep().getCode())
        .containsExactly("submitted", "eligible", "benefit", "copay");
    Money benefit = item.getAdjudication().get(2).getAmount();
    assertThat(benefit.getValue()).isEqualByComparingTo(lines.get(0).text("T_BHTT"));
  }

  @Test
  void aBrokenFundShareIsAnErrorOnItsItem() {
    ClaimDossier dossier =
        ClaimDossiers.aVisit()
            .seed(4)
            .withDrugLines(1)
            .withServiceLines(3)
            .with(ClaimDossier.SERVICES, 2, "T_BHTT", "1.00")
            .build();
    Assessment a = ASSESSOR.assess(dossier, CONTEXT);
    assertThat(a.status()).isEqualTo(AssessmentStatus.REJECTED);
    ClaimResponse r = RESPONSES.toResponse(dossier, a, "c1", NOW);
    assertThat(r.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.ERROR);
    assertThat(r.getError()).anySatisfy(e -> assertThat(e.getItemSequence()).isEqualTo(3));
    assertThat(r.getProcessNote())
        .anySatisfy(n -> assertThat(n.getText()).contains("XML3 line 2 (item 3) T_BHTT"));
  }

  @Test
  void aClaimWithoutKeyFacilityOrItemsIsRefused() {
    Claim empty = new Claim();
    assertThatThrownBy(() -> MAPPER.toDossier(empty))
        .isInstanceOfSatisfying(
            ClaimMappingException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("Claim.identifier"))
                    .anyMatch(p -> p.startsWith("Claim.provider"))
                    .anyMatch(p -> p.startsWith("Claim.item")));
  }

  @Test
  void aNegativeOrForeignAmountIsRefused() {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(5).withLines(2).build();
    Claim claim = MAPPER.toClaim(dossier, null, NOW);
    claim.getItem().get(0).getNet().setValue(-5);
    claim.getItem().get(1).getNet().setCurrency("USD");
    assertThatThrownBy(() -> MAPPER.toDossier(claim))
        .isInstanceOfSatisfying(
            ClaimMappingException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("Claim.item[0].net"))
                    .anyMatch(p -> p.startsWith("Claim.item[1].net")));
  }

  @Test
  void aClaimWithoutExtensionsGivesTheFieldsOfItsElements() throws Exception {
    ClaimDossier dossier = ClaimDossiers.aVisit().seed(6).withLines(2).build();
    Claim claim = MAPPER.toClaim(dossier, null, NOW);
    claim.getExtension().clear();
    claim.getItem().forEach(i -> i.getExtension().clear());
    ClaimDossier back = MAPPER.toDossier(claim);
    ClaimRow summary = back.summary().orElseThrow();
    ClaimRow original = dossier.summary().orElseThrow();
    for (String field :
        List.of("MA_LK", "HO_TEN", "MA_THE_BHYT", "NGAY_VAO", "NGAY_RA", "MA_BENH_CHINH")) {
      assertThat(summary.text(field)).as(field).isEqualTo(original.text(field));
    }
    List<ClaimTable> lines = back.tables().subList(1, back.tables().size());
    assertThat(lines.stream().mapToInt(t -> t.rows().size()).sum()).isEqualTo(2);
  }

  private static Claim viaJson(Claim claim) {
    var parser = FhirContexts.r4().newJsonParser();
    return parser.parseResource(Claim.class, parser.encodeResourceToString(claim));
  }

  private static void assertValid(Resource resource) {
    OperationOutcome outcome = FhirValidation.validate(resource);
    assertThat(FhirValidation.hasErrors(outcome))
        .as(
            () ->
                FhirContexts.r4()
                    .newJsonParser()
                    .setPrettyPrint(true)
                    .encodeResourceToString(outcome))
        .isFalse();
  }
}
