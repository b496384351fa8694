package vn.bhyt.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Role;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.problem.ProblemType;

/**
 * Routes by method and path template ({@code /api/v1/visits/{id}}), each with the roles it allows.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  /**
   * Matches already made of paths that bind no parameter, by method: a bounded set (each template
   * without parameters, with and without a trailing slash), looked up before the scan of every
   * template. Routes added later come after those matched, so a match made stays right.
   */
  private final ConcurrentMap<Method, ConcurrentMap<String, Match>> literal =
      new ConcurrentHashMap<>();

  private final Map<String, FailureRenderer> renderers = new LinkedHashMap<>();

  /**
   * One route. An empty role set means no token is needed. Routes are matched, never compared: the
   * segments are the template split once, for matching.
   */
  @SuppressWarnings("ArrayRecordComponent")
  public record Route(
      Method method, String template, String[] segments, Set<Role> roles, RouteHandler handler) {
    public boolean open() {
      return roles.isEmpty();
    }
  }

  /** A matched route and the values of its path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  /** Adds a route that needs a token of one of the roles (admin always passes). */
  public Router add(Method method, String template, Set<Role> roles, RouteHandler handler) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException(
          "template: '" + template + "' (expected: starting with /)");
    }
    routes.add(new Route(method, template, split(template), Set.copyOf(roles), handler));
    return this;
  }

  /** Adds a route that needs a token of one role. */
  public Router add(Method method, String template, Role role, RouteHandler handler) {
    return add(method, template, EnumSet.of(role), handler);
  }

  /** Adds a route anyone may call. */
  public Router open(Method method, String template, RouteHandler handler) {
    return add(method, template, Set.of(), handler);
  }

  /**
   * Answers the failures of every request under a path prefix ({@code /fhir}) with a renderer
   * instead of problem documents: unknown paths and methods below it, tokens, roles and handler
   * failures.
   */
  public Router renderFailures(String pathPrefix, FailureRenderer renderer) {
    if (!pathPrefix.startsWith("/") || (pathPrefix.length() > 1 && pathPrefix.endsWith("/"))) {
      throw new IllegalArgumentException(
          "path prefix: '" + pathPrefix + "' (expected: starting and not ending with /)");
    }
    renderers.put(pathPrefix, renderer);
    return this;
  }

  /** The renderer for the failures of requests on a path, or null for problem documents. */
  @Nullable FailureRenderer failureRenderer(String path) {
    for (Map.Entry<String, FailureRenderer> e : renderers.entrySet()) {
      String prefix = e.getKey();
      if (path.equals(prefix)
          || (path.startsWith(prefix)
              && (prefix.equals("/") || path.charAt(prefix.length()) == '/'))) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Finds the route for a request.
   *
   * @throws ProblemException 404 when no template matches the path, 405 when the method is wrong
   */
  public Match match(Method method, String path) {
    return route(method, path);
  }

  /** Like {@link #match}, for a method that is null when no route can have it (405 or 404). */
  Match route(@Nullable Method method, String path) {
    Map<String, Match> known = method == null ? null : literal.get(method);
    @Nullable Match match = known == null ? null : known.get(path);
    if (match != null) {
      return match;
    }
    String[] segments = split(path);
    boolean pathMatched = false;
    for (Route route : routes) {
      Map<String, String> params = bind(route.segments(), segments);
      if (params != null) {
        pathMatched = true;
        if (route.method() == method) {
          match = new Match(route, params);
          if (params.isEmpty()) {
            literal.computeIfAbsent(method, m -> new ConcurrentHashMap<>()).put(path, match);
          }
          return match;
        }
      }
    }
    if (pathMatched) {
      throw new ProblemException(
          ProblemType.METHOD_NOT_ALLOWED,
          (method == null ? "this method" : method.name()) + " is not allowed here");
    }
    throw new ProblemException(ProblemType.NOT_FOUND, "no resource at this path");
  }

  /** The path's parameters (an unmodifiable empty map when it has none), or null if it differs. */
  private static @Nullable Map<String, String> bind(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    @Nullable Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (path[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(2);
        }
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  private static String[] split(String path) {
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(1).split("/", -1);
  }
}
