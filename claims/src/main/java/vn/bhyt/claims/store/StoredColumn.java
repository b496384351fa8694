package vn.bhyt.claims.store;

import static vn.bhyt.claims.store.ColumnType.ASCII;
import static vn.bhyt.claims.store.ColumnType.UTF8MB4;

import vn.bhyt.claims.store.ColumnType.Kind;

/**
 * Every column of the claims module's tables (migrations {@code V4} and {@code V5}) with what it
 * can hold: the one place the limits of what the module stores come from. Values are checked
 * against them before they are written, so that none reaches the database that it would refuse;
 * {@code StoredColumnIT} holds this list to the migrated database's {@code information_schema}.
 */
public enum StoredColumn {
  CLAIM_ID("claim", "id", ColumnType.chars(26, ASCII), false),
  CLAIM_FACILITY("claim", "facility", ColumnType.varchar(20, UTF8MB4), false),
  CLAIM_MA_LK("claim", "ma_lk", ColumnType.varchar(100, UTF8MB4), false),
  CLAIM_VERSION("claim", "version", ColumnType.of(Kind.INT), false),
  CLAIM_STATUS("claim", "status", ColumnType.varchar(10, ASCII), false),
  CLAIM_VISIT_START("claim", "visit_start", ColumnType.dateTime(0), true),
  CLAIM_VISIT_END("claim", "visit_end", ColumnType.dateTime(0), true),
  CLAIM_INPATIENT("claim", "inpatient", ColumnType.of(Kind.TINYINT), false),
  CLAIM_DEPARTMENT("claim", "department", ColumnType.varchar(50, UTF8MB4), true),
  CLAIM_CREATED_AT("claim", "created_at", ColumnType.dateTime(3), false),
  CLAIM_UPDATED_AT("claim", "updated_at", ColumnType.dateTime(3), false),

  VERSION_CLAIM_ID("claim_version", "claim_id", ColumnType.chars(26, ASCII), false),
  VERSION_VERSION("claim_version", "version", ColumnType.of(Kind.INT), false),
  VERSION_CONTENT_HASH("claim_version", "content_hash", ColumnType.binary(32), false),
  VERSION_FORMAT("claim_version", "format", ColumnType.varchar(8, ASCII), false),
  VERSION_STATUS("claim_version", "status", ColumnType.varchar(10, ASCII), false),
  VERSION_VISIT_START("claim_version", "visit_start", ColumnType.dateTime(0), true),
  VERSION_VISIT_END("claim_version", "visit_end", ColumnType.dateTime(0), true),
  VERSION_INPATIENT("claim_version", "inpatient", ColumnType.of(Kind.TINYINT), false),
  VERSION_DEPARTMENT("claim_version", "department", ColumnType.varchar(50, UTF8MB4), true),
  VERSION_TOTAL_HOSPITAL("claim_version", "total_hospital", ColumnType.decimal(18, 2), false),
  VERSION_TOTAL_INSURED("claim_version", "total_insured", ColumnType.decimal(18, 2), false),
  VERSION_TOTAL_FUND_SHARE("claim_version", "total_fund_share", ColumnType.decimal(18, 2), false),
  VERSION_TOTAL_CO_PAYMENT("claim_version", "total_co_payment", ColumnType.decimal(18, 2), false),
  VERSION_TOTAL_PATIENT_PAID(
      "claim_version", "total_patient_paid", ColumnType.decimal(18, 2), false),
  VERSION_TOTAL_OTHER_SOURCES(
      "claim_version", "total_other_sources", ColumnType.decimal(18, 2), false),
  VERSION_RECEIVED_AT("claim_version", "received_at", ColumnType.dateTime(3), false),
  VERSION_RECEIVED_BY("claim_version", "received_by", ColumnType.varchar(100, UTF8MB4), false),
  VERSION_REQUEST_ID("claim_version", "request_id", ColumnType.varchar(64, ASCII), false),
  VERSION_CORRECTION("claim_version", "correction", ColumnType.varchar(500, UTF8MB4), true),
  VERSION_FORWARDED_AT("claim_version", "forwarded_at", ColumnType.dateTime(3), true),

