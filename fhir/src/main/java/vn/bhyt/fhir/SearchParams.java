package vn.bhyt.fhir;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of a FHIR search as sent, in order: names with any modifier ({@code name:exact})
 * and URL-decoded values, a repeated name meaning AND and a comma inside a value OR.
 */
public final class SearchParams {
  /** One parameter. */
  public record Param(String name, String value) {}

  private final List<Param> params;

  private SearchParams(List<Param> params) {
    this.params = List.copyOf(params);
  }

  /** Parameters from names and values in turn: {@code of("identifier", "sys|1", "_count", "5")}. */
  public static SearchParams of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected names and values in pairs");
    }
    List<Param> list = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      list.add(new Param(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new SearchParams(list);
  }

  /** Parameters from a decoded query, as Netty's {@code QueryStringDecoder} gives them. */
  public static SearchParams of(Map<String, List<String>> decoded) {
    List<Param> list = new ArrayList<>();
    decoded.forEach((name, values) -> values.forEach(v -> list.add(new Param(name, v))));
    return new SearchParams(list);
  }

  /**
   * Parses a URL-encoded query ({@code identifier=https%3A%2F%2Fx%7C1&name=an}), with or without a
   * leading {@code ?}.
   *
   * @throws FhirProblem 400 when a percent escape is malformed
   */
  public static SearchParams parse(String query) {
    String q = query.startsWith("?") ? query.substring(1) : query;
    List<Param> list = new ArrayList<>();
    for (String pair : q.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      list.add(new Param(decode(name), decode(value)));
    }
    return new SearchParams(list);
  }

  public List<Param> params() {
    return params;
  }

  public boolean isEmpty() {
    return params.isEmpty();
  }

  /** The first value of a parameter. */
  public Optional<String> first(String name) {
    return params.stream().filter(p -> p.name().equals(name)).map(Param::value).findFirst();
  }

  /** These parameters and one more. */
  public SearchParams with(String name, String value) {
    List<Param> list = new ArrayList<>(params);
    list.add(new Param(name, value));
    return new SearchParams(list);
  }

  /** These parameters and others after them. */
  public SearchParams with(SearchParams more) {
    List<Param> list = new ArrayList<>(params);
    list.addAll(more.params);
    return new SearchParams(list);
  }

  /** These parameters without those of some names. */
  public SearchParams without(String... names) {
    Set<String> drop = Set.copyOf(Arrays.asList(names));
    return new SearchParams(params.stream().filter(p -> !drop.contains(p.name())).toList());
  }

  /** The URL-encoded query of these parameters, without a leading {@code ?}. */
  public String toQuery() {
    return params.stream()
        .map(p -> encode(p.name()) + "=" + encode(p.value()))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "SearchParams" + params.stream().map(Param::name).toList();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw FhirProblem.badRequest("the search parameters are not properly URL-encoded");
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
