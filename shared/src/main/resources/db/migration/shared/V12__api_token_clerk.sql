-- The clerk a reception token checks cards for: the fund's 2024 check names the checking clerk.
ALTER TABLE api_token
  ADD COLUMN clerk_name VARCHAR(200) NULL,
  ADD COLUMN clerk_citizen_id CHAR(12) NULL;
