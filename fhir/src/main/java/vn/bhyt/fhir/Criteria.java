package vn.bhyt.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import vn.bhyt.persistence.Sql;

/**
 * The search criteria of a conditional create ({@code If-None-Exist}) in canonical form, and its
 * SHA-256: searches that differ only in spelling, order, case or accents of names have one hash.
 */
final class Criteria {
  private final String type;
  private final SearchQuery query;
  private final String canonical;
  private final byte[] hash;
  private final BusinessKeys.@Nullable Key key;

  private Criteria(
      String type, SearchQuery query, String canonical, BusinessKeys.@Nullable Key key) {
    this.type = type;
    this.query = query;
    this.canonical = canonical;
    this.hash = sha256(canonical);
    this.key = key;
  }

  /**
   * Reads criteria such as {@code identifier=https://example|123}, {@code Patient?identifier=...}
   * or a full URL ending in {@code /Patient?identifier=...}; {@code _format} and {@code _pretty},
   * which some clients add, are ignored.
   *
   * @throws FhirProblem 400 when they name another type, hold no parameter or a bad one
   */
  static Criteria parse(String type, String criteria, ZoneId zone) {
    SearchParams params =
        SearchParams.parse(queryPart(type, criteria)).without("_format", "_pretty");
    SearchQuery query = SearchQuery.compile(type, params, zone);
    if (query.isEmpty()) {
      throw FhirProblem.badRequest("the conditional create's criteria hold no search parameter");
    }
    return new Criteria(type, query, query.canonical(), BusinessKeys.of(type, params));
  }

  /**
   * The least and greatest id of the matches: of the resource holding the business key when the
   * criteria search exactly one ({@link BusinessKeys}), so that Patients stored with the same
   * number before it was a key never make them ambiguous; else of the search.
   */
  Sql firstAndLast() {
    return key != null ? BusinessKeys.firstAndLast(key) : query.firstAndLast();
  }

  String type() {
    return type;
  }

  SearchQuery query() {
    return query;
  }

  String canonical() {
    return canonical;
  }

  byte[] hash() {
    return hash.clone();
  }

  private static String queryPart(String type, String criteria) {
    String c = criteria.strip();
    int q = c.indexOf('?');
    if (q < 0) {
      return c;
    }
    String path = c.substring(0, q);
    if (!path.isEmpty() && !path.substring(path.lastIndexOf('/') + 1).equals(type)) {
      throw FhirProblem.badRequest("the conditional create's criteria must search " + type);
    }
    return c.substring(q + 1);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
