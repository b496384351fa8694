package vn.bhyt.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.bhyt.csv.CsvRecord;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.VisitKind;

/** Reads the reference CSV files, collecting every problem. */
final class ReferenceLoader {
  private final ReferenceTables tables;

  ReferenceLoader(ReferenceData.ReferenceFiles files) {
    this.tables = new ReferenceTables(files);
  }

  ReferenceData load() {
    Map<String, BeneficiaryGroup> groups = new HashMap<>();
    Map<Integer, BenefitLevel> levels = new HashMap<>();
    Map<String, String> provinces = new HashMap<>();
    TreeMap<LocalDate, Long> salaries = new TreeMap<>();
    List<RouteRule> routes = new ArrayList<>();
    Map<String, ResultCode> codes = new HashMap<>();
    tables.read("groups.csv", r -> groups.put(r.require("code"), group(r)));
    tables.read(
        "benefit-levels.csv", r -> levels.put(Integer.parseInt(r.require("level")), level(r)));
    tables.read("provinces.csv", r -> provinces.put(r.require("code"), r.require("name")));
    tables.read(
        "base-salary.csv",
        r -> salaries.put(LocalDate.parse(r.require("from")), Long.parseLong(r.require("vnd"))));
    tables.read("route-rules.csv", r -> routes.addAll(routeRules(r)));
    tables.read(
        "vss-result-codes.csv",
        r ->
            codes.put(
                r.require("code"),
                new ResultCode(r.require("code"), r.require("outcome"), r.require("meaning"))));
    groups.values().stream()
        .filter(g -> !levels.containsKey(g.usualLevel()))
        .forEach(
            g ->
                tables.problem(
                    "groups.csv: group " + g.code() + " has unknown level " + g.usualLevel()));
    tables.requireNoProblems();
    return new ReferenceData(groups, levels, provinces, salaries, routes, codes);
  }

  private static BeneficiaryGroup group(CsvRecord r) {
    return new BeneficiaryGroup(
        r.require("code"), r.require("meaning"), Integer.parseInt(r.require("usual_level")));
  }

  private static BenefitLevel level(CsvRecord r) {
    return new BenefitLevel(
        Integer.parseInt(r.require("level")),
        percent(r.require("fund_percent")),
        yes(r.require("caps_apply")),
        yes(r.require("transport")),
        yes(r.require("out_of_scope_paid")));
  }

  private static List<RouteRule> routeRules(CsvRecord r) {
    LocalDate from = LocalDate.parse(r.require("from"));
    FacilityLevel level = FacilityLevel.parse(r.require("facility_level"));
    String route = r.require("self_referred_route");
    if (!route.equals("right") && !route.equals("wrong")) {
      throw new IllegalArgumentException(
          "self_referred_route: '" + route + "' (expected: right|wrong)");
    }
    String override = r.get("right_route_percent");
    String kinds = r.require("visit_kind");
    List<RouteRule> rules = new ArrayList<>();
    for (VisitKind kind : List.of(VisitKind.OUTPATIENT, VisitKind.INPATIENT)) {
      if (kinds.equals("*") || VisitKind.parse(kinds) == kind) {
        rules.add(
            new RouteRule(
                from,
                level,
                kind,
                route.equals("right"),
                percent(r.require("self_referred_percent")),
                override == null ? null : percent(override),
                r.get("confidence")));
      }
    }
    return rules;
  }

  private static int percent(String text) {
    int value = Integer.parseInt(text);
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException("percent: " + value + " (expected: 0..100)");
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
