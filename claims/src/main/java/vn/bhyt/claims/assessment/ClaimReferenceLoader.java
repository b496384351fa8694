package vn.bhyt.claims.assessment;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.bhyt.csv.CsvReader;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.reference.ReferenceData.ReferenceFiles;
import vn.bhyt.reference.ReferenceDataException;

/** Reads the claim reference CSV files, collecting every problem. */
final class ClaimReferenceLoader {
  private final ReferenceFiles files;
  private final List<String> problems = new ArrayList<>();

  ClaimReferenceLoader(ReferenceFiles files) {
    this.files = files;
  }

  ClaimReference load() {
    List<ClaimReference.Field> fields = new ArrayList<>();
    Map<Integer, ClaimReference.Group> groups = new HashMap<>();
    List<ClaimReference.VisitType> types = new ArrayList<>();
    List<ClaimReference.RouteCode> routes = new ArrayList<>();
    Set<String> sexes = new HashSet<>();
    Map<String, BigDecimal> codeLimits = new HashMap<>();
    Map<Integer, BigDecimal> groupLimits = new HashMap<>();
    read("claim-fields.csv", r -> fields.add(field(r)));
    read(
        "claim-groups.csv",
        r -> {
          ClaimReference.Group g = group(r);
          if (groups.putIfAbsent(g.code(), g) != null) {
            throw new IllegalArgumentException("duplicate code " + g.code());
          }
        });
    read("visit-types.csv", r -> types.add(visitType(r)));
    read("visit-routes.csv", r -> routes.add(route(r)));
    read("sexes.csv", r -> sexes.add(r.require("code")));
    read("daily-limits.csv", r -> limit(r, codeLimits, groupLimits));
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(problems);
    }
    return new ClaimReference(fields, groups, types, routes, sexes, codeLimits, groupLimits);
  }

  private void read(String name, Consumer<CsvRecord> row) {
    try (Reader reader = files.open(name);
        CsvReader csv = CsvReader.open(reader)) {
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        try {
          row.accept(r);
        } catch (RuntimeException e) {
          problems.add(name + ": line " + r.line() + ": " + e.getMessage());
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.add(name + ": " + e.getMessage());
    }
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

  private static LocalDate date(String text) {
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
