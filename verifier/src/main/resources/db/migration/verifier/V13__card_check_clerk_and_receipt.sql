-- Check records name the clerk the token names (a reception token may carry the clerk's name and
-- citizen ID) and the version of the key that signed the check's receipt. Columns added at the end
-- with no default are instant in MariaDB: the table is not rebuilt.
ALTER TABLE card_check
  ADD COLUMN clerk_name VARCHAR(200) NULL,
  ADD COLUMN clerk_citizen_id CHAR(12) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD COLUMN key_version SMALLINT UNSIGNED NULL;
