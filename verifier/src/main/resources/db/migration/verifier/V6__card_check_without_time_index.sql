-- Check records, cheaper to write: each secondary index costs MariaDB about as much per record as
-- the row itself. Check ids are ULIDs, which sort by the time of the check, so the primary key
-- already orders the records by time (a time range is an id range) and the index on checked_at
-- goes. Ids, hashes and codes are ASCII, compared byte by byte.
ALTER TABLE card_check
  DROP KEY ix_card_check_time,
  MODIFY check_id CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY card_hash CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
  MODIFY result CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY outcome VARCHAR(12) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  MODIFY source VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
