-- The outbox of claims to forward to the fund: one row per claim version, written in the
-- transaction that stores the version, so that a version stored is a version that will go (or is
-- kept back, and says why). state: blocked (critical findings: never forwarded), held (warnings:
-- waits for an inspector), returned (sent back to billing), pending (waits for its turn), sent (the
-- fund took it: transaction_id is its maGiaoDich), assessed, refused (the fund answered 205: final),
-- dead (failed transiently for longer than forwarding.give-up-after).
--
-- file holds the envelope's bytes, made once before the first attempt: every attempt sends the same
-- bytes, so that the fund's byte-identical-file rule makes a resend no second transaction.
-- unanswered is set before a send and cleared with its answer: a row found with it set had an
-- attempt whose answer nobody recorded, and is reconciled with the fund's look-up before it is sent
-- again. A forwarder takes a row by a lease (lease_owner, lease_until) in one conditional UPDATE,
-- which also adds one to lease_fence; it records its results only while the fence is still the one
-- it took, so that a forwarder whose lease ran out cannot record over the next holder's.
-- Times are UTC.
CREATE TABLE claim_forwarding (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  state VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  queued_at DATETIME(3) NOT NULL,
  next_attempt_at DATETIME(3) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  first_failure_at DATETIME(3) NULL,
  unanswered BOOLEAN NOT NULL DEFAULT FALSE,
  lease_owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  lease_until DATETIME(3) NULL,
  lease_fence BIGINT NOT NULL DEFAULT 0,
  file LONGBLOB NULL,
  transaction_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  fund_received_at DATETIME(3) NULL,
  sent_at DATETIME(3) NULL,
  attempt_started_at DATETIME(3) NULL,
  next_poll_at DATETIME(3) NULL,
  last_error VARCHAR(1000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (claim_id, version),
  KEY ix_claim_forwarding_due (state, next_attempt_at),
  KEY ix_claim_forwarding_poll (state, next_poll_at),
  CONSTRAINT fk_claim_forwarding_version FOREIGN KEY (claim_id, version)
    REFERENCES claim_version (claim_id, version)
) ENGINE=InnoDB;

-- Claims stored before forwarding existed wait as their assessment says.
INSERT INTO claim_forwarding (claim_id, version, state, queued_at, next_attempt_at, updated_at)
SELECT v.claim_id, v.version,
  CASE v.status WHEN 'accepted' THEN 'pending' WHEN 'flagged' THEN 'held' ELSE 'blocked' END,
  v.received_at, v.received_at, v.received_at
FROM claim c JOIN claim_version v ON v.claim_id = c.id AND v.version = c.version;

-- The fund's assessment of a claim version sent, once it is in: the result, the fund share asked
-- and accepted (VND), and each error the fund found, placed at a table and line.
CREATE TABLE claim_assessment (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  result VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  fund_share_asked DECIMAL(18, 2) NULL,
  fund_share_accepted DECIMAL(18, 2) NULL,
  assessed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (claim_id, version),
  CONSTRAINT fk_claim_assessment_forwarding FOREIGN KEY (claim_id, version)
    REFERENCES claim_forwarding (claim_id, version)
) ENGINE=InnoDB;

CREATE TABLE claim_assessment_error (
  claim_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  position INT NOT NULL,
  table_name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  line INT NULL,
  code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  message VARCHAR(2000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  amount DECIMAL(18, 2) NULL,
  PRIMARY KEY (claim_id, version, position),
  CONSTRAINT fk_claim_assessment_error FOREIGN KEY (claim_id, version)
    REFERENCES claim_assessment (claim_id, version)
) ENGINE=InnoDB;
