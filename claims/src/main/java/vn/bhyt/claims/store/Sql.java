package vn.bhyt.claims.store;

/** The SQL statements of the claim store. */
final class Sql {
  /**
   * The stored claims of several visit keys of one facility with their current version's hash: to
   * be followed by the list of keys and {@code FOR UPDATE}.
   */
  static final String LOCK_CLAIMS =
      "SELECT c.id, c.version, v.content_hash,"
          + " EXISTS (SELECT 1 FROM claim_version f"
          + "  WHERE f.claim_id = c.id AND f.forwarded_at IS NOT NULL), c.ma_lk"
          + " FROM claim c JOIN claim_version v ON v.claim_id = c.id AND v.version = c.version"
          + " WHERE c.facility = ? AND c.ma_lk IN ";

  /** The insert of new claims up to {@code VALUES}: followed by the rows. */
  static final String INSERT_CLAIMS =
      "INSERT INTO claim (id, facility, ma_lk, version, status, visit_start, visit_end,"
          + " inpatient, department, updated_at, created_at)";

  static final String UPDATE_CLAIM =
      "UPDATE claim SET version = ?, status = ?, visit_start = ?, visit_end = ?, inpatient = ?,"
          + " department = ?, updated_at = ? WHERE id = ?";

  static final String DELETE_CARDS = "DELETE FROM claim_card WHERE claim_id = ?";

  /** The insert of a claim's cards up to {@code VALUES}: followed by the rows. */
  static final String INSERT_CARDS = "INSERT IGNORE INTO claim_card (card_number, claim_id)";

  static final String INSERT_VERSION =
      "INSERT INTO claim_version (claim_id, version, content_hash, format, status, visit_start,"
          + " visit_end, inpatient, department, total_hospital, total_insured, total_fund_share,"
          + " total_co_payment, total_patient_paid, total_other_sources, received_at, received_by,"
          + " request_id, correction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  static final String INSERT_FORWARDING =
      "INSERT INTO claim_forwarding (claim_id, version, state, queued_at, next_attempt_at,"
          + " updated_at) VALUES (?,?,?,?,?,?)";

  /**
   * An earlier version that a new one replaces before any attempt to send it: it will not go. One
   * with an attempt stays, since the fund may hold it.
   */
  static final String DELETE_UNSENT_FORWARDING =
      "DELETE FROM claim_forwarding WHERE claim_id = ? AND version < ? AND attempts = 0"
          + " AND NOT unanswered AND state IN ('pending', 'held', 'blocked', 'returned')";

  static final String INSERT_TABLE =
      "INSERT INTO claim_table (claim_id, version, position, name, content) VALUES (?,?,?,?,?)";

  static final String INSERT_FINDING =
      "INSERT INTO claim_finding (claim_id, version, position, code, severity, table_name, line,"
          + " field, expected, actual, message, rule_id, rule_version)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

  static final String SUMMARY_COLUMNS =
      "c.id, c.facility, c.ma_lk, c.version, c.status, c.visit_start, c.visit_end, c.department,"
          + " c.updated_at, c.inpatient";

  static final String SELECT_CURRENT = "SELECT facility, version FROM claim WHERE id = ?";

  static final String SELECT_TABLES =
      "SELECT name, content FROM claim_table WHERE claim_id = ? AND version = ? ORDER BY position";

  static final String SELECT_CLAIM = "SELECT " + SUMMARY_COLUMNS + " FROM claim c WHERE c.id = ?";

  static final String SELECT_VERSIONS =
      "SELECT v.version, v.format, v.status, v.received_at, v.received_by, v.correction,"
          + " v.forwarded_at, (SELECT COUNT(*) FROM claim_finding f"
          + "  WHERE f.claim_id = v.claim_id AND f.version = v.version)"
          + " FROM claim_version v WHERE v.claim_id = ? ORDER BY v.version";

  static final String SELECT_ANSWER =
      "SELECT status, total_hospital, total_insured, total_fund_share, total_co_payment,"
          + " total_patient_paid, total_other_sources FROM claim_version"
          + " WHERE claim_id = ? AND version = ?";

  static final String SELECT_FINDINGS =
      "SELECT code, severity, table_name, line, field, expected, actual, message, rule_id,"
          + " rule_version FROM claim_finding WHERE claim_id = ? AND version = ? ORDER BY position";

  static final String HISTORY_BY_KEY =
      "SELECT c.facility, c.ma_lk, (SELECT MIN(k.card_number) FROM claim_card k"
          + "  WHERE k.claim_id = c.id), c.visit_start, c.visit_end, c.inpatient"
          + " FROM claim c WHERE c.ma_lk = ?";

  /** {@link #HISTORY_BY_KEY} for several keys: followed by the list of keys. */
  static final String HISTORY_BY_KEYS =
      "SELECT c.facility, c.ma_lk, (SELECT MIN(k.card_number) FROM claim_card k"
          + "  WHERE k.claim_id = c.id), c.visit_start, c.visit_end, c.inpatient"
          + " FROM claim c WHERE c.ma_lk IN ";

  /** Every claim on several cards: followed by the list of cards. */
  static final String HISTORY_ON_CARDS =
      "SELECT c.facility, c.ma_lk, k.card_number, c.visit_start, c.visit_end, c.inpatient"
          + " FROM claim_card k JOIN claim c ON c.id = k.claim_id WHERE k.card_number IN ";

  static final String HISTORY_ON_CARD =
      "SELECT c.facility, c.ma_lk, k.card_number, c.visit_start, c.visit_end, c.inpatient"
          + " FROM claim_card k JOIN claim c ON c.id = k.claim_id"
          + " WHERE k.card_number = ? AND c.visit_start <= ?"
          + " AND COALESCE(c.visit_end, c.visit_start) >= ?";

  private Sql() {}
}
