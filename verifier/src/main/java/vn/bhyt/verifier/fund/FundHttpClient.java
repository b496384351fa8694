package vn.bhyt.verifier.fund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bhyt.config.Secret;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.verifier.registry.FundClient;
import vn.bhyt.verifier.rules.Clerk;
import vn.bhyt.verifier.rules.FundAnswer;

/**
 * The fund's online card check over HTTP, as reference section 7 fixes it.
 *
 * <p>It logs in with the user and the upper-case MD5 of the password's UTF-8 bytes, keeps the token
 * until shortly before its {@code expires_in} (one login at a time however many checks need one),
 * and on a {@code 401} (as an HTTP status or as {@code maKetQua}, string or number) logs in again
 * once and repeats the call. Card checks carry the token as the query parameters {@code token},
 * {@code id_token}, {@code username} and {@code password}, as the hospitals' software sends them.
 *
 * <p>Every call has a connect and a read timeout. A circuit breaker (resilience4j) counts the calls
 * that gave no answer: after half of the last ten (four at least) failed, the fund is not asked for
 * a while and checks fail at once with {@link FundUnavailableException.Reason#CIRCUIT_OPEN}; then
 * one probe at a time finds out whether it is back. Any answer the fund gives, refusals included,
 * counts as success: the breaker measures whether the fund answers, not what it says.
 *
 * <p>The JDK's HTTP client does the transport (HTTP/1.1, a connection pool, asynchronous answers):
 * nothing beyond the JDK is needed for a few small JSON calls. Credentials and patient data are
 * never logged.
 */
public final class FundHttpClient implements FundClient {
  private static final Logger log = LoggerFactory.getLogger(FundHttpClient.class);

  /** A token is renewed this long before the fund says it expires. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

  /** When the fund's {@code expires_in} cannot be read, a token is kept this long. */
  private static final Duration TOKEN_FALLBACK = Duration.ofMinutes(5);

  private final URI base;
  private final String user;
  private final String passwordHash;
  private final Duration readTimeout;
  private final Clock clock;
  private final HttpClient http;
  private final CircuitBreaker breaker;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicReference<@Nullable CompletableFuture<Token>> token = new AtomicReference<>();

  /**
   * @param base the fund's base URL ({@code fund.url}); paths are relative to it
   * @param password the password as the user knows it: the client sends its MD5
   * @param breakerWait how long the breaker keeps the fund unasked after it opened
   */
  public FundHttpClient(
      URI base,
      String user,
      Secret password,
      Duration connectTimeout,
      Duration readTimeout,
      Duration breakerWait,
      Clock clock) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.user = user;
    this.passwordHash = md5(password.value());
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.breaker =
        CircuitBreaker.of(
            "fund",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(breakerWait)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
  }

