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
import vn.bhyt.claims.assessment.Finding;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * The writer of one transaction's claims. The claim row and its cards are written at once, so that
 * the claim holds its key and later dossiers of the same envelope see it in the claim history;
 * versions, tables and findings are sent in batches, flushed every few megabytes and by {@link
 * #flush()}, which the transaction must call before it commits.
 */
public final class ClaimWriter implements AutoCloseable {
  private static final long FLUSH_CHARS = 8L << 20;
  private static final int FLUSH_VERSIONS = 500;
  private static final int LOCK_BATCH = 500;

  private final Connection c;
  private final PreparedStatement versions;
  private final PreparedStatement tables;
  private final PreparedStatement findings;
  private long pendingChars;
  private int pendingVersions;

  public ClaimWriter(Connection c) throws SQLException {
    this.c = c;
    this.versions = c.prepareStatement(Sql.INSERT_VERSION);
    this.tables = c.prepareStatement(Sql.INSERT_TABLE);
    this.findings = c.prepareStatement(Sql.INSERT_FINDING);
  }

  /**
   * The stored claims of several visits of a facility, by visit key, locked until the transaction
   * ends; a key without a stored claim is absent.
   */
  public Map<String, ClaimLock> lock(String facility, Collection<String> maLks)
      throws SQLException {
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
   * it meanwhile), a later one makes itself the claim's current version.
   */
  public void write(NewVersion v) throws SQLException {
    writeClaim(v);
    addVersion(v);
    List<VerbatimTable> files = v.dossier().verbatim();
    for (int i = 0; i < files.size(); i++) {
      tables.setString(1, v.claimId());
      tables.setInt(2, v.version());
      tables.setInt(3, i + 1);
      tables.setString(4, files.get(i).name());
      tables.setString(5, files.get(i).base64());
      tables.addBatch();
      pendingChars += files.get(i).base64().length();
    }
    addFindings(v);
    if (++pendingVersions >= FLUSH_VERSIONS || pendingChars >= FLUSH_CHARS) {
      flush();
    }
  }

  /** Sends the batched rows. */
  public void flush() throws SQLException {
    if (pendingVersions == 0) {
      return;
    }
    versions.executeBatch();
    tables.executeBatch();
    findings.executeBatch();
    pendingVersions = 0;
    pendingChars = 0;
  }

  @Override
  public void close() throws SQLException {
    try (versions;
        tables;
        findings) {
      // closes the statements
    }
  }

  /**
   * Inserts or updates the claim row and replaces its cards, in one round trip: a duplicate key
   * (another transaction created the claim) is thrown by the first statement.
   */
  private void writeClaim(NewVersion v) throws SQLException {
    StringBuilder sql = new StringBuilder(v.version() == 1 ? Sql.INSERT_CLAIM : Sql.UPDATE_CLAIM);
    if (v.version() > 1) {
      sql.append(";\n").append(Sql.DELETE_CARDS);
    }
    List<String> cards = v.visit().cards();
    if (!cards.isEmpty()) {
      sql.append(";\n")
          .append(Sql.INSERT_CARDS)
          .append("(?,?)")
          .append(",(?,?)".repeat(cards.size() - 1));
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int next;
      if (v.version() == 1) {
        ps.setString(1, v.claimId());
        ps.setString(2, v.dossier().facilityCode());
        ps.setString(3, v.maLk());
        next = claimColumns(ps, 4, v);
        ps.setObject(next++, utc(v.receivedAt()));
      } else {
        next = claimColumns(ps, 1, v);
        ps.setString(next++, v.claimId());
        ps.setString(next++, v.claimId());
      }
      for (String card : cards) {
        ps.setString(next++, card);
        ps.setString(next++, v.claimId());
      }
      ps.execute();
      while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
        // reads every statement's result, so that a failure among them is thrown here
      }
    }
  }

  /** Binds version, status, visit start and end, inpatient, department, updated at. */
  private static int claimColumns(PreparedStatement ps, int from, NewVersion v)
      throws SQLException {
    ps.setInt(from, v.version());
    ps.setString(from + 1, v.assessment().status().code());
    ps.setObject(from + 2, v.visit().start());
    ps.setObject(from + 3, v.visit().end());
    ps.setBoolean(from + 4, v.visit().inpatient());
    ps.setString(from + 5, v.visit().department());
    ps.setObject(from + 6, utc(v.receivedAt()));
    return from + 7;
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
    versions.setString(i++, clip(v.receivedBy(), 100));
    versions.setString(i++, clip(v.requestId(), 64));
    versions.setString(i, v.correction());
    versions.addBatch();
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
      findings.setString(6, clip(f.table(), 20));
      findings.setObject(7, f.line());
      findings.setString(8, clip(f.field(), 100));
      findings.setString(9, clip(f.expected(), 2000));
      findings.setString(10, clip(f.actual(), 2000));
      findings.setString(11, clip(f.message(), 2000));
      findings.setString(12, at < 0 ? f.rule() : f.rule().substring(0, at));
      findings.setInt(13, at < 0 ? 1 : Integer.parseInt(f.rule().substring(at + 1)));
      findings.addBatch();
    }
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
