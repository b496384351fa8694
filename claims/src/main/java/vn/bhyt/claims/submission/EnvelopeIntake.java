package vn.bhyt.claims.submission;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.fhir.ResourceIds;
import vn.bhyt.claims.store.ClaimLock;
import vn.bhyt.claims.store.ClaimVisit;
import vn.bhyt.claims.store.ClaimWriter;
import vn.bhyt.claims.store.ContentHash;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.store.NewVersion;
import vn.bhyt.claims.store.StoreException;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * One envelope's dossiers on their way into the store, inside the envelope's transaction: each is
 * compared with the stored claim of its visit, then answered as stored, refused, or assessed and
 * stored as a new claim or version.
 */
final class EnvelopeIntake {
  static final int MAX_KEY = 100;
  static final int MAX_FACILITY = 20;

  private final ClaimWriter writer;
  private final Connection c;
  private final Assessor assessor;
  private final ClaimReference reference;
  private final AssessmentContext context;
  private final Submission submission;
  private final Instant now;
  private final Set<String> keys = new HashSet<>();
  private final List<ClaimResult> results = new ArrayList<>();
  private int unchanged;

  EnvelopeIntake(
      ClaimWriter writer,
      Connection c,
      Assessor assessor,
      ClaimReference reference,
      AssessmentContext context,
      Submission submission,
      Instant now) {
    this.writer = writer;
    this.c = c;
    this.assessor = assessor;
    this.reference = reference;
    this.context = context;
    this.submission = submission;
    this.now = now;
  }

  /** Takes the next dossier of the envelope. */
  void take(ClaimDossier dossier) {
    try {
      results.add(receive(dossier));
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  List<ClaimResult> results() {
    return List.copyOf(results);
  }

  /** How many dossiers repeated their stored version. */
  int unchanged() {
    return unchanged;
  }

  private ClaimResult receive(ClaimDossier dossier) throws SQLException {
    String maLk = checkKey(dossier);
    byte[] hash = ContentHash.of(dossier);
    Optional<ClaimLock> stored = writer.lock(dossier.facilityCode(), maLk);
    if (stored.isPresent() && Arrays.equals(stored.get().contentHash(), hash)) {
      ClaimLock same = stored.get();
      unchanged++;
      return new ClaimResult(
          maLk, same.id(), same.version(), JdbcClaims.assessment(c, same.id(), same.version()));
    }
    if (stored.isPresent() && stored.get().forwarded() && submission.correction() == null) {
      throw refuse(
          ProblemType.CLAIM_FORWARDED,
          dossier,
          "FORWARDED",
          "dossier "
              + dossier.index()
              + " changes a claim already forwarded to the fund; send it as a correction"
              + " (POST /api/v1/claims?correction=<reason>)");
    }
    Assessment assessment = assessor.assess(dossier, context);
    String id = stored.map(ClaimLock::id).orElseGet(ResourceIds::next);
    int version = stored.map(s -> s.version() + 1).orElse(1);
    writer.write(
        new NewVersion(
            id,
            version,
            dossier,
            hash,
            assessment,
            ClaimVisit.of(dossier, reference, context.receivedOn()),
            now,
            submission.receivedBy(),
            submission.requestId(),
            submission.correction()));
    return new ClaimResult(maLk, id, version, assessment);
  }

  private String checkKey(ClaimDossier dossier) {
    String maLk = dossier.maLk().orElseThrow();
    if (maLk.length() > MAX_KEY) {
      throw refuse(
          ProblemType.CLAIM_UNKEYABLE,
          dossier,
          "MA_LK_TOO_LONG",
          "dossier " + dossier.index() + ": MA_LK is longer than " + MAX_KEY + " characters");
    }
    if (dossier.facilityCode().length() > MAX_FACILITY) {
      throw refuse(
          ProblemType.CLAIM_UNKEYABLE,
          dossier,
          "FACILITY_TOO_LONG",
          "MACSKCB is longer than " + MAX_FACILITY + " characters");
    }
    if (!keys.add(maLk)) {
      throw refuse(
          ProblemType.CLAIM_UNKEYABLE,
          dossier,
          "DUPLICATE_MA_LK",
          "dossier " + dossier.index() + " has the MA_LK of an earlier dossier of the envelope");
    }
    return maLk;
  }

  private static ProblemException refuse(
      ProblemType type, ClaimDossier dossier, String reason, String detail) {
    return new ProblemException(type, detail, Map.of("reason", reason, "dossier", dossier.index()));
  }
}
