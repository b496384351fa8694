-- Claims received from the hospital's billing software (POST /api/v1/claims): one row per facility
-- and visit key (MA_LK), which the unique key keeps one however many submissions race. It points at
-- its current version and copies that version's filter columns, for the list's filters.
-- visit_start and visit_end are NGAY_VAO and NGAY_RA as written (the facility's wall-clock time);
-- the other times are UTC.
CREATE TABLE claim (
  id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  facility VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  ma_lk VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  version INT NOT NULL,
  status VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  visit_start DATETIME NULL,
  visit_end DATETIME NULL,
  inpatient BOOLEAN NOT NULL,
  department VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_claim_visit (facility, ma_lk),
  KEY ix_claim_ma_lk (ma_lk),
  KEY ix_claim_status (status, visit_start),
  KEY ix_claim_visit_start (visit_start),
  KEY ix_claim_department (department, visit_start)
) ENGINE=InnoDB;

-- Every version of a claim, as received: a new one whenever the content changes (before it is
-- forwarded, or as a correction after). content_hash is SHA-256 over the tables as received
-- (type and base64 text without white space), which decides whether a submission is the same.
-- forwarded_at is set when the version is passed on to the fund.
CREATE TABLE claim_version (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  content_hash BINARY(32) NOT NULL,
  format VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  visit_start DATETIME NULL,
  visit_end DATETIME NULL,
  inpatient BOOLEAN NOT NULL,
  department VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  total_hospital DECIMAL(18, 2) NOT NULL,
  total_insured DECIMAL(18, 2) NOT NULL,
  total_fund_share DECIMAL(18, 2) NOT NULL,
  total_co_payment DECIMAL(18, 2) NOT NULL,
  total_patient_paid DECIMAL(18, 2) NOT NULL,
  total_other_sources DECIMAL(18, 2) NOT NULL,
  received_at DATETIME(3) NOT NULL,
  received_by VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  request_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  correction VARCHAR(500) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  forwarded_at DATETIME(3) NULL,
  PRIMARY KEY (claim_id, version),
  CONSTRAINT fk_claim_version_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE=InnoDB;

-- A version's tables exactly as received (XML1 ... XML15, NOIDUNGFILE's base64 text), in file
-- order, to be forwarded as they came.
CREATE TABLE claim_table (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  position SMALLINT NOT NULL,
  name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  content LONGTEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (claim_id, version, position),
  CONSTRAINT fk_claim_table_version FOREIGN KEY (claim_id, version)
    REFERENCES claim_version (claim_id, version)
) ENGINE=InnoDB;

-- The pre-assessment findings of each version, in the order the rules made them.
CREATE TABLE claim_finding (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  position INT NOT NULL,
  code VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  severity VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  table_name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  line INT NULL,
  field VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  expected TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  actual TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  message TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  rule_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  rule_version INT NOT NULL,
  PRIMARY KEY (claim_id, version, position),
  KEY ix_claim_finding_rule (rule_id, claim_id, version),
  CONSTRAINT fk_claim_finding_version FOREIGN KEY (claim_id, version)
    REFERENCES claim_version (claim_id, version)
) ENGINE=InnoDB;

-- The card numbers (MA_THE_BHYT) of each claim's current version, for the claim history's
-- "claims on this card" lookup.
CREATE TABLE claim_card (
  card_number VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (card_number, claim_id),
  KEY ix_claim_card_claim (claim_id),
  CONSTRAINT fk_claim_card_claim FOREIGN KEY (claim_id) REFERENCES claim (id)
) ENGINE=InnoDB;
