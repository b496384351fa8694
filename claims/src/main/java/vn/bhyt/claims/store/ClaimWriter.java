package vn.bhyt.claims.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import vn.bhyt.claims.assessment.Finding;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.claim.VerbatimTable;
import vn.bhyt.claims.forwarding.ForwardingState;
import vn.bhyt.claims.intake.InnerTableWriter;
import vn.bhyt.persistence.Statements;

/**
 * The writer of one transaction's claims. Claim rows, cards, versions, tables and findings are
 * collected in a batch, and the batch is sent by {@link #send()} in the background, on a thread of
 * the flusher, while the caller reads and assesses the next dossiers, or by {@link #flush()} on the
 * caller's thread, which the transaction must call before it commits. The claim rows and cards of a
 * batch go in one round trip (a claim another transaction created meanwhile is a duplicate key
 * there), the other rows after them. Until then the claims are not in the database: the
 * transaction's {@link JdbcClaimHistory} is told of each version written ({@link
 * JdbcClaimHistory#written}).
 *
 * <p>While a batch is being sent, the connection is the sender's: it is lent through the {@link
 * SharedConnection}, whose every other use waits for the batch to have gone.
 */
public final class ClaimWriter implements AutoCloseable {
  private static final long FLUSH_CHARS = 8L << 20;
  private static final int FLUSH_VERSIONS = 500;
  private static final int LOCK_BATCH = 500;

  private final SharedConnection shared;
  private final Executor flusher;
  private final PreparedStatement versions;
  private final PreparedStatement tables;
  private final PreparedStatement findings;
  private final PreparedStatement forwarding;
  private Batch batch = new Batch();

  /** A writer that sends every batch on the caller's thread. */
  public ClaimWriter(SharedConnection shared) throws SQLException {
    this(shared, Runnable::run);
  }

  /** A writer that sends batches given to {@link #send()} on the flusher's threads. */
  public ClaimWriter(SharedConnection shared, Executor flusher) throws SQLException {
    this.shared = shared;
    this.flusher = flusher;
    Connection c = shared.take();
    this.versions = c.prepareStatement(Sql.INSERT_VERSION);
    this.tables = c.prepareStatement(Sql.INSERT_TABLE);
    this.findings = c.prepareStatement(Sql.INSERT_FINDING);
    this.forwarding = c.prepareStatement(Sql.INSERT_FORWARDING);
  }

