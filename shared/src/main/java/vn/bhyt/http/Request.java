package vn.bhyt.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Principal;

/**
 * A request as handlers see it. The body is copied out of Netty's buffers ({@link #body()}), or, on
 * the paths that spool their bodies ({@link BodyLimits#spooled}), kept in a temporary file and read
 * with {@link #openBody()}.
 */
public final class Request {
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final Cache<String, Locale> LANGUAGES =
      Caffeine.newBuilder().maximumSize(256).build();

  private final String id;
  private final Method method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final byte[] body;
  private final Map<String, String> pathParams;
  private final @Nullable Principal principal;
  private final @Nullable BodyFile file;

  Request(
      String id,
      Method method,
      String path,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      Map<String, String> pathParams,
      @Nullable Principal principal) {
    this(id, method, path, query, headers, body, pathParams, principal, null);
  }

  private Request(
      String id,
      Method method,
      String path,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      Map<String, String> pathParams,
      @Nullable Principal principal,
      @Nullable BodyFile file) {
    this.id = id;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.pathParams = pathParams;
    this.principal = principal;
    this.file = file;
  }

  /** Creates a request, for handler tests and in-process callers. */
  public static Request of(
      Method method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      byte[] body) {
    return new Request("test", method, path, query, Headers.of(headers), body, Map.of(), null);
  }

  Request withPathParams(Map<String, String> params) {
    return new Request(id, method, path, query, headers, body, params, principal, file);
  }

  Request withPrincipal(@Nullable Principal p) {
    return new Request(id, method, path, query, headers, body, pathParams, p, file);
  }

  Request withBodyFile(BodyFile f) {
    return new Request(id, method, path, query, headers, new byte[0], pathParams, principal, f);
  }

  public String id() {
    return id;
  }

  public Method method() {
    return method;
  }

  public String path() {
    return path;
  }

  /**
   * The body's bytes.
   *
   * @throws IllegalStateException on a path that spools its bodies: read those with {@link
   *     #openBody()}
   */
  public byte[] body() {
    if (file != null) {
      throw new IllegalStateException("this path spools its bodies to a file: use openBody()");
    }
    return body;
  }

  /**
   * The body as a stream, which the caller closes: from its file on a path that spools its bodies,
   * else from its bytes.
   *
   * @throws IOException when the body's file cannot be opened
   */
  public InputStream openBody() throws IOException {
    BodyFile f = file;
    return f == null ? new ByteArrayInputStream(body) : f.openStream();
  }

  /** The body's size in bytes. */
  public long bodySize() {
    BodyFile f = file;
    return f == null ? body.length : f.size();
  }

  /**
   * The caller, authenticated by its token.
   *
   * @throws IllegalStateException on a route anyone may call, which authenticates no one
   */
  public Principal principal() {
    if (principal == null) {
      throw new IllegalStateException("an open route has no authenticated caller");
    }
    return principal;
  }

  /** The caller, or null on a route anyone may call. */
  public @Nullable Principal caller() {
    return principal;
  }

  /** The first value of a header, or null. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The first value of a query parameter, or null. */
  public @Nullable String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every query parameter with its values, in the order of the URL. */
  public Map<String, List<String>> queryParameters() {
    return java.util.Collections.unmodifiableMap(query);
  }

  /**
   * The value of a parameter of the route's template.
   *
   * @throws IllegalArgumentException for a name the template does not have
   */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("path parameter: '" + name + "' (not in the template)");
    }
    return value;
  }

  /**
   * The value of a parameter that only some of a handler's templates have, or null on the others.
   */
  public @Nullable String optionalPathParam(String name) {
    return pathParams.get(name);
  }

  /** The media type of the body without parameters, in lower case, or empty. */
  public String mediaType() {
    String type = headers.get("Content-Type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The preferred language: English when {@code Accept-Language} prefers it, else Vietnamese. */
  public Locale language() {
    String accept = headers.get("Accept-Language");
    if (accept == null) {
      return VIETNAMESE;
    }
    return LANGUAGES.get(accept, Request::preferred);
  }

  private static Locale preferred(String accept) {
    try {
      List<Locale> ranked =
          Locale.filter(Locale.LanguageRange.parse(accept), List.of(VIETNAMESE, Locale.ENGLISH));
      return ranked.isEmpty() ? VIETNAMESE : ranked.get(0);
    } catch (IllegalArgumentException e) {
      return VIETNAMESE;
    }
  }
}
