package vn.bhyt.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityLevel;
import vn.bhyt.domain.VisitKind;

/** The reference tables the rules consult, keyed for lookup. */
public final class ReferenceData {
  private final Map<String, BeneficiaryGroup> groups;
  private final Map<Integer, BenefitLevel> levels;
  private final Map<String, String> provinces;
  private final NavigableMap<LocalDate, Long> baseSalaries;
  private final List<RouteRule> routeRules;
  private final Map<String, ResultCode> resultCodes;

  ReferenceData(
      Map<String, BeneficiaryGroup> groups,
      Map<Integer, BenefitLevel> levels,
      Map<String, String> provinces,
      NavigableMap<LocalDate, Long> baseSalaries,
      List<RouteRule> routeRules,
      Map<String, ResultCode> resultCodes) {
    this.groups = Map.copyOf(groups);
    this.levels = Map.copyOf(levels);
    this.provinces = Map.copyOf(provinces);
    this.baseSalaries = Collections.unmodifiableNavigableMap(new TreeMap<>(baseSalaries));
    List<RouteRule> sorted = new ArrayList<>(routeRules);
    sorted.sort(Comparator.comparing(RouteRule::from).reversed());
    this.routeRules = List.copyOf(sorted);
    this.resultCodes = Map.copyOf(resultCodes);
  }

  /** The tables built into the gateway. */
  public static ReferenceData builtIn() {
    return load(name -> open(ReferenceData.class.getResourceAsStream("/reference/" + name), name));
  }

  /**
   * Reads every table through a source of files, collecting all errors before failing once.
   *
   * @throws ReferenceDataException listing every bad file and row
   */
  public static ReferenceData load(ReferenceFiles files) {
    return new ReferenceLoader(files).load();
  }

  private static Reader open(InputStream in, String name) {
    if (in == null) {
      throw new UncheckedIOException(new IOException(name + ": not found"));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public Optional<BeneficiaryGroup> group(@Nullable String code) {
    return Optional.ofNullable(code == null ? null : groups.get(code));
  }

  /** Every beneficiary group. */
  public java.util.Collection<BeneficiaryGroup> groups() {
    return groups.values();
  }

  public Optional<BenefitLevel> level(int level) {
    return Optional.ofNullable(levels.get(level));
  }

  public boolean knowsProvince(String code) {
    return code != null && provinces.containsKey(code);
  }

  /** Every result code of the fund's card check, by code. */
  public java.util.Collection<ResultCode> resultCodes() {
    return new TreeMap<>(resultCodes).values();
  }

  public Optional<ResultCode> resultCode(String code) {
    return Optional.ofNullable(resultCodes.get(code));
  }

  /** The base salary in force on a day, or empty before the first entry. */
  public Optional<Long> baseSalaryOn(LocalDate day) {
    return Optional.ofNullable(baseSalaries.floorEntry(day)).map(Map.Entry::getValue);
  }

  /** The route rule in force on a day for a facility level and an outpatient or inpatient visit. */
  public Optional<RouteRule> routeRule(LocalDate day, FacilityLevel level, VisitKind kind) {
    for (RouteRule r : routeRules) {
      if (r.facilityLevel() == level && r.visitKind() == kind && !r.from().isAfter(day)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** A source of the reference files by name. */
  @FunctionalInterface
  public interface ReferenceFiles {
    Reader open(String name);
  }
}
