package vn.bhyt.claims.submission;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.store.ClaimLock;
import vn.bhyt.claims.store.ClaimVisit;
import vn.bhyt.claims.store.ClaimWriter;
import vn.bhyt.claims.store.ColumnLimits;
import vn.bhyt.claims.store.ColumnLimits.Misfit;
import vn.bhyt.claims.store.ColumnType;
import vn.bhyt.claims.store.ContentHash;
import vn.bhyt.claims.store.JdbcClaimHistory;
import vn.bhyt.claims.store.JdbcClaims;
import vn.bhyt.claims.store.NewVersion;
import vn.bhyt.claims.store.SharedConnection;
import vn.bhyt.claims.store.StoredColumn;
import vn.bhyt.fhir.ResourceIds;
import vn.bhyt.persistence.DatabaseException;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * One envelope's dossiers on their way into the store, inside the envelope's transaction: each is
 * compared with the stored claim of its visit, then answered as stored, refused, or assessed and
 * stored as a new claim or version.
 *
 * <p>Dossiers are taken in groups of up to {@value #GROUP}, in envelope order: the stored claims of
 * a group's visit keys are locked, and what the assessment looks up by key and card (claims of the
 * same keys and on the same cards, the registry's cards) read, in a few statements for the whole
 * group; {@link #finish()} takes the last group. A group's rows are sent in the background while
 * the next group is read.
 */
final class EnvelopeIntake {
  static final int GROUP = 200;

  private final ClaimWriter writer;
  private final SharedConnection shared;
  private final Assessor assessor;
  private final ClaimReference reference;
  private final AssessmentContext context;
  private final JdbcClaimHistory history;
  private final EnvelopeCards cards;
  private final List<Taken> group = new ArrayList<>();
  private final Submission submission;
  private final Instant now;
  private final Set<String> keys = new HashSet<>();
  private final List<ClaimResult> results = new ArrayList<>();
  private int unchanged;

  EnvelopeIntake(
      ClaimWriter writer,
      SharedConnection shared,
      Assessor assessor,
      ClaimReference reference,
      AssessmentContext context,
      JdbcClaimHistory history,
      EnvelopeCards cards,
      Submission submission,
      Instant now) {
    this.writer = writer;
    this.shared = shared;
    this.assessor = assessor;
    this.reference = reference;
    this.context = context;
    this.history = history;
    this.cards = cards;
    this.submission = submission;
    this.now = now;
  }

  /** Takes the next dossier of the envelope. */
  void take(ClaimDossier dossier) {
    String maLk = checkKey(dossier);
    group.add(new Taken(dossier, maLk, ContentHash.of(dossier)));
    if (group.size() >= GROUP) {
      finish();
    }
  }

  /** Takes the dossiers taken but not yet stored; called once the envelope is read. */
  void finish() {
    if (group.isEmpty()) {
      return;
    }
    try {
      String facility = group.get(0).dossier().facilityCode();
      List<String> maLks = new ArrayList<>(group.size());
      List<String> numbers = new ArrayList<>();
      for (Taken t : group) {
        maLks.add(t.maLk());
        numbers.addAll(cardNumbers(t.dossier()));
      }
      Map<String, ClaimLock> stored = writer.lock(facility, maLks);
      history.prefetch(maLks);
      history.prefetchCards(numbers);
      cards.prefetch(numbers);
      for (Taken t : group) {
        results.add(receive(t, Optional.ofNullable(stored.get(t.maLk()))));
      }
      group.clear();
      writer.send();
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  List<ClaimResult> results() {
    return List.copyOf(results);
  }

  /** How many dossiers repeated their stored version. */
  int unchanged() {
    return unchanged;
  }

  private ClaimResult receive(Taken taken, Optional<ClaimLock> stored) throws SQLException {
    ClaimDossier dossier = taken.dossier();
    String maLk = taken.maLk();
    byte[] hash = taken.hash();
    if (stored.isPresent() && Arrays.equals(stored.get().contentHash(), hash)) {
      ClaimLock same = stored.get();
      unchanged++;
      return new ClaimResult(
          maLk,
          same.id(),
          same.version(),
          JdbcClaims.assessment(shared.take(), same.id(), same.version()));
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
    String id = stored.map(ClaimLock::id).orElseGet(() -> ResourceIds.next(now));
    int version = stored.map(s -> s.version() + 1).orElse(1);
    ClaimVisit visit = ClaimVisit.of(dossier, reference, context.receivedOn());
    NewVersion written =
        new NewVersion(
            id,
            version,
            dossier,
            hash,
            assessment,
            visit,
            now,
            submission.receivedBy(),
            submission.requestId(),
            submission.correction());
    Optional<Misfit> misfit = ColumnLimits.misfit(written);
    if (misfit.isPresent()) {
      throw notStorable(dossier, misfit.get());
    }
    history.written(dossier.facilityCode(), maLk, visit);
    writer.write(written);
    return new ClaimResult(maLk, id, version, assessment);
  }

  private String checkKey(ClaimDossier dossier) {
    String maLk = dossier.maLk().orElseThrow();
    ColumnType key = StoredColumn.CLAIM_MA_LK.type();
    if (!key.holds(maLk)) {
      throw refuse(
          ProblemType.CLAIM_UNKEYABLE,
          dossier,
          "MA_LK_TOO_LONG",
          "dossier "
              + dossier.index()
              + ": MA_LK is longer than "
              + key.maxChars()
              + " characters");
    }
    ColumnType facility = StoredColumn.CLAIM_FACILITY.type();
    if (!facility.holds(dossier.facilityCode())) {
      throw refuse(
          ProblemType.CLAIM_UNKEYABLE,
          dossier,
          "FACILITY_TOO_LONG",
          "MACSKCB is longer than " + facility.maxChars() + " characters");
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

  /** The card numbers of the dossier's {@code MA_THE_BHYT}, as the assessment reads them. */
  private static List<String> cardNumbers(ClaimDossier dossier) {
    String text = dossier.summary().map(r -> r.text("MA_THE_BHYT")).orElse(null);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String item : text.split(";", -1)) {
      String number = item.strip();
      if (!number.isEmpty()) {
        out.add(number);
      }
    }
    return out;
  }

  /** A dossier taken and not yet stored, with its key and content hash. */
  // Taken dossiers are queued and stored, never compared: the hash array's identity is moot.
  @SuppressWarnings("ArrayRecordComponent")
  private record Taken(ClaimDossier dossier, String maLk, byte[] hash) {}

  /** The refusal of a dossier with a value the store cannot keep: where it is, not what. */
  private static ProblemException notStorable(ClaimDossier dossier, Misfit misfit) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("reason", misfit.reason());
    extensions.put("dossier", dossier.index());
    if (misfit.table() != null) {
      extensions.put("table", misfit.table());
    }
    if (misfit.line() != null) {
      extensions.put("line", misfit.line());
    }
    extensions.put("field", misfit.field());
    return new ProblemException(
        ProblemType.CLAIM_NOT_STORABLE,
        "dossier " + dossier.index() + ", " + misfit.detail(),
        extensions);
  }

  private static ProblemException refuse(
      ProblemType type, ClaimDossier dossier, String reason, String detail) {
    return new ProblemException(type, detail, Map.of("reason", reason, "dossier", dossier.index()));
  }
}
