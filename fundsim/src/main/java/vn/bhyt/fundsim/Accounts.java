package vn.bhyt.fundsim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The one account the simulated fund accepts ({@code <facility>_BV} and a password, sent as the
 * upper-case hex MD5 of its UTF-8 bytes) and the tokens it handed out.
 *
 * <p>A token lives {@code lifetime} as announced in {@code expires_in}, or less when an early
 * expiry is set (the fund is known to end sessions after 10 minutes whatever it announced).
 */
final class Accounts {
  /** A token handed out at login. */
  record Token(String accessToken, String idToken, String user, Instant expiresAt, Instant dies) {}

  /** The outcome of a login: the token, or the result code of the refusal. */
  record Login(@Nullable Token token, String code) {}

  private final String user;
  private final String passwordMd5;
  private final String facility;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private volatile Duration lifetime;
  private volatile @Nullable Duration earlyExpiry;
  private volatile boolean locked;

  Accounts(String user, String password, Duration lifetime, Clock clock) {
    if (!user.matches("[0-9A-Za-z]{5}_BV")) {
      throw new IllegalArgumentException("user: expected <facility code>_BV, e.g. 79034_BV");
    }
    this.user = user;
    this.passwordMd5 = md5(password);
    this.facility = user.substring(0, 5).toUpperCase(Locale.ROOT);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The upper-case hex MD5 of the UTF-8 bytes of a password. */
  static String md5(String password) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }

  String facility() {
    return facility;
  }

  String user() {
    return user;
  }

  void lock(boolean value) {
    locked = value;
  }

  boolean locked() {
    return locked;
  }

  /** Tokens die after this, whatever {@code expires_in} says; null to let them live their term. */
  void earlyExpiry(@Nullable Duration after) {
    earlyExpiry = after;
  }

  /** Ends every token handed out so far. */
  void expireAll() {
    tokens.clear();
  }

  Login login(String username, String password) {
    if (!username.equalsIgnoreCase(user)) {
      return new Login(null, username.matches("[0-9A-Za-z]{5}_BV") ? "402" : "401");
    }
    if (!password.equalsIgnoreCase(passwordMd5)) {
      return new Login(null, "401");
    }
    if (locked) {
      return new Login(null, "403");
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant expires = now.plus(lifetime);
    Duration early = earlyExpiry;
    Instant dies = early == null || now.plus(early).isAfter(expires) ? expires : now.plus(early);
    Token t = new Token(hex(), hex(), user, expires, dies);
    tokens.put(t.accessToken(), t);
    return new Login(t, "200");
  }

  /**
   * The live token these credentials name, if any: the access token and the id token must match; a
   * user name or password hash, when sent, must be the account's.
   */
  Optional<Token> authorise(
      @Nullable String accessToken,
      @Nullable String idToken,
      @Nullable String username,
      @Nullable String passwordHash) {
    if (accessToken == null || idToken == null) {
      return Optional.empty();
    }
    Token t = tokens.get(accessToken);
    if (t == null || !t.idToken().equals(idToken)) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(t.dies())) {
      tokens.remove(accessToken);
      return Optional.empty();
    }
    if (username != null && !username.equalsIgnoreCase(user)) {
      return Optional.empty();
    }
    if (passwordHash != null && !passwordHash.equalsIgnoreCase(passwordMd5)) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private String hex() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
