-- Cards as the fund's registry export knows them. Unknown values are NULL.
CREATE TABLE registry_card (
  card_number VARCHAR(15) NOT NULL PRIMARY KEY,
  ssn CHAR(10) NULL,
  citizen_id CHAR(12) NULL,
  name VARCHAR(200) NULL,
  birth_date VARCHAR(10) NULL,
  sex VARCHAR(6) NULL,
  address VARCHAR(500) NULL,
  registered_facility CHAR(5) NULL,
  valid_from DATE NULL,
  valid_to DATE NULL,
  issued_on DATE NULL,
  status VARCHAR(10) NULL,
  replaced_by VARCHAR(15) NULL,
  five_years_from DATE NULL,
  living_area CHAR(2) NULL,
  benefit_level TINYINT NULL,
  group_code CHAR(2) NULL,
  row_hash BINARY(16) NOT NULL,
  changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_registry_card_ssn (ssn),
  KEY ix_registry_card_citizen (citizen_id),
  KEY ix_registry_card_changed (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per card check, for audit: who checked, when, which card (as a keyed hash), what answer.
CREATE TABLE card_check (
  check_id CHAR(26) NOT NULL PRIMARY KEY,
  checked_at DATETIME(3) NOT NULL,
  token_name VARCHAR(100) NOT NULL,
  card_hash CHAR(16) NULL,
  result CHAR(3) NOT NULL,
  outcome VARCHAR(12) NOT NULL,
  source VARCHAR(8) NOT NULL,
  KEY ix_card_check_time (checked_at),
  KEY ix_card_check_card (card_hash)
) ENGINE=InnoDB;