  /** The upper-case hex MD5 of a password's UTF-8 bytes, as the fund takes it. */
  public static String md5(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  /**
   * The breaker's state, for health and metrics: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}.
   */
  public String circuit() {
    return breaker.getState().name();
  }

  @Override
  public boolean configured() {
    return true;
  }

  /**
   * Asks the fund about a card: the 2019 check, or the 2024 check when a clerk is given.
   *
   * @param birthDate sent as {@code dd/MM/yyyy}, or {@code yyyy} for a year only
   * @return the fund's answer; fails with {@link FundUnavailableException} when there is none
   */
  @Override
  public CompletableFuture<FundAnswer> check(
      String cardNumber,
      @Nullable String name,
      @Nullable PartialDate birthDate,
      @Nullable Clerk clerk) {
    String born = birthDate == null ? "" : FundJson.formatBirthDate(birthDate);
    String person = name == null ? "" : name;
    Function<Token, HttpRequest> request;
    if (clerk == null) {
      ObjectNode body = json.createObjectNode();
      body.put("maThe", cardNumber).put("hoTen", person).put("ngaySinh", born);
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      request =
          t ->
              post(
                  "api/egw/KQNhanLichSuKCB2019",
                  t,
                  "application/json",
                  HttpRequest.BodyPublishers.ofByteArray(bytes));
    } else {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("maThe", cardNumber);
      fields.put("hoTen", person);
      fields.put("ngaySinh", born);
      fields.put("hoTenCb", clerk.name());
      fields.put("cccdCb", clerk.citizenId());
      String form = form(fields);
      request =
          t ->
              post(
                  "api/egw/KQNhanLichSuKCB2024",
                  t,
                  "application/x-www-form-urlencoded",
                  HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
    }
    return guarded(() -> authorized(request)).thenApply(FundJson::answer);
  }

  /**
   * Sends a claim file ({@code api/qd130/guiHoSoXmlQD3176}): a whole {@code GIAMDINHHS} envelope,
   * as base64 in the form field {@code fileHSBase64}, with the token in the headers.
   *
   * @param facility the facility code ({@code maCSKCB}), whose first two characters are the
   *     province
   * @return the fund's answer, {@code maKetQua} {@code 200} or a refusal; fails with {@link
   *     FundUnavailableException} when there is none (the fund may or may not have taken the file)
   */
  public CompletableFuture<JsonNode> submitClaim(String facility, byte[] envelope) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", user);
    fields.put("loaiHoSo", "130");
    fields.put("maTinh", facility.substring(0, Math.min(2, facility.length())));
    fields.put("maCSKCB", facility);
    fields.put("fileHSBase64", java.util.Base64.getEncoder().encodeToString(envelope));
    String form = form(fields);
    return guarded(
        () ->
            authorized(
                t ->
                    withToken(HttpRequest.newBuilder(base.resolve("api/qd130/guiHoSoXmlQD3176")), t)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                        .build()));
  }

  /**
   * Asks one of the fund's claim look-ups ({@code api/qd130/traCuuHoSo}, {@code
   * api/qd130/nhanKetQuaGiamDinh}) with the token in the headers.
   *
   * @return the fund's answer; fails with {@link FundUnavailableException} when there is none
   */
  public CompletableFuture<JsonNode> claimLookUp(String path, Map<String, String> query) {
    return guarded(
        () ->
            authorized(
                t ->
                    withToken(HttpRequest.newBuilder(base.resolve(path + "?" + form(query))), t)
                        .GET()
                        .build()));
  }

  /** The result code of a fund answer, as 3 digits when it is a number ("200" and 200 alike). */
  public static @Nullable String resultCode(JsonNode answer) {
    return FundJson.code(answer);
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request, Token t) {
    return request
        .timeout(readTimeout)
        .header("accessToken", t.accessToken())
        .header("tokenId", t.idToken())
        .header("passwordHash", passwordHash);
  }

  /**
   * Runs a call under the breaker: refused at once while it is open; no answer counts against it.
   */
  private <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> call) {
    try {
      breaker.acquirePermission();
    } catch (CallNotPermittedException e) {
      return CompletableFuture.failedFuture(
          new FundUnavailableException(
              FundUnavailableException.Reason.CIRCUIT_OPEN,
              "the fund failed repeatedly of late and is not asked for now"));
    }
    long start = breaker.getCurrentTimestamp();
    CompletableFuture<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return result.whenComplete(
        (answer, failure) -> {
          long took = breaker.getCurrentTimestamp() - start;
          if (failure == null) {
            breaker.onSuccess(took, breaker.getTimestampUnit());
          } else {
            breaker.onError(took, breaker.getTimestampUnit(), unwrap(failure));
          }
        });
  }

  /** Sends a call with a token; on a 401, once more with a fresh one. */
  private CompletableFuture<JsonNode> authorized(Function<Token, HttpRequest> request) {
    return token()
        .thenCompose(
            first ->
                exchange(request.apply(first))
                    .thenCompose(
                        answer -> {
                          if (!answer.unauthorized()) {
                            return CompletableFuture.completedFuture(answer.body());
                          }
                          forget(first);
                          return token()
                              .thenCompose(fresh -> exchange(request.apply(fresh)))
                              .thenApply(
                                  again -> {
                                    if (again.unauthorized()) {
                                      throw new FundUnavailableException(
                                          FundUnavailableException.Reason.LOGIN_REFUSED,
                                          "the fund refused a fresh token");
                                    }
                                    return again.body();
                                  });
                        }));
  }

