package vn.bhyt.visits;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.api.CheckAnswer;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.check.CheckResult;
import vn.bhyt.verifier.rules.CardFacts;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.Evidence;
import vn.bhyt.verifier.rules.Outcome;

/**
 * Opens visits: checks the card, then records Patient, Coverage, Encounter and
 * CoverageEligibilityResponse in one transaction. One person is one Patient, enforced by the
 * store's conditional create, also under concurrent check-ins.
 */
public final class CheckInService {
  private final CardCheckService checks;
  private final FhirStore store;
  private final ReferenceData reference;
  private final FacilityCode here;
  private final Executor executor;
  private volatile String @Nullable [] organizations;

  public CheckInService(
      CardCheckService checks,
      FhirStore store,
      ReferenceData reference,
      FacilityCode here,
      Executor executor) {
    this.checks = checks;
    this.store = store;
    this.reference = reference;
    this.here = here;
    this.executor = executor;
  }

  /**
   * Checks the card and opens the visit.
   *
   * @throws ProblemException (in the stage) 422 when the card is invalid and the visit is not
   *     self-paid, with the check in the problem document
   */
  public CompletionStage<CheckIn> checkIn(
      CheckRequest request, VisitDetails visit, String checkedBy, Locale language) {
    return checkIn(request, visit, checkedBy, null, language);
  }

  /**
   * Checks the card, the fund asked with the clerk's identity where one is given, and opens the
   * visit.
   *
   * @param clerk the clerk the reception token names, or null
   * @throws ProblemException (in the stage) 422 when the card is invalid and the visit is not
   *     self-paid, with the check in the problem document
   */
  public CompletionStage<CheckIn> checkIn(
      CheckRequest request,
      VisitDetails visit,
      String checkedBy,
      @Nullable Clerk clerk,
      Locale language) {
    return checks
        .check(request, checkedBy, clerk)
        .thenCompose(
            result -> {
              CheckAnswer answer = CheckAnswer.of(result, language);
              refuseInvalid(result, answer, visit);
              return CompletableFuture.supplyAsync(
                  () -> record(request, visit, result, answer), executor);
            });
  }

  private static void refuseInvalid(CheckResult result, CheckAnswer answer, VisitDetails visit) {
    if (result.verdict().outcome() == Outcome.INVALID && !visit.selfPay()) {
      throw new ProblemException(
          ProblemType.VISIT_CARD_INVALID,
          "the card is not valid for this visit (result "
              + result.verdict().result()
              + "); send \"selfPay\": true with a \"selfPayReason\" to open it as a self-paid visit",
          Map.of("check", answer));
    }
    if (result.verdict().card().ssn() == null) {
      throw new ProblemException(
          ProblemType.VISIT_WITHOUT_SSN,
          "the card number gives no social-insurance number; register the patient in the HIS instead");
    }
  }