  /**
   * The stored claims of several visits of a facility, by visit key, locked until the transaction
   * ends; a key without a stored claim is absent.
   */
  public Map<String, ClaimLock> lock(String facility, Collection<String> maLks)
      throws SQLException {
    Connection c = shared.take();
    Map<String, ClaimLock> out = new HashMap<>();
    List<String> keys = new ArrayList<>(maLks);
    for (int from = 0; from < keys.size(); from += LOCK_BATCH) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + LOCK_BATCH));
      String sql = Sql.LOCK_CLAIMS + "(?" + ",?".repeat(part.size() - 1) + ") FOR UPDATE";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, facility);
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 2, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(
                rs.getString(5),
                new ClaimLock(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBoolean(4)));
          }
        }
      }
    }
    return out;
  }

  /**
   * Writes a version: version 1 creates the claim (a duplicate key when another transaction created
   * it meanwhile), a later one makes itself the claim's current version. The version joins the
   * batch; a batch that grows beyond a few hundred versions or megabytes is sent at once, on this
   * thread.
   *
   * <p>The version must be one whose values its columns hold ({@link ColumnLimits#misfit}): the
   * caller refuses the others.
   */
  public void write(NewVersion v) throws SQLException {
    batch.add(v);
    if (batch.versions.size() >= FLUSH_VERSIONS || batch.chars >= FLUSH_CHARS) {
      flush();
    }
  }

  /**
   * Starts sending the batch in the background, once the batch sent before has gone; until the
   * connection is taken again, it is the sender's.
   */
  public void send() throws SQLException {
    if (batch.isEmpty()) {
      shared.take();
      return;
    }
    Batch out = batch;
    batch = new Batch();
    shared.lend(flusher, c -> send(c, out));
  }

  /**
   * Waits until the batch sent in the background has gone.
   *
   * @throws SQLException when sending it failed
   */
  public void sent() throws SQLException {
    shared.take();
  }

  /** Sends the batch on this thread, after the one sent in the background. */
  public void flush() throws SQLException {
    Connection c = shared.take();
    Batch out = batch;
    batch = new Batch();
    send(c, out);
  }

  /** Waits for the batch sent in the background and closes the statements. */
  @Override
  public void close() throws SQLException {
    try (versions;
        tables;
        findings;
        forwarding) {
      sent();
    }
  }

  private void send(Connection c, Batch out) throws SQLException {
    if (out.isEmpty()) {
      return;
    }
    out.sendClaims(c);
    for (Written w : out.versions) {
      addVersion(w.version());
      addTables(w.version(), w.files());
      addFindings(w.version());
      addForwarding(w.version());
    }
    versions.executeBatch();
    tables.executeBatch();
    findings.executeBatch();
    forwarding.executeBatch();
  }

  private void addVersion(NewVersion v) throws SQLException {
    Totals t = v.assessment().totals();
    int i = 1;
    versions.setString(i++, v.claimId());
    versions.setInt(i++, v.version());
    versions.setBytes(i++, v.contentHash());
    versions.setString(i++, v.dossier().format().name());
    versions.setString(i++, v.assessment().status().code());
    versions.setObject(i++, v.visit().start());
    versions.setObject(i++, v.visit().end());
    versions.setBoolean(i++, v.visit().inpatient());
    versions.setString(i++, v.visit().department());
    for (BigDecimal amount :
        List.of(
            t.hospital(),
            t.insured(),
            t.fundShare(),
            t.coPayment(),
            t.patientPaid(),
            t.otherSources())) {
      versions.setBigDecimal(i++, amount);
    }
    versions.setObject(i++, utc(v.receivedAt()));
    versions.setString(i++, StoredColumn.VERSION_RECEIVED_BY.type().clip(v.receivedBy()));
    versions.setString(i++, StoredColumn.VERSION_REQUEST_ID.type().clip(v.requestId()));
    versions.setString(i, v.correction());
    versions.addBatch();
  }

  private void addTables(NewVersion v, List<VerbatimTable> files) throws SQLException {
    for (int i = 0; i < files.size(); i++) {
      tables.setString(1, v.claimId());
      tables.setInt(2, v.version());
      tables.setInt(3, i + 1);
      tables.setString(4, files.get(i).name());
      tables.setString(5, files.get(i).base64());
      tables.addBatch();
    }
  }

  private void addFindings(NewVersion v) throws SQLException {
    List<Finding> list = v.assessment().findings();
    for (int n = 0; n < list.size(); n++) {
      Finding f = list.get(n);
      int at = f.rule().lastIndexOf('@');
      findings.setString(1, v.claimId());
      findings.setInt(2, v.version());
      findings.setInt(3, n + 1);
      findings.setString(4, f.code());
      findings.setString(5, f.severity().code());
      findings.setString(6, StoredColumn.FINDING_TABLE_NAME.type().clip(f.table()));
      findings.setObject(7, f.line());
      findings.setString(8, StoredColumn.FINDING_FIELD.type().clipOrNull(f.field()));
      findings.setString(9, StoredColumn.FINDING_EXPECTED.type().clipOrNull(f.expected()));
      findings.setString(10, StoredColumn.FINDING_ACTUAL.type().clipOrNull(f.actual()));
      findings.setString(11, StoredColumn.FINDING_MESSAGE.type().clip(f.message()));
      findings.setString(12, at < 0 ? f.rule() : f.rule().substring(0, at));
      findings.setInt(13, at < 0 ? 1 : Integer.parseInt(f.rule().substring(at + 1)));
      findings.addBatch();
    }
  }

  /** The version enters the outbox, where its pre-assessment puts it. */
  private void addForwarding(NewVersion v) throws SQLException {
    LocalDateTime at = utc(v.receivedAt());
    forwarding.setString(1, v.claimId());
    forwarding.setInt(2, v.version());
    forwarding.setString(3, ForwardingState.of(v.assessment().status()).code());
    forwarding.setObject(4, at);
    forwarding.setObject(5, at);
    forwarding.setObject(6, at);
    forwarding.addBatch();
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The versions written and not yet sent, with their claim rows (new ones, or the updates of
   * stored ones) and cards.
   */
  private static final class Batch {
    private final List<Written> versions = new ArrayList<>();
    private final List<Object[]> newClaims = new ArrayList<>();
    private final List<Object[]> cardRows = new ArrayList<>();
    private final Statements updates = new Statements();
    private long chars;

    boolean isEmpty() {
      return versions.isEmpty();
    }

    void add(NewVersion v) {
      List<VerbatimTable> files = InnerTableWriter.files(v.dossier());
      versions.add(new Written(v, files));
      for (VerbatimTable file : files) {
        chars += file.base64().length();
      }
      if (v.version() == 1) {
        newClaims.add(
            new Object[] {
              v.claimId(),
              v.dossier().facilityCode(),
              v.maLk(),
              v.version(),
              v.assessment().status().code(),
              v.visit().start(),
              v.visit().end(),
              v.visit().inpatient(),
              v.visit().department(),
              utc(v.receivedAt()),
              utc(v.receivedAt())
            });
      } else {
        updates.add(
            Sql.UPDATE_CLAIM,
            v.version(),
            v.assessment().status().code(),
            v.visit().start(),
            v.visit().end(),
            v.visit().inpatient(),
            v.visit().department(),
            utc(v.receivedAt()),
            v.claimId());
        updates.add(Sql.DELETE_CARDS, v.claimId());
        updates.add(Sql.DELETE_UNSENT_FORWARDING, v.claimId(), v.version());
      }
      for (String card : v.visit().cards()) {
        cardRows.add(new Object[] {card, v.claimId()});
      }
    }

    /**
     * Sends the claim rows and cards in one round trip: new claims first, then updates and card
     * deletions in the order written, then the cards.
     */
    void sendClaims(Connection c) throws SQLException {
      new Statements()
          .insertRows(Sql.INSERT_CLAIMS, newClaims)
          .add(updates)
          .insertRows(Sql.INSERT_CARDS, cardRows)
          .execute(c);
    }
  }

  /**
   * A version written and its tables as they are stored: those received, or for a dossier that came
   * without them (a FHIR Claim), the tables written from its model, once.
   */
  private record Written(NewVersion version, List<VerbatimTable> files) {}
}