  private CompletableFuture<Answer> exchange(HttpRequest request) {
    String path = request.uri().getPath();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw transportFailure(path, unwrap(failure));
              }
              return read(path, response);
            });
  }

  private Answer read(String path, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 500) {
      throw new FundUnavailableException(
          FundUnavailableException.Reason.FAILED, path + ": HTTP " + status);
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (status == 401) {
      return new Answer(body == null ? json.createObjectNode() : body, true);
    }
    if (status != 200 || body == null || !body.isObject()) {
      throw new FundUnavailableException(
          FundUnavailableException.Reason.FAILED,
          path + ": HTTP " + status + (body == null ? ", not JSON" : ", not the fund's answer"));
    }
    return new Answer(body, "401".equals(FundJson.code(body)));
  }

  private static FundUnavailableException transportFailure(String path, Throwable failure) {
    if (failure instanceof FundUnavailableException f) {
      return f;
    }
    if (failure instanceof HttpTimeoutException) {
      return new FundUnavailableException(
          FundUnavailableException.Reason.TIMEOUT, path + ": no answer in time", failure);
    }
    return new FundUnavailableException(
        FundUnavailableException.Reason.FAILED,
        path + ": " + failure.getClass().getSimpleName(),
        failure);
  }

  /** The current token, logging in when there is none or it is about to expire. */
  private CompletableFuture<Token> token() {
    while (true) {
      CompletableFuture<Token> current = token.get();
      if (current != null && (!current.isDone() || usable(current))) {
        return current;
      }
      CompletableFuture<Token> fresh = new CompletableFuture<>();
      if (token.compareAndSet(current, fresh)) {
        login()
            .whenComplete(
                (t, e) -> {
                  if (e == null) {
                    fresh.complete(t);
                  } else {
                    token.compareAndSet(fresh, null);
                    fresh.completeExceptionally(unwrap(e));
                  }
                });
        return fresh;
      }
    }
  }

  private boolean usable(CompletableFuture<Token> done) {
    if (done.isCompletedExceptionally()) {
      return false;
    }
    return done.join().expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN));
  }

  /** Drops a token the fund refused, unless another call already replaced it. */
  private void forget(Token refused) {
    CompletableFuture<Token> current = token.get();
    if (current != null
        && current.isDone()
        && !current.isCompletedExceptionally()
        && current.join() == refused) {
      token.compareAndSet(current, null);
    }
  }

  private CompletableFuture<Token> login() {
    ObjectNode body = json.createObjectNode();
    body.put("username", user).put("password", passwordHash);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/token/take"))
            .timeout(readTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    return exchange(request).thenApply(this::token);
  }

  private Token token(Answer answer) {
    JsonNode body = answer.body();
    String code = FundJson.code(body);
    JsonNode key = body.path("APIKey");
    if (answer.unauthorized() || !"200".equals(code) || !key.hasNonNull("access_token")) {
      log.warn("the fund refused the login of the configured account: {}", code);
      throw new FundUnavailableException(
          FundUnavailableException.Reason.LOGIN_REFUSED,
          "the fund refused the login: " + (code == null ? "no result code" : code));
    }
    Instant now = clock.instant();
    Instant expires;
    try {
      expires = Instant.parse(key.path("expires_in").asText());
    } catch (DateTimeParseException e) {
      expires = now.plus(TOKEN_FALLBACK);
    }
    return new Token(
        key.path("access_token").asText(),
        key.path("id_token").asText(""),
        key.path("username").asText(user),
        expires);
  }

  private HttpRequest post(
      String path, Token t, String contentType, HttpRequest.BodyPublisher body) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("token", t.accessToken());
    query.put("id_token", t.idToken());
    query.put("username", t.username());
    query.put("password", passwordHash);
    return HttpRequest.newBuilder(base.resolve(path + "?" + form(query)))
        .timeout(readTimeout)
        .header("Content-Type", contentType + "; charset=utf-8")
        .POST(body)
        .build();
  }

  private static String form(Map<String, String> fields) {
    StringJoiner out = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            out.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A fund answer and whether it refused the token. */
  private record Answer(JsonNode body, boolean unauthorized) {}

  /** A token; never logged. */
  private record Token(String accessToken, String idToken, String username, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[expires " + expiresAt + "]";
    }
  }
}