  private CheckIn record(
      CheckRequest request, VisitDetails visit, CheckResult result, CheckAnswer answer) {
    try {
      return FhirStore.retried(() -> write(request, visit, result, answer));
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Two round trips to the database: one finds the person's Patient and the card's Coverage when
   * they exist, the other creates the rest in one transaction. When another check-in of the same
   * person creates them in between, the store says so ({@link FhirStore.ClaimTaken}) and this is
   * run again.
   */
  private CheckIn write(
      CheckRequest request, VisitDetails visit, CheckResult result, CheckAnswer answer)
      throws SQLException {
    CardFacts card = result.verdict().card();
    String[] orgs = organizations();
    String fund = orgs[0];
    String facility = orgs[1];
    FhirStore.Conditional patientCriteria =
        store.conditional("Patient", PatientMapper.criteria(card));
    FhirStore.Conditional coverageCriteria =
        store.conditional("Coverage", CoverageMapper.criteria(card));
    String key = visit.hisVisitKey();
    FhirStore.Conditional visitCriteria =
        key == null ? null : store.conditional("Encounter", EncounterMapper.criteria(here, key));
    List<Optional<String>> found =
        store.matches(
            visitCriteria == null
                ? List.of(patientCriteria, coverageCriteria)
                : List.of(patientCriteria, coverageCriteria, visitCriteria));
    if (visitCriteria != null && found.get(2).isPresent()) {
      return repeated(found, answer);
    }
    List<FhirStore.Creation> creations = new ArrayList<>();
    String patient = found.get(0).map(id -> "Patient/" + id).orElse(null);
    if (patient == null) {
      String citizenId =
          request.evidence() instanceof Evidence.Citizen id ? id.id().citizenId() : null;
      patient = add(creations, PatientMapper.from(card, citizenId, visit, here), patientCriteria);
    }
    String coverage = found.get(1).map(id -> "Coverage/" + id).orElse(null);
    if (coverage == null) {
      coverage =
          add(creations, CoverageMapper.from(card, patient, fund, reference), coverageCriteria);
    }
    VisitKind kind = request.visitKind();
    List<String> why = answer.coverage() == null ? List.of() : answer.coverage().explanation();
    String encounter =
        add(
            creations,
            EncounterMapper.open(visit, kind, patient, facility, here, result),
            visitCriteria);
    String eligibility =
        add(
            creations,
            EligibilityMapper.from(
                result,
                answer.message(),
                why,
                new Reference(patient),
                new Reference(coverage),
                new Reference(fund)),
            null);
    store.createAll(creations);
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put("Patient", patient);
    resources.put("Coverage", coverage);
    resources.put("Encounter", encounter);
    resources.put("CoverageEligibilityResponse", eligibility);
    return new CheckIn(encounter.substring(encounter.indexOf('/') + 1), answer, resources, true);
  }

  /**
   * The visit a repeated check-in's HIS visit key names, as the first check-in opened it.
   *
   * @throws ProblemException 409 when the key names a visit of another patient
   */
  private CheckIn repeated(List<Optional<String>> found, CheckAnswer answer) throws SQLException {
    String visitId = found.get(2).orElseThrow();
    String patient = found.get(0).map(id -> "Patient/" + id).orElse(null);
    Encounter open = (Encounter) store.read("Encounter", visitId).orElseThrow();
    if (patient == null || !patient.equals(open.getSubject().getReference())) {
      throw new ProblemException(
          ProblemType.VISIT_KEY_TAKEN,
          "this hisVisitKey names another patient's visit at this facility; send the key of this"
              + " visit");
    }
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put("Patient", patient);
    found.get(1).ifPresent(id -> resources.put("Coverage", "Coverage/" + id));
    resources.put("Encounter", "Encounter/" + visitId);
    return new CheckIn(visitId, answer, resources, false);
  }

  /** Gives a resource its new id and adds it to those to create; answers its reference. */
  private String add(
      List<FhirStore.Creation> creations, Resource r, FhirStore.@Nullable Conditional criteria) {
    r.setId(store.newId());
    creations.add(new FhirStore.Creation(r, criteria));
    return ref(r);
  }

  /**
   * The fund's and this facility's Organizations, created once in a transaction of their own and
   * remembered: resources are never deleted, and check-ins need not contend for them.
   */
  private String[] organizations() throws SQLException {
    String[] known = organizations;
    if (known == null) {
      known =
          store.inTransaction(
              c ->
                  new String[] {
                    ref(
                        store
                            .createIfNoneExist(
                                c, Organizations.fund(), Organizations.fundCriteria())
                            .resource()),
                    ref(
                        store
                            .createIfNoneExist(
                                c,
                                Organizations.facility(here),
                                Organizations.facilityCriteria(here))
                            .resource())
                  });
      organizations = known;
    }
    return known;
  }

  private static String ref(Resource r) {
    return r.fhirType() + "/" + r.getIdElement().getIdPart();
  }
}
