package vn.bhyt.visits;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import vn.bhyt.fhir.FhirStore;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * Finishes visits: the Encounter gets its end time, its discharge disposition and status finished.
 */
public final class DischargeService {
  /** The FHIR discharge-disposition codes a discharge may give. */
  public static final Set<String> TYPES =
      Set.of(
          "home",
          "alt-home",
          "other-hcf",
          "hosp",
          "long",
          "aadvice",
          "exp",
          "psy",
          "rehab",
          "snf",
          "oth");

  private static final String DISPOSITION =
      "http://terminology.hl7.org/CodeSystem/discharge-disposition";
  private final FhirStore store;
  private final Executor executor;

  public DischargeService(FhirStore store, Executor executor) {
    this.store = store;
    this.executor = executor;
  }

  /**
   * Finishes a visit.
   *
   * @throws ProblemException (in the stage) 404 for an unknown visit, 409 for a finished one
   */
  public CompletionStage<Encounter> discharge(String visitId, OffsetDateTime end, String type) {
    return CompletableFuture.supplyAsync(() -> finish(visitId, end, type), executor);
  }

  private Encounter finish(String visitId, OffsetDateTime end, String type) {
    try {
      return store.inTransaction(
          c -> {
            Encounter e =
                (Encounter)
                    store
                        .readForUpdate(c, "Encounter", visitId)
                        .orElseThrow(
                            () ->
                                new ProblemException(
                                    ProblemType.VISIT_NOT_FOUND, "no visit with this id"));
            if (e.getStatus() == Encounter.EncounterStatus.FINISHED) {
              throw new ProblemException(
                  ProblemType.VISIT_FINISHED, "the visit was discharged already");
            }
            if (end.toInstant().isBefore(e.getPeriod().getStart().toInstant())) {
              throw new ProblemException(
                  ProblemType.INVALID_VISIT_FIELDS, "'end' is before the visit's start");
            }
            e.setStatus(Encounter.EncounterStatus.FINISHED);
            e.getPeriod().setEnd(Date.from(end.toInstant()));
            e.getHospitalization()
                .setDischargeDisposition(new CodeableConcept(new Coding(DISPOSITION, type, null)));
            return store.update(c, e, Integer.valueOf(e.getMeta().getVersionId()));
          });
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }
}
