package vn.bhyt.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The installation's own secret key, made once on first use and kept in the database ({@code
 * installation}): what keys the hashes of card numbers in audit records and logs.
 */
public final class InstallationKey {
  private InstallationKey() {}

  /** The installation's 32-byte key, creating it when the database has none yet. */
  public static byte[] read(DataSource ds) throws SQLException {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT IGNORE INTO installation (id, hash_key) VALUES (1, ?)")) {
        ps.setBytes(1, fresh);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
              c.prepareStatement("SELECT hash_key FROM installation WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }
}