  TABLE_CLAIM_ID("claim_table", "claim_id", ColumnType.chars(26, ASCII), false),
  TABLE_VERSION("claim_table", "version", ColumnType.of(Kind.INT), false),
  TABLE_POSITION("claim_table", "position", ColumnType.of(Kind.SMALLINT), false),
  TABLE_NAME("claim_table", "name", ColumnType.varchar(20, UTF8MB4), false),
  TABLE_CONTENT("claim_table", "content", ColumnType.longText(ASCII), false),

  FINDING_CLAIM_ID("claim_finding", "claim_id", ColumnType.chars(26, ASCII), false),
  FINDING_VERSION("claim_finding", "version", ColumnType.of(Kind.INT), false),
  FINDING_POSITION("claim_finding", "position", ColumnType.of(Kind.INT), false),
  FINDING_CODE("claim_finding", "code", ColumnType.varchar(64, ASCII), false),
  FINDING_SEVERITY("claim_finding", "severity", ColumnType.varchar(10, ASCII), false),
  FINDING_TABLE_NAME("claim_finding", "table_name", ColumnType.varchar(20, UTF8MB4), false),
  FINDING_LINE("claim_finding", "line", ColumnType.of(Kind.INT), true),
  FINDING_FIELD("claim_finding", "field", ColumnType.varchar(100, UTF8MB4), true),
  FINDING_EXPECTED("claim_finding", "expected", ColumnType.text(UTF8MB4), true),
  FINDING_ACTUAL("claim_finding", "actual", ColumnType.text(UTF8MB4), true),
  FINDING_MESSAGE("claim_finding", "message", ColumnType.text(UTF8MB4), false),
  FINDING_RULE_ID("claim_finding", "rule_id", ColumnType.varchar(64, ASCII), false),
  FINDING_RULE_VERSION("claim_finding", "rule_version", ColumnType.of(Kind.INT), false),

  CARD_NUMBER("claim_card", "card_number", ColumnType.varchar(20, UTF8MB4), false),
  CARD_CLAIM_ID("claim_card", "claim_id", ColumnType.chars(26, ASCII), false),

  PRICE_CODE("catalogue_price", "code", ColumnType.varchar(255, UTF8MB4), false),
  PRICE_VALID_FROM("catalogue_price", "valid_from", ColumnType.of(Kind.DATE), false),
  PRICE_VALID_TO("catalogue_price", "valid_to", ColumnType.of(Kind.DATE), true),
  PRICE_NAME("catalogue_price", "name", ColumnType.varchar(1024, UTF8MB4), true),
  PRICE_UNIT("catalogue_price", "unit", ColumnType.varchar(50, UTF8MB4), true),
  PRICE_PRICE("catalogue_price", "price", ColumnType.decimal(15, 2), false),
  PRICE_COST_GROUP("catalogue_price", "cost_group", ColumnType.of(Kind.TINYINT), true),
  PRICE_ROW_HASH("catalogue_price", "row_hash", ColumnType.binary(16), false),
  PRICE_CHANGED_AT("catalogue_price", "changed_at", ColumnType.timestamp(6), false),

  ICD_CODE("icd10_code", "code", ColumnType.varchar(10, ASCII), false),
  ICD_NAME("icd10_code", "name", ColumnType.varchar(500, UTF8MB4), true),
  ICD_VALID_FROM("icd10_code", "valid_from", ColumnType.of(Kind.DATE), true),
  ICD_VALID_TO("icd10_code", "valid_to", ColumnType.of(Kind.DATE), true),
  ICD_ROW_HASH("icd10_code", "row_hash", ColumnType.binary(16), false),
  ICD_CHANGED_AT("icd10_code", "changed_at", ColumnType.timestamp(6), false);

  private final String table;
  private final String column;

  // A record of final primitives and a string: immutable, though not annotated so.
  @SuppressWarnings("ImmutableEnumChecker")
  private final ColumnType type;

  private final boolean nullable;

  StoredColumn(String table, String column, ColumnType type, boolean nullable) {
    this.table = table;
    this.column = column;
    this.type = type;
    this.nullable = nullable;
  }

  public String table() {
    return table;
  }

  public String column() {
    return column;
  }

  public ColumnType type() {
    return type;
  }

  public boolean nullable() {
    return nullable;
  }
}
