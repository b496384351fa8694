package vn.bhyt.claims.forwarding;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.Transactions;

/**
 * The outbox of claims to forward ({@code claim_forwarding}), with blocking calls: what is due,
 * leases that forwarders take by one conditional statement each, and their results, recorded only
 * under the lease's fence.
 */
public final class JdbcOutbox {
  static final String COLUMNS =
      "f.claim_id, c.ma_lk, f.version, f.state, f.transaction_id, f.attempts, f.last_error,"
          + " f.queued_at, f.next_attempt_at, f.sent_at";

  static final String CURRENT =
      "SELECT "
          + COLUMNS
          + " FROM claim c JOIN claim_forwarding f ON f.claim_id = c.id AND f.version = c.version"
          + " WHERE c.id = ?";

  static final String OF_VERSION =
      "SELECT "
          + COLUMNS
          + " FROM claim_forwarding f JOIN claim c ON c.id = f.claim_id"
          + " WHERE f.claim_id = ? AND f.version = ?";

  static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM claim_forwarding f JOIN claim c ON c.id = f.claim_id"
          + " %s ORDER BY f.queued_at, f.claim_id, f.version LIMIT ? OFFSET ?";

  static final String COUNT = "SELECT COUNT(*) FROM claim_forwarding f %s";

  static final String DUE =
      "SELECT claim_id, version FROM claim_forwarding FORCE INDEX (ix_claim_forwarding_due)"
          + " WHERE state = 'pending' AND next_attempt_at <= ?"
          + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?";

  static final String POLL_DUE =
      "SELECT claim_id, version FROM claim_forwarding FORCE INDEX (ix_claim_forwarding_poll)"
          + " WHERE state = 'sent' AND next_poll_at <= ?"
          + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_poll_at LIMIT ?";

  /**
   * Takes a row for a while, when it is still due and no other forwarder holds it: one conditional
   * statement, which holds on a Galera cluster too. The new fence is kept as the connection's
   * {@code LAST_INSERT_ID()}.
   */
  static final String TAKE =
      "UPDATE claim_forwarding SET lease_owner = ?, lease_until = ?,"
          + " lease_fence = LAST_INSERT_ID(lease_fence + 1)"
          + " WHERE claim_id = ? AND version = ? AND state = ?"
          + " AND (lease_until IS NULL OR lease_until < ?)"
          + " AND (CASE state WHEN 'pending' THEN next_attempt_at ELSE next_poll_at END) <= ?";

  static final String LEASED =
      "SELECT c.facility, c.ma_lk, f.state, f.file, f.unanswered, f.attempts, f.first_failure_at,"
          + " f.attempt_started_at, f.transaction_id"
          + " FROM claim_forwarding f JOIN claim c ON c.id = f.claim_id"
          + " WHERE f.claim_id = ? AND f.version = ? AND f.lease_fence = ?";

  static final String KNOWN =
      "SELECT transaction_id FROM claim_forwarding WHERE claim_id = ?"
          + " AND transaction_id IS NOT NULL";

  static final String TABLES =
      "SELECT name, content FROM claim_table WHERE claim_id = ? AND version = ? ORDER BY position";

  private static final String FENCED = " WHERE claim_id = ? AND version = ? AND lease_fence = ?";

  static final String STORE_FILE =
      "UPDATE claim_forwarding SET file = ?, updated_at = ?" + FENCED + " AND file IS NULL";

  static final String START =
      "UPDATE claim_forwarding SET unanswered = TRUE, attempts = attempts + 1,"
          + " attempt_started_at = ?, updated_at = ?"
          + FENCED
          + " AND state = 'pending'";

  static final String SENT =
      "UPDATE claim_forwarding SET state = 'sent', transaction_id = ?, fund_received_at = ?,"
          + " sent_at = ?, next_poll_at = ?, unanswered = FALSE, last_error = NULL,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
          + FENCED;

  static final String FORWARDED =
      "UPDATE claim_version SET forwarded_at = ? WHERE claim_id = ? AND version = ?"
          + " AND forwarded_at IS NULL";

  static final String REFUSED =
      "UPDATE claim_forwarding SET state = 'refused', unanswered = FALSE, last_error = ?,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
          + FENCED;

  static final String FAILED =
      "UPDATE claim_forwarding SET state = ?, unanswered = ?, last_error = ?,"
          + " first_failure_at = COALESCE(first_failure_at, ?), next_attempt_at = ?,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
          + FENCED;

