-- The installation's own secret, used to hash card numbers in audit records and logs.
CREATE TABLE installation (
  id TINYINT NOT NULL PRIMARY KEY,
  hash_key VARBINARY(32) NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB;

-- Bearer tokens: only the SHA-256 of each token is stored.
CREATE TABLE api_token (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash CHAR(64) NOT NULL,
  name VARCHAR(100) NOT NULL,
  role VARCHAR(20) NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  revoked_at DATETIME(3) NULL,
  UNIQUE KEY uk_api_token_hash (token_hash)
) ENGINE=InnoDB;
