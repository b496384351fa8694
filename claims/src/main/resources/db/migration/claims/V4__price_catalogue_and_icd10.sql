-- The insured price list: one row per code and first valid day. The primary key answers "price of
-- a code on a day" by reading only that code's rows, newest start first. Codes are compared exactly.
CREATE TABLE catalogue_price (
  code VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE NULL,
  name VARCHAR(1024) NULL,
  unit VARCHAR(50) NULL,
  price DECIMAL(15,2) NOT NULL,
  cost_group TINYINT NULL,
  row_hash BINARY(16) NOT NULL,
  changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (code, valid_from),
  KEY ix_catalogue_price_changed (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ICD-10 list the fund accepts: one row per code; NULL dates are open ends.
CREATE TABLE icd10_code (
  code VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
  name VARCHAR(500) NULL,
  valid_from DATE NULL,
  valid_to DATE NULL,
  row_hash BINARY(16) NOT NULL,
  changed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  KEY ix_icd10_code_changed (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
