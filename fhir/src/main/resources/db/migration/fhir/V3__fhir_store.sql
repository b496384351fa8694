-- FHIR R4 resources: the current version of each resource. Ids are ASCII and case-sensitive.
CREATE TABLE fhir_resource (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  last_updated DATETIME(3) NOT NULL,
  PRIMARY KEY (res_type, res_id),
  KEY ix_fhir_resource_updated (res_type, last_updated)
) ENGINE=InnoDB;

-- Every version of every resource, as FHIR JSON with its id and meta.
CREATE TABLE fhir_resource_version (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version INT NOT NULL,
  last_updated DATETIME(3) NOT NULL,
  body MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (res_type, res_id, version)
) ENGINE=InnoDB;

-- Search index of token parameters (identifier, status): exact system and value; '' is no system.
CREATE TABLE fhir_token_index (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  param VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  system VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  value VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (res_type, res_id, param, value, system),
  KEY ix_fhir_token_value (res_type, param, value, system)
) ENGINE=InnoDB;

-- Search index of string parameters (name): folded (lower case, no accents, đ as d) for prefix
-- search, and as written for :exact.
CREATE TABLE fhir_string_index (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  param VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  folded VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  exact VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (res_type, res_id, param, folded, exact),
  KEY ix_fhir_string_folded (res_type, param, folded)
) ENGINE=InnoDB;

-- Search index of date parameters (birthdate, date): the instants [low, high) a value covers, in
-- UTC; a partial date covers its whole year or month, an open period end is 9999-12-31.
CREATE TABLE fhir_date_index (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  param VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  low DATETIME(3) NOT NULL,
  high DATETIME(3) NOT NULL,
  PRIMARY KEY (res_type, res_id, param, low, high),
  KEY ix_fhir_date_low (res_type, param, low),
  KEY ix_fhir_date_high (res_type, param, high)
) ENGINE=InnoDB;

-- Search index of reference parameters (patient, beneficiary): the target as Type/id.
CREATE TABLE fhir_reference_index (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  param VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  target VARCHAR(130) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (res_type, res_id, param, target),
  KEY ix_fhir_reference_target (res_type, param, target)
) ENGINE=InnoDB;

-- Conditional creates: the primary key lets one resource be created per type and search
-- criteria (normalised, SHA-256), however many clients race. Rows whose resource no longer
-- matches its criteria are removed when the resource is updated.
CREATE TABLE fhir_conditional_create (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  criteria_hash BINARY(32) NOT NULL,
  criteria TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (res_type, criteria_hash),
  KEY ix_fhir_conditional_resource (res_type, res_id)
) ENGINE=InnoDB;
