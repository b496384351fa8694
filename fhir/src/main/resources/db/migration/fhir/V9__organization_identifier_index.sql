-- Organizations were stored without index rows: their identifier search never matched. The
-- current version of each gets its identifier rows, as the store now writes them (values and
-- systems longer than the index columns are left out, as they are on writes).
INSERT IGNORE INTO fhir_token_index (res_type, res_id, param, system, value)
SELECT r.res_type, r.res_id, 'identifier', COALESCE(i.system, ''), i.value
FROM fhir_resource r
JOIN fhir_resource_version v
  ON v.res_type = r.res_type AND v.res_id = r.res_id AND v.version = r.version
JOIN JSON_TABLE(
  v.body, '$.identifier[*]'
  COLUMNS (system TEXT PATH '$.system', value TEXT PATH '$.value')) i
WHERE r.res_type = 'Organization'
  AND i.value IS NOT NULL AND i.value <> '' AND CHAR_LENGTH(i.value) <= 255
  AND CHAR_LENGTH(COALESCE(i.system, '')) <= 255;