  static final String RELEASE =
      "UPDATE claim_forwarding SET lease_owner = NULL, lease_until = NULL" + FENCED;

  static final String POLLED =
      "UPDATE claim_forwarding SET next_poll_at = ?, last_error = ?,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
          + FENCED;

  static final String ASSESSED =
      "UPDATE claim_forwarding SET state = 'assessed', last_error = NULL,"
          + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
          + FENCED
          + " AND state = 'sent'";

  static final String INSERT_ASSESSMENT =
      "INSERT INTO claim_assessment (claim_id, version, result, fund_share_asked,"
          + " fund_share_accepted, assessed_at) VALUES (?,?,?,?,?,?)";

  static final String INSERT_ASSESSMENT_ERROR =
      "INSERT INTO claim_assessment_error (claim_id, version, position, table_name, line, code,"
          + " message, amount) VALUES (?,?,?,?,?,?,?,?)";

  static final String RETRY =
      "UPDATE claim_forwarding f JOIN claim c ON c.id = f.claim_id AND c.version = f.version"
          + " SET f.state = 'pending', f.next_attempt_at = ?, f.first_failure_at = NULL,"
          + " f.last_error = NULL, f.updated_at = ?"
          + " WHERE f.claim_id = ? AND f.state IN ('dead', 'refused')";

  static final String ASSESSMENT =
      "SELECT result, fund_share_asked, fund_share_accepted FROM claim_assessment"
          + " WHERE claim_id = ? AND version = ?";

  static final String ASSESSMENT_ERRORS =
      "SELECT table_name, line, code, message, amount FROM claim_assessment_error"
          + " WHERE claim_id = ? AND version = ? ORDER BY position";

  static final String COUNTS =
      "SELECT state, COUNT(*), MIN(queued_at) FROM claim_forwarding GROUP BY state";

  private final DataSource ds;
  private final Transactions transactions;

  public JdbcOutbox(DataSource ds) {
    this.ds = ds;
    this.transactions = Transactions.on(ds);
  }

  /** A claim version due for a send, or for a look at its results. */
  public record Due(String claimId, int version) {}

  /** Pending versions whose next attempt is due and that no forwarder holds, longest due first. */
  public List<Due> dueToSend(Instant now, int limit) throws SQLException {
    return due(DUE, now, limit);
  }

  /** Sent versions whose results are due to be asked for, and that no forwarder holds. */
  public List<Due> dueToPoll(Instant now, int limit) throws SQLException {
    return due(POLL_DUE, now, limit);
  }

