-- Check records without the index on the card hash. Hashes are random, so every record went into a
-- random page of that index: MariaDB spent more on the index than on the record itself (4 against 3
-- microseconds of CPU per record, and more as the table grows), for a question the gateway never
-- asks. Check ids are ULIDs, so "which checks concerned this card" is a scan of the primary key over
-- the period in question, with the hash as its filter.
ALTER TABLE card_check DROP KEY ix_card_check_card;
