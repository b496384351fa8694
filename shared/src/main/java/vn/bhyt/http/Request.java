package vn.bhyt.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Principal;

/** A request as handlers see it: the body is copied out of Netty's buffers. */
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

  Request(
      String id,
      Method method,
      String path,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      Map<String, String> pathParams,
      @Nullable Principal principal) {
    this.id = id;
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.pathParams = pathParams;
    this.principal = principal;
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
    return new Request(id, method, path, query, headers, body, params, principal);
  }

  Request withPrincipal(@Nullable Principal p) {
    return new Request(id, method, path, query, headers, body, pathParams, p);
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

  public byte[] body() {
    return body;
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