  private List<Due> due(String sql, Instant now, int limit) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, utc(now));
      ps.setObject(2, utc(now));
      ps.setInt(3, limit);
      List<Due> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Due(rs.getString(1), rs.getInt(2)));
        }
      }
      return out;
    }
  }

  /**
   * Takes a due version for a while, or nothing when another forwarder took it first or it is no
   * longer due.
   *
   * @param state {@link ForwardingState#PENDING} to send it, {@link ForwardingState#SENT} to ask
   *     for its results
   */
  public Optional<Lease> take(
      Due due, ForwardingState state, String owner, Instant now, Instant until)
      throws SQLException {
    try (Connection c = ds.getConnection()) {
      long fence;
      try (PreparedStatement ps = c.prepareStatement(TAKE)) {
        ps.setString(1, owner);
        ps.setObject(2, utc(until));
        ps.setString(3, due.claimId());
        ps.setInt(4, due.version());
        ps.setString(5, state.code());
        ps.setObject(6, utc(now));
        ps.setObject(7, utc(now));
        if (ps.executeUpdate() != 1) {
          return Optional.empty();
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT LAST_INSERT_ID()");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        fence = rs.getLong(1);
      }
      return leased(c, due, fence);
    }
  }

  private Optional<Lease> leased(Connection c, Due due, long fence) throws SQLException {
    List<String> known = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(KNOWN)) {
      ps.setString(1, due.claimId());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(LEASED)) {
      ps.setString(1, due.claimId());
      ps.setInt(2, due.version());
      ps.setLong(3, fence);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Lease(
                due.claimId(),
                due.version(),
                fence,
                rs.getString(1),
                rs.getString(2),
                ForwardingState.parse(rs.getString(3)),
                rs.getBytes(4),
                rs.getBoolean(5),
                rs.getInt(6),
                instantOrNull(rs, 7),
                instantOrNull(rs, 8),
                rs.getString(9),
                known));
      }
    }
  }

  /** The version's tables as received, in their order. */
  public List<EnvelopeFile.Table> tables(Lease lease) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(TABLES)) {
      ps.setString(1, lease.claimId());
      ps.setInt(2, lease.version());
      List<EnvelopeFile.Table> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new EnvelopeFile.Table(rs.getString(1), rs.getString(2)));
        }
      }
      return out;
    }
  }

  /**
   * Keeps the file made for a version, unless one was kept already, and answers the file kept: the
   * bytes every attempt sends. Empty when the lease was lost.
   */
  public Optional<byte[]> keepFile(Lease lease, byte[] file, Instant now) throws SQLException {
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(STORE_FILE)) {
        ps.setBytes(1, file);
        ps.setObject(2, utc(now));
        fence(ps, 3, lease);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("SELECT file FROM claim_forwarding" + FENCED)) {
        fence(ps, 1, lease);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        }
      }
    }
  }

  /**
   * Records that an attempt starts, before the file goes: from now until its answer is recorded,
   * the version counts as possibly taken by the fund.
   *
   * @return false when the lease was lost: the file must not go
   */
  public boolean startAttempt(Lease lease, Instant now) throws SQLException {
    return update(START, lease, utc(now), utc(now));
  }

  /**
   * Records that the fund took the version, and marks the version forwarded.
   *
   * @param firstPoll when its results are first asked for
   * @return false when the lease was lost (the next holder records it)
   */
  public boolean sent(
      Lease lease,
      String transactionId,
      @Nullable Instant fundReceivedAt,
      Instant now,
      Instant firstPoll)
      throws SQLException {
    return transactions.run(
        c -> {
          int updated;
          try (PreparedStatement ps = c.prepareStatement(SENT)) {
            ps.setString(1, transactionId);
            ps.setObject(2, fundReceivedAt == null ? null : utc(fundReceivedAt));
            ps.setObject(3, utc(now));
            ps.setObject(4, utc(firstPoll));
            ps.setObject(5, utc(now));
            fence(ps, 6, lease);
            updated = ps.executeUpdate();
          }
          if (updated == 1) {
            try (PreparedStatement ps = c.prepareStatement(FORWARDED)) {
              ps.setObject(1, utc(now));
              ps.setString(2, lease.claimId());
              ps.setInt(3, lease.version());
              ps.executeUpdate();
            }
          }
          return updated == 1;
        });
  }

  /** Gives a version back untouched, for the next round. */
  public boolean release(Lease lease) throws SQLException {
    return update(RELEASE, lease);
  }

  /** Records the fund's final refusal, with its message for billing. */
  public boolean refused(Lease lease, String message, Instant now) throws SQLException {
    return update(REFUSED, lease, clip(message), utc(now));
  }

  /**
   * Records a failure to try again at {@code next}, or the version as dead.
   *
   * @param unanswered whether the fund may have taken the file
   */
  public boolean failed(
      Lease lease, boolean dead, boolean unanswered, String error, Instant next, Instant now)
      throws SQLException {
    return update(
        FAILED,
        lease,
        (dead ? ForwardingState.DEAD : ForwardingState.PENDING).code(),
        unanswered,
        clip(error),
        utc(now),
        utc(next),
        utc(now));
  }

  /** Records that the results are not in yet, to be asked for again at {@code next}. */
  public boolean notYet(Lease lease, @Nullable String error, Instant next, Instant now)
      throws SQLException {
    return update(POLLED, lease, utc(next), error == null ? null : clip(error), utc(now));
  }

  /** Stores the fund's assessment and makes the version assessed. */
  public boolean assessed(Lease lease, FundClaims.Assessed a, Instant now) throws SQLException {
    return transactions.run(
        c -> {
          int updated;
          try (PreparedStatement ps = c.prepareStatement(ASSESSED)) {
            ps.setObject(1, utc(now));
            fence(ps, 2, lease);
            updated = ps.executeUpdate();
          }
          if (updated == 1) {
            insertAssessment(c, lease, a, now);
          }
          return updated == 1;
        });
  }

  private static void insertAssessment(
      Connection c, Lease lease, FundClaims.Assessed a, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_ASSESSMENT)) {
      ps.setString(1, lease.claimId());
      ps.setInt(2, lease.version());
      ps.setString(3, a.result());
      ps.setBigDecimal(4, a.fundShareAsked());
      ps.setBigDecimal(5, a.fundShareAccepted());
      ps.setObject(6, utc(now));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_ASSESSMENT_ERROR)) {
      int position = 1;
      for (FundClaims.LineError e : a.errors()) {
        ps.setString(1, lease.claimId());
        ps.setInt(2, lease.version());
        ps.setInt(3, position++);
        ps.setString(4, clip(e.table(), 20));
        ps.setObject(5, e.line());
        ps.setString(6, clip(e.code(), 64));
        ps.setString(7, clip(e.message(), 2000));
        ps.setBigDecimal(8, e.amount());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Sends a claim's current version again when it is dead or refused.
   *
   * @return false when the claim is not in either state
   */
  public boolean retry(String claimId, Instant now) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(RETRY)) {
      ps.setObject(1, utc(now));
      ps.setObject(2, utc(now));
      ps.setString(3, claimId);
      return ps.executeUpdate() == 1;
    }
  }

  private boolean update(String sql, Lease lease, @Nullable Object... values) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object v : values) {
        ps.setObject(i++, v);
      }
      fence(ps, i, lease);
      return ps.executeUpdate() == 1;
    }
  }

  private static void fence(PreparedStatement ps, int from, Lease lease) throws SQLException {
    ps.setString(from, lease.claimId());
    ps.setInt(from + 1, lease.version());
    ps.setLong(from + 2, lease.fence());
  }

  private static String clip(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }

  private static @Nullable String clip(@Nullable String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** The way to the fund of a claim's current version, when the claim exists. */
  public Optional<Forwarding> current(String claimId) throws SQLException {
    return one(CURRENT, claimId);
  }

  /** The way to the fund of one version of a claim, when it is in the outbox. */
  public Optional<Forwarding> of(String claimId, int version) throws SQLException {
    return one(OF_VERSION, claimId, version);
  }

  /**
   * How many versions are in each state, and since when the oldest of each has been queued.
   *
   * @return by state; a state without versions is absent
   */
  public Map<ForwardingState, StateCount> counts() throws SQLException {
    Map<ForwardingState, StateCount> out = new EnumMap<>(ForwardingState.class);
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(COUNTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(
            ForwardingState.parse(rs.getString(1)), new StateCount(rs.getLong(2), instant(rs, 3)));
      }
    }
    return out;
  }

  /** How many versions a state holds, and when the oldest of them was queued. */
  public record StateCount(long count, Instant oldestQueuedAt) {}

  /** The fund's assessment of a version, once it is in. */
  public Optional<FundClaims.Assessed> assessment(String claimId, int version) throws SQLException {
    try (Connection c = ds.getConnection()) {
      String result;
      BigDecimal asked;
      BigDecimal accepted;
      try (PreparedStatement ps = c.prepareStatement(ASSESSMENT)) {
        ps.setString(1, claimId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          result = rs.getString(1);
          asked = rs.getBigDecimal(2);
          accepted = rs.getBigDecimal(3);
        }
      }
      List<FundClaims.LineError> errors = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(ASSESSMENT_ERRORS)) {
        ps.setString(1, claimId);
        ps.setInt(2, version);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            errors.add(
                new FundClaims.LineError(
                    rs.getString(1),
                    rs.getObject(2, Integer.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5)));
          }
        }
      }
      return Optional.of(new FundClaims.Assessed(result, asked, accepted, errors));
    }
  }

  /** A page of the queue, in one state or in all, queued longest first. */
  public ForwardingPage list(@Nullable ForwardingState state, int offset, int limit)
      throws SQLException {
    String where = state == null ? "" : "WHERE f.state = ?";
    try (Connection c = ds.getConnection()) {
      List<Forwarding> entries = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(String.format(PAGE, where))) {
        int i = 1;
        if (state != null) {
          ps.setString(i++, state.code());
        }
        ps.setInt(i++, limit);
        ps.setInt(i, offset);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(read(rs));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(String.format(COUNT, where))) {
        if (state != null) {
          ps.setString(1, state.code());
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new ForwardingPage(entries, rs.getInt(1));
        }
      }
    }
  }

  private Optional<Forwarding> one(String sql, Object... binds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        ps.setObject(i + 1, binds[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  static Forwarding read(ResultSet rs) throws SQLException {
    return new Forwarding(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        ForwardingState.parse(rs.getString(4)),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        instant(rs, 8),
        instant(rs, 9),
        instantOrNull(rs, 10));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
