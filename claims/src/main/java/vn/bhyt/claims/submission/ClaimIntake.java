package vn.bhyt.claims.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.claims.assessment.AssessmentContext;
import vn.bhyt.claims.assessment.Assessor;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.intake.ClaimEnvelopeReader;
import vn.bhyt.claims.intake.ClaimParseException;
import vn.bhyt.claims.store.ClaimWriter;
import vn.bhyt.claims.store.JdbcClaimHistory;
import vn.bhyt.claims.store.SharedConnection;
import vn.bhyt.persistence.DatabaseException;
import vn.bhyt.persistence.Transactions;
import vn.bhyt.problem.ProblemException;

/**
 * Receives claim envelopes: reads the envelope as a stream, pre-assesses each dossier and stores
 * it, all in one transaction on a worker thread.
 *
 * <p>An envelope is taken whole or not at all: when a dossier cannot be read, repeats the key of
 * another, or would change a forwarded claim without a correction, the transaction is rolled back
 * and nothing of the envelope stays stored. Dossiers are not kept in memory once written, nor is
 * the envelope when it comes as a stream or a file: memory holds a group of dossiers (see {@link
 * EnvelopeIntake}) and at most two batches of rows not yet stored, one of them on its way to the
 * database while the next group is read.
 */
public final class ClaimIntake {
  private static final Logger log = LoggerFactory.getLogger(ClaimIntake.class);

  private final ClaimEnvelopeReader reader;
  private final Assessor assessor;
  private final ClaimReference reference;
  private final AssessmentContext lookups;
  private final Transactions transactions;
  private final Executor executor;
  private final Executor flusher;
  private final Clock clock;

  /**
   * An intake.
   *
   * @param lookups the facility and the lookups the assessment consults; its day and claim history
   *     are replaced by each envelope's
   * @param transactions the runner of claim transactions ({@code ClaimTransactions.on})
   * @param executor the workers that receive envelopes
   * @param flusher the threads that send an envelope's rows while its next dossiers are read: at
   *     most one batch of each envelope at a time, so at most one thread per envelope received at
   *     once
   */
  public ClaimIntake(
      ClaimEnvelopeReader reader,
      Assessor assessor,
      ClaimReference reference,
      AssessmentContext lookups,
      Transactions transactions,
      Executor executor,
      Executor flusher,
      Clock clock) {
    this.reader = reader;
    this.assessor = assessor;
    this.reference = reference;
    this.lookups = lookups;
    this.transactions = transactions;
    this.executor = executor;
    this.flusher = flusher;
    this.clock = clock;
  }

  /**
   * Receives an envelope.
   *
   * @return (in the stage) one result per dossier, in envelope order
   * @throws ProblemException (in the stage) when the envelope is refused; nothing is stored then
   */
  public CompletionStage<List<ClaimResult>> submit(byte[] envelope, Submission submission) {
    return submit(() -> new ByteArrayInputStream(envelope), submission);
  }

  /**
   * Receives an envelope read as a stream from its source (a file, a spooled request body): the
   * envelope is never held whole, only one dossier and one table's text at a time.
   *
   * @return (in the stage) one result per dossier, in envelope order
   * @throws ProblemException (in the stage) when the envelope is refused; nothing is stored then
   */
  public CompletionStage<List<ClaimResult>> submit(EnvelopeSource envelope, Submission submission) {
    return CompletableFuture.supplyAsync(() -> receive(envelope, submission), executor);
  }

  /** Receives an envelope from a file; see {@link #submit(EnvelopeSource, Submission)}. */
  public CompletionStage<List<ClaimResult>> submit(Path envelope, Submission submission) {
    return submit(() -> Files.newInputStream(envelope), submission);
  }

  /** Receives an envelope on the calling thread; see {@link #submit}. */
  public List<ClaimResult> receive(byte[] envelope, Submission submission) {
    return receive(() -> new ByteArrayInputStream(envelope), submission);
  }

  /**
   * Receives an envelope on the calling thread, opening its source for each run of the transaction;
   * see {@link #submit(EnvelopeSource, Submission)}.
   */
  public List<ClaimResult> receive(EnvelopeSource envelope, Submission submission) {
    try {
      return transactions.run(
          c -> {
            try (InputStream in = envelope.open()) {
              return receive(c, in, submission);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Receives one dossier that did not arrive in an envelope (a FHIR Claim), on a worker: as a
   * dossier of an envelope of one, with the same keys, versions and refusals.
   *
   * @return (in the stage) the dossier's result and whether it repeated the stored version
   * @throws ProblemException (in the stage) when the dossier is refused; nothing is stored then
   */
  public CompletionStage<Received> submit(ClaimDossier dossier, Submission submission) {
    return CompletableFuture.supplyAsync(() -> receive(dossier, submission), executor);
  }

  /** Receives one dossier on the calling thread; see {@link #submit(ClaimDossier, Submission)}. */
  public Received receive(ClaimDossier dossier, Submission submission) {
    try {
      return transactions.run(
          c -> {
            SharedConnection shared = new SharedConnection(c);
            try (ClaimWriter writer = new ClaimWriter(shared)) {
              EnvelopeIntake intake = intake(shared, writer, submission);
              intake.take(dossier);
              intake.finish();
              writer.flush();
              log.info(
                  "request {}: claim of one dossier, {}",
                  submission.requestId(),
                  intake.unchanged() == 0 ? "stored" : "unchanged");
              return new Received(intake.results().get(0), intake.unchanged() > 0);
            } catch (DatabaseException e) {
              throw e.getCause();
            }
          });
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  private EnvelopeIntake intake(
      SharedConnection shared, ClaimWriter writer, Submission submission) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    EnvelopeCards cards = new EnvelopeCards(lookups.cards());
    JdbcClaimHistory history = new JdbcClaimHistory(shared);
    AssessmentContext context =
        new AssessmentContext(
            lookups.facility(),
            today,
            cards,
            lookups.checkIns(),
            lookups.prices(),
            history,
            lookups.diagnoses());
    return new EnvelopeIntake(
        writer, shared, assessor, reference, context, history, cards, submission, now);
  }

  private List<ClaimResult> receive(Connection c, InputStream envelope, Submission submission)
      throws SQLException {
    SharedConnection shared = new SharedConnection(c);
    try (ClaimWriter writer = new ClaimWriter(shared, flusher)) {
      EnvelopeIntake intake = intake(shared, writer, submission);
      reader.read(envelope, intake::take);
      intake.finish();
      writer.flush();
      List<ClaimResult> results = intake.results();
      log.info(
          "request {}: claim envelope of {} dossiers, {} stored, {} unchanged",
          submission.requestId(),
          results.size(),
          results.size() - intake.unchanged(),
          intake.unchanged());
      return results;
    } catch (ClaimParseException e) {
      throw e.toProblem();
    } catch (DatabaseException e) {
      throw e.getCause();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
