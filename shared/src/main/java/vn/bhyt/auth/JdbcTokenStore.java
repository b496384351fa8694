package vn.bhyt.auth;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Tokens in the {@code api_token} table, looked up by hash through a short-lived cache.
 *
 * <p>Lookups run on the given executor, never on the caller's thread; a revoked token stops working
 * within the cache's minute. The cache is keyed by the presented token, so a request that hits it
 * costs no hashing; only hashes reach the database.
 */
public final class JdbcTokenStore implements Authenticator {
  private final DataSource ds;
  private final AsyncLoadingCache<String, Optional<Principal>> cache;

  public JdbcTokenStore(DataSource ds, Executor executor) {
    this.ds = ds;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .executor(executor)
            .buildAsync(this::find);
  }

  @Override
  public CompletionStage<Optional<Principal>> authenticate(String token) {
    return cache.get(token);
  }

  /** Stores a new token for a role and returns it; it cannot be read back later. */
  public String create(Role role, String name) throws SQLException {
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("name: '" + name + "' (expected: 1..100 characters)");
    }
    String token = Tokens.generate();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO api_token (token_hash, name, role) VALUES (?, ?, ?)")) {
      ps.setString(1, Tokens.hash(token));
      ps.setString(2, name.strip());
      ps.setString(3, role.code());
      ps.executeUpdate();
    }
    return token;
  }

  private Optional<Principal> find(String token) throws SQLException {
    String hash = Tokens.hash(token);
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, role FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Principal(rs.getString(1), Role.parse(rs.getString(2))))
            : Optional.empty();
      }
    }
  }
}
