-- When the fund's online check last confirmed a row (the row's data is then the fund's).
ALTER TABLE registry_card ADD COLUMN fund_checked_at TIMESTAMP(6) NULL;
