-- Business keys: identifiers that name one resource of a type (a Patient's social-insurance
-- number, system https://bhxh.gov.vn/fhir/sid/ma-so-bhxh). The primary key lets one resource hold
-- each, however many clients race.
CREATE TABLE fhir_business_key (
  res_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  system VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  value VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  res_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  PRIMARY KEY (res_type, system, value),
  KEY ix_fhir_business_key_resource (res_type, res_id)
) ENGINE=InnoDB;

-- Patients stored before: each number goes to its first Patient (the least id, ids grow with
-- time); later Patients with the same number keep it in their identifiers but do not hold it.
INSERT INTO fhir_business_key (res_type, system, value, res_id)
SELECT res_type, system, value, MIN(res_id)
FROM fhir_token_index
WHERE res_type = 'Patient' AND param = 'identifier'
  AND system = 'https://bhxh.gov.vn/fhir/sid/ma-so-bhxh'
GROUP BY res_type, system, value;
