package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.reference.ReferenceData.ReferenceFiles;
import vn.bhyt.reference.ReferenceTables;

/** Reads the claim reference CSV files, collecting every problem. */
final class ClaimReferenceLoader {
  private final ReferenceTables tables;

  ClaimReferenceLoader(ReferenceFiles files) {
    this.tables = new ReferenceTables(files);
  }

  ClaimReference load() {
    List<ClaimReference.Field> fields = new ArrayList<>();
    Map<Integer, ClaimReference.Group> groups = new HashMap<>();
    List<ClaimReference.VisitType> types = new ArrayList<>();
    List<ClaimReference.RouteCode> routes = new ArrayList<>();
    Set<String> sexes = new HashSet<>();
    Map<String, BigDecimal> codeLimits = new HashMap<>();
    Map<Integer, BigDecimal> groupLimits = new HashMap<>();
    tables.read("claim-fields.csv", r -> fields.add(field(r)));
    tables.read(
        "claim-groups.csv",
        r -> {
          ClaimReference.Group g = group(r);
          if (groups.putIfAbsent(g.code(), g) != null) {
            throw new IllegalArgumentException("duplicate code " + g.code());
          }
        });
    tables.read("visit-types.csv", r -> types.add(visitType(r)));
    tables.read("visit-routes.csv", r -> routes.add(route(r)));
    tables.read("sexes.csv", r -> sexes.add(r.require("code")));
    tables.read("daily-limits.csv", r -> limit(r, codeLimits, groupLimits));
    tables.requireNoProblems();
    return new ClaimReference(fields, groups, types, routes, sexes, codeLimits, groupLimits);
  }

  private static ClaimReference.Field field(CsvRecord r) {
    String required = r.require("required");
    String anyOf = required.startsWith("any:") ? required.substring(4) : null;
    if (anyOf == null && !required.equals("yes") && !required.equals("no")) {
      throw new IllegalArgumentException(
          "required: '" + required + "' (expected: yes|no|any:<group>)");
    }
    String max = r.get("max_length");
    return new ClaimReference.Field(
        r.require("table"),
        r.require("field"),
        required.equals("yes"),
        anyOf,
        FieldFormat.parse(r.require("format")),
        max == null ? null : positive(max),
        yes(r.require("personal")));
  }

  private static ClaimReference.Group group(CsvRecord r) {
    return new ClaimReference.Group(
        Integer.parseInt(r.require("code")),
        r.require("meaning"),
        yes(r.require("in_list")),
        r.get("xml1_total"));
  }

  private static ClaimReference.VisitType visitType(CsvRecord r) {
    return new ClaimReference.VisitType(
        r.require("code"),
        r.require("meaning"),
        Stay.parse(r.require("stay")),
        LocalDate.parse(r.require("from")),
        date(r.get("to")));
  }

  private static ClaimReference.RouteCode route(CsvRecord r) {
    return new ClaimReference.RouteCode(
        r.require("field"),
        r.require("code"),
        VisitRoute.parse(r.require("route")),
        LocalDate.parse(r.require("from")),
        date(r.get("to")));
  }

  private static void limit(
      CsvRecord r, Map<String, BigDecimal> byCode, Map<Integer, BigDecimal> byGroup) {
    BigDecimal perDay = new BigDecimal(r.require("per_day"));
    if (perDay.signum() <= 0) {
      throw new IllegalArgumentException("per_day: " + perDay + " (expected: > 0)");
    }
    switch (r.require("scope")) {
      case "code" -> byCode.put(r.require("key"), perDay);
      case "group" -> byGroup.put(Integer.parseInt(r.require("key")), perDay);
      default ->
          throw new IllegalArgumentException(
              "scope: '" + r.get("scope") + "' (expected: code|group)");
    }
  }

  private static @Nullable LocalDate date(@Nullable String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  private static int positive(String text) {
    int value = Integer.parseInt(text);
    if (value < 1) {
      throw new IllegalArgumentException("max_length: " + value + " (expected: >= 1)");
    }
    return value;
  }

  private static boolean yes(String text) {
    return switch (text) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' (expected: yes|no)");
    };
  }
}
