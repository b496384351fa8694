-- Check records in binary: the check id as its 16 bytes (a ULID: 48 bits of time, 80 random bits,
-- big-endian, so the bytes sort as the text) and the card hash as its 8 bytes. The primary key is
-- part of every secondary index entry, and binary keys compare byte by byte: MariaDB spends about
-- a quarter less per record.
--
-- Existing records are converted: the id's Crockford base-32 digits are mapped onto CONV's digits
-- (0-9, A-V; each letter onto one already mapped, so the order of the replacements is safe), then
-- read in three pieces of 10, 8 and 8 digits (48, 40 and 40 bits).
ALTER TABLE card_check
  ADD COLUMN digits CHAR(26) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD COLUMN check_bytes BINARY(16) NULL FIRST,
  ADD COLUMN card_bytes BINARY(8) NULL AFTER card_hash;

UPDATE card_check SET digits =
  REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
  REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(check_id,
    'J', 'I'), 'K', 'J'), 'M', 'K'), 'N', 'L'), 'P', 'M'), 'Q', 'N'), 'R', 'O'),
    'S', 'P'), 'T', 'Q'), 'V', 'R'), 'W', 'S'), 'X', 'T'), 'Y', 'U'), 'Z', 'V');

UPDATE card_check SET
  check_bytes = UNHEX(CONCAT(
    LPAD(CONV(SUBSTRING(digits, 1, 10), 32, 16), 12, '0'),
    LPAD(CONV(SUBSTRING(digits, 11, 8), 32, 16), 10, '0'),
    LPAD(CONV(SUBSTRING(digits, 19, 8), 32, 16), 10, '0'))),
  card_bytes = UNHEX(card_hash);

ALTER TABLE card_check
  DROP PRIMARY KEY,
  DROP KEY ix_card_check_card,
  DROP COLUMN digits,
  DROP COLUMN check_id,
  DROP COLUMN card_hash,
  CHANGE check_bytes check_id BINARY(16) NOT NULL,
  CHANGE card_bytes card_hash BINARY(8) NULL,
  ADD PRIMARY KEY (check_id),
  ADD KEY ix_card_check_card (card_hash);
