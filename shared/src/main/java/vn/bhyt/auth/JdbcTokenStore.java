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
import org.jspecify.annotations.Nullable;

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
    return create(role, name, null, null);
  }

  /**
   * Stores a new token for a role, a reception token with the clerk who checks cards with it, and
   * returns it; it cannot be read back later.
   *
   * @param clerkName the clerk's full name, with the citizen ID or not at all
   * @param clerkCitizenId the clerk's 12-digit citizen ID
   * @throws IllegalArgumentException for a bad name, a clerk half given or on another role
   */
  public String create(
      Role role, String name, @Nullable String clerkName, @Nullable String clerkCitizenId)
      throws SQLException {
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("name: '" + name + "' (expected: 1..100 characters)");
    }
    if ((clerkName == null) != (clerkCitizenId == null)) {
      throw new IllegalArgumentException("a clerk needs both a name and a citizen ID");
    }
    if (clerkName != null && clerkCitizenId != null) {
      if (role != Role.RECEPTION) {
        throw new IllegalArgumentException("only a reception token names a clerk");
      }
      if (clerkName.isBlank() || clerkName.strip().length() > 200) {
        throw new IllegalArgumentException("clerk name: expected 1..200 characters");
      }
      if (!clerkCitizenId.strip().matches("[0-9]{12}")) {
        throw new IllegalArgumentException("clerk citizen ID: expected 12 digits");
      }
    }
    String token = Tokens.generate();
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO api_token (token_hash, name, role, clerk_name, clerk_citizen_id)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, Tokens.hash(token));
      ps.setString(2, name.strip());
      ps.setString(3, role.code());
      ps.setString(4, clerkName == null ? null : clerkName.strip());
      ps.setString(5, clerkCitizenId == null ? null : clerkCitizenId.strip());
      ps.executeUpdate();
    }
    return token;
  }

  private Optional<Principal> find(String token) throws SQLException {
    String hash = Tokens.hash(token);
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, role, clerk_name, clerk_citizen_id FROM api_token"
                    + " WHERE token_hash = ? AND revoked_at IS NULL")) {
      ps.setString(1, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new Principal(
                    rs.getString(1), Role.parse(rs.getString(2)), rs.getString(3), rs.getString(4)))
            : Optional.empty();
      }
    }
  }
}
