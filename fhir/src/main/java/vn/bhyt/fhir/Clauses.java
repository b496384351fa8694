package vn.bhyt.fhir;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;

/**
 * The reader of one search parameter ({@code birthdate=ge1990}) into a {@link Clause}.
 *
 * <p>Diagnostics name the parameter, never its value.
 */
final class Clauses {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z_.:\\-]{0,63}");
  private static final Pattern PREFIX = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)(?=\\d)");
  private static final @Nullable String RESOURCE = null;

  private Clauses() {}

  /**
   * The clause of a parameter of a resource type.
   *
   * @throws FhirProblem 400 for an unknown parameter, an unsupported modifier or a bad value
   */
  static Clause parse(String type, String rawName, String value, ZoneId zone) {
    int colon = rawName.indexOf(':');
    String name = colon < 0 ? rawName : rawName.substring(0, colon);
    String modifier = colon < 0 ? null : rawName.substring(colon + 1);
    List<String> values = FhirEscapes.split(value, ',');
    if (values.stream().anyMatch(String::isEmpty)) {
      throw FhirProblem.badRequest(safe(rawName) + ": a list holds an empty value");
    }
    if (name.equals("_id")) {
      return ids(modifier, values);
    }
    if (name.equals("_lastUpdated")) {
      return lastUpdated(modifier, values, zone);
    }
    SearchParam p =
        SearchCatalog.find(type, name)
            .orElseThrow(
                () ->
                    FhirProblem.badRequest(
                        "unknown search parameter " + safe(rawName) + " for " + type));
    return switch (p.kind()) {
      case TOKEN -> token(p, modifier, values);
      case STRING -> string(p, modifier, values);
      case DATE -> date(p, modifier, values, zone);
      case REFERENCE -> reference(p, modifier, values);
    };
  }

  /** A parameter name as diagnostics may show it. */
  static String safe(String name) {
    return SAFE_NAME.matcher(name).matches() ? "'" + name + "'" : "a search parameter";
  }

  private static Clause ids(@Nullable String modifier, List<String> values) {
    noModifier("_id", modifier);
    List<Object> binds = new ArrayList<>();
    for (String v : values) {
      String id = FhirEscapes.unescape(v);
      if (!ResourceIds.valid(id)) {
        throw FhirProblem.badRequest("_id: not a valid id");
      }
      binds.add(id);
    }
    String marks = values.stream().map(v -> "?").collect(Collectors.joining(", "));
    return new Clause(
        RESOURCE, "{a}.res_id IN (" + marks + ")", binds, 0, canonical("_id", values));
  }

  private static Clause token(SearchParam p, @Nullable String modifier, List<String> values) {
    noModifier(p.name(), modifier);
    List<Object> binds = new ArrayList<>(List.of(p.name()));
    List<String> alternatives = new ArrayList<>();
    for (String v : values) {
      List<String> parts = FhirEscapes.split(v, '|').stream().map(FhirEscapes::unescape).toList();
      if (parts.size() == 1) {
        alternatives.add("{a}.value = ?");
        binds.add(parts.get(0));
      } else if (parts.size() == 2 && !parts.get(1).isEmpty()) {
        alternatives.add("({a}.value = ? AND {a}.system = ?)");
        binds.add(parts.get(1));
        binds.add(parts.get(0));
      } else if (parts.size() == 2 && !parts.get(0).isEmpty()) {
        alternatives.add("{a}.system = ?");
        binds.add(parts.get(0));
      } else {
        throw FhirProblem.badRequest(p.name() + ": expected system|value, value or |value");
      }
    }
    return indexed("fhir_token_index", alternatives, binds, 1, canonical(p.name(), values));
  }

  private static Clause string(SearchParam p, @Nullable String modifier, List<String> values) {
    boolean exact = "exact".equals(modifier);
    if (modifier != null && !exact) {
      throw FhirProblem.badRequest(p.name() + ": only the :exact modifier is supported");
    }
    List<Object> binds = new ArrayList<>(List.of(p.name()));
    List<String> alternatives = new ArrayList<>();
    List<String> canonical = new ArrayList<>();
    for (String v : values) {
      String text = cut(FhirEscapes.unescape(v).strip());
      String folded = cut(Folding.fold(text));
      if (folded.isEmpty()) {
        throw FhirProblem.badRequest(p.name() + ": a value is blank");
      }
      if (exact) {
        alternatives.add("({a}.folded = ? AND {a}.exact = ?)");
        binds.add(folded);
        binds.add(text);
      } else {
        alternatives.add("{a}.folded LIKE ?");
        binds.add(likePrefix(folded));
      }
      canonical.add(FhirEscapes.escape(exact ? text : folded));
    }
    String name = exact ? p.name() + ":exact" : p.name();
    return indexed("fhir_string_index", alternatives, binds, 3, canonical(name, canonical));
  }

  private static Clause date(
      SearchParam p, @Nullable String modifier, List<String> values, ZoneId zone) {
    noModifier(p.name(), modifier);
    List<Object> binds = new ArrayList<>(List.of(p.name()));
    List<String> alternatives = new ArrayList<>();
    for (String v : values) {
      Matcher m = PREFIX.matcher(v);
      boolean prefixed = m.find();
      String op = prefixed ? m.group(1) : "eq";
      DateRange range = range(p.name(), prefixed ? v.substring(m.end()) : v, zone, op);
      alternatives.add(DateConditions.onRange(op, range, p.maxWidth(), binds));
    }
    return indexed("fhir_date_index", alternatives, binds, 4, canonical(p.name(), values));
  }

  private static Clause lastUpdated(@Nullable String modifier, List<String> values, ZoneId zone) {
    noModifier("_lastUpdated", modifier);
    List<Object> binds = new ArrayList<>();
    List<String> alternatives = new ArrayList<>();
    for (String v : values) {
      Matcher m = PREFIX.matcher(v);
      boolean prefixed = m.find();
      String op = prefixed ? m.group(1) : "eq";
      DateRange range = range("_lastUpdated", prefixed ? v.substring(m.end()) : v, zone, op);
      alternatives.add(DateConditions.onInstant(op, range, binds));
    }
    String condition = "(" + String.join(" OR ", alternatives) + ")";
    return new Clause(RESOURCE, condition, binds, 5, canonical("_lastUpdated", values));
  }

  private static Clause reference(SearchParam p, @Nullable String modifier, List<String> values) {
    if (modifier != null && !modifier.equals(p.target())) {
      throw FhirProblem.badRequest(
          p.name() + ": only the :" + p.target() + " modifier is supported");
    }
    List<Object> binds = new ArrayList<>(List.of(p.name()));
    List<String> targets = new ArrayList<>();
    for (String v : values) {
      String target = target(p, FhirEscapes.unescape(v));
      binds.add(target);
      targets.add(target);
    }
    String marks = targets.stream().map(t -> "?").collect(Collectors.joining(", "));
    return new Clause(
        "fhir_reference_index",
        "{a}.param = ? AND {a}.target IN (" + marks + ")",
        binds,
        2,
        canonical(p.name(), targets));
  }

  private static String target(SearchParam p, String value) {
    String type = Objects.requireNonNull(p.target(), "a reference parameter names its target");
    if (!value.contains("/")) {
      if (!ResourceIds.valid(value)) {
        throw FhirProblem.badRequest(p.name() + ": not a valid id");
      }
      return type + "/" + value;
    }
    IdType id = new IdType(value);
    if (!type.equals(id.getResourceType()) || !ResourceIds.valid(id.getIdPart())) {
      throw FhirProblem.badRequest(p.name() + ": expected " + type + "/id or id");
    }
    return type + "/" + id.getIdPart();
  }

  private static DateRange range(String name, String text, ZoneId zone, String op) {
    if (op.equals("ap")) {
      throw FhirProblem.badRequest(name + ": the ap prefix is not supported");
    }
    try {
      return DateRange.parse(text, zone);
    } catch (IllegalArgumentException e) {
      throw FhirProblem.badRequest(name + ": expected a FHIR date or dateTime, with a prefix");
    }
  }

  private static Clause indexed(
      String table, List<String> alternatives, List<Object> binds, int rank, String canonical) {
    String condition = "{a}.param = ? AND (" + String.join(" OR ", alternatives) + ")";
    return new Clause(table, condition, binds, rank, canonical);
  }

  private static void noModifier(String name, @Nullable String modifier) {
    if (modifier != null) {
      throw FhirProblem.badRequest(name + ": modifiers are not supported");
    }
  }

  private static String canonical(String name, List<String> values) {
    String joined = values.stream().sorted().distinct().collect(Collectors.joining(","));
    return SearchParams.encode(name) + "=" + SearchParams.encode(joined);
  }

  private static String cut(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200);
  }

  private static String likePrefix(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
