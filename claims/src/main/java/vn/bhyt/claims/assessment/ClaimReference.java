package vn.bhyt.claims.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.bhyt.reference.ReferenceData.ReferenceFiles;
import vn.bhyt.reference.ReferenceDataException;

/**
 * The claim format's reference tables: which fields a table has and how they are written, the code
 * lists ({@code MA_NHOM}, {@code MA_LOAI_KCB}, {@code GIOI_TINH}), how {@code MA_DOITUONG_KCB} and
 * {@code MA_LYDO_VVIEN} codes map to routes, and daily service limits. Read from CSV files beside
 * the other reference data ({@code config/reference}).
 */
public final class ClaimReference {
  /** The files this reads, by name. */
  public static final List<String> FILES =
      List.of(
          "claim-fields.csv",
          "claim-groups.csv",
          "visit-types.csv",
          "visit-routes.csv",
          "sexes.csv",
          "daily-limits.csv");

  private final List<Field> fields;
  private final Map<Integer, Group> groups;
  private final List<VisitType> visitTypes;
  private final List<RouteCode> routes;
  private final Set<String> sexes;
  private final Map<String, BigDecimal> codeLimits;
  private final Map<Integer, BigDecimal> groupLimits;

  ClaimReference(
      List<Field> fields,
      Map<Integer, Group> groups,
      List<VisitType> visitTypes,
      List<RouteCode> routes,
      Set<String> sexes,
      Map<String, BigDecimal> codeLimits,
      Map<Integer, BigDecimal> groupLimits) {
    this.fields = List.copyOf(fields);
    this.groups = Map.copyOf(groups);
    this.visitTypes = List.copyOf(visitTypes);
    this.routes = List.copyOf(routes);
    this.sexes = Set.copyOf(sexes);
    this.codeLimits = Map.copyOf(codeLimits);
    this.groupLimits = Map.copyOf(groupLimits);
  }

  /** The tables built into the gateway (class-path resources under {@code /reference/}). */
  public static ClaimReference builtIn() {
    return load(
        name -> {
          InputStream in = ClaimReference.class.getResourceAsStream("/reference/" + name);
          if (in == null) {
            throw new UncheckedIOException(new IOException(name + ": not found"));
          }
          return new InputStreamReader(in, StandardCharsets.UTF_8);
        });
  }

  /**
   * Reads every table through a source of files, collecting all errors before failing once.
   *
   * @throws ReferenceDataException listing every bad file and row
   */
  public static ClaimReference load(ReferenceFiles files) {
    return new ClaimReferenceLoader(files).load();
  }

  /** The field specifications of a table, in file order. */
  public List<Field> fields(String table) {
    return fields.stream().filter(f -> f.table().equals(table)).toList();
  }

  /** The tables that have field specifications. */
  public List<String> tables() {
    return fields.stream().map(Field::table).distinct().toList();
  }

  public Optional<Group> group(@Nullable Integer code) {
    return Optional.ofNullable(code == null ? null : groups.get(code));
  }

  /**
   * The {@code MA_LOAI_KCB} code in force on a day; the older format's one-digit codes ({@code 1})
   * read as their two-digit form ({@code 01}).
   */
  public Optional<VisitType> visitType(String code, LocalDate day) {
    String written = code.length() == 1 ? "0" + code : code;
    return visitTypes.stream()
        .filter(t -> t.code().equals(written) && inForce(t.from(), t.to(), day))
        .findFirst();
  }

  /**
   * The route a code of {@code MA_DOITUONG_KCB} or {@code MA_LYDO_VVIEN} stands for on a day; a
   * code not listed falls back to its group (the part before the point).
   */
  public Optional<VisitRoute> route(String field, @Nullable String code, LocalDate day) {
    if (code == null) {
      return Optional.empty();
    }
    Optional<VisitRoute> exact = routeOf(field, code, day);
    int point = code.indexOf('.');
    return exact.isPresent() || point < 0 ? exact : routeOf(field, code.substring(0, point), day);
  }

  private Optional<VisitRoute> routeOf(String field, String code, LocalDate day) {
    return routes.stream()
        .filter(r -> r.field().equals(field) && r.code().equals(code))
        .filter(r -> inForce(r.from(), r.to(), day))
        .map(RouteCode::route)
        .findFirst();
  }

  public boolean knowsSex(String code) {
    return sexes.contains(code);
  }

  /** The daily limits of {@code daily-limits.csv}: a code's own, else its group's. */
  public DailyLimits dailyLimits() {
    return (code, group) ->
        Optional.ofNullable(codeLimits.get(code))
            .or(() -> Optional.ofNullable(group == null ? null : groupLimits.get(group)));
  }

  private static boolean inForce(LocalDate from, @Nullable LocalDate to, LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  /**
   * How one field of a table is written.
   *
   * @param required whether every row must have it
   * @param anyOf a group name when one field of the group must be present, else null
   * @param maxLength the most characters, or null
   * @param personal whether its value identifies the patient, so that findings never repeat it
   */
  public record Field(
      String table,
      String name,
      boolean required,
      @Nullable String anyOf,
      FieldFormat format,
      @Nullable Integer maxLength,
      boolean personal) {}

  /**
   * A cost group ({@code MA_NHOM}).
   *
   * @param inList whether the item is in the fund's list (drugs and supplies outside it are not
   *     paid)
   * @param summaryTotal the summary field summing the group's lines ({@code T_THUOC}, {@code
   *     T_VTYT}), or null
   */
  public record Group(int code, String meaning, boolean inList, @Nullable String summaryTotal) {}

  /** A kind of visit ({@code MA_LOAI_KCB}) and the dates its code is in force. */
  public record VisitType(
      String code, String meaning, Stay stay, LocalDate from, @Nullable LocalDate to) {}

  /** A code of {@code MA_DOITUONG_KCB} or {@code MA_LYDO_VVIEN} and the route it stands for. */
  public record RouteCode(
      String field, String code, VisitRoute route, LocalDate from, @Nullable LocalDate to) {}
}
