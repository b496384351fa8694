package vn.bhyt.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The SQL of date conditions on index ranges and on the resource's last-updated instant. */
final class DateConditions {
  private DateConditions() {}

  /**
   * A condition on an indexed range [low, high) against a searched range; eq means overlap. With a
   * bounded width, conditions on the high end also bound the low end, so that the index on low
   * serves them.
   */
  static String onRange(String op, DateRange r, @Nullable Duration maxWidth, List<Object> binds) {
    String c =
        switch (op) {
          case "eq" -> "({a}.low < ? AND {a}.high > ?)";
          case "ne" -> "NOT ({a}.low < ? AND {a}.high > ?)";
          case "gt" -> "{a}.high > ?";
          case "lt" -> "{a}.low < ?";
          case "ge" -> "{a}.high > ?";
          case "le" -> "{a}.low < ?";
          case "sa" -> "{a}.low >= ?";
          default -> "{a}.high <= ?";
        };
    switch (op) {
      case "eq", "ne" -> binds.addAll(List.of(r.highUtc(), r.lowUtc()));
      case "gt", "le", "sa" -> binds.add(r.highUtc());
      default -> binds.add(r.lowUtc());
    }
    if (maxWidth == null || !List.of("eq", "gt", "ge", "eb").contains(op)) {
      return c;
    }
    Instant bound = op.equals("gt") ? r.high() : r.low();
    binds.add(op.equals("eb") ? utc(bound) : utc(bound.minus(maxWidth)));
    return "(" + c + (op.equals("eb") ? " AND {a}.low < ?)" : " AND {a}.low > ?)");
  }

  /** A condition on {@code r.last_updated}, an instant. */
  static String onInstant(String op, DateRange r, List<Object> binds) {
    String c =
        switch (op) {
          case "eq" -> "({a}.last_updated >= ? AND {a}.last_updated < ?)";
          case "ne" -> "NOT ({a}.last_updated >= ? AND {a}.last_updated < ?)";
          case "gt", "sa", "le" ->
              op.equals("le") ? "{a}.last_updated < ?" : "{a}.last_updated >= ?";
          default -> op.equals("ge") ? "{a}.last_updated >= ?" : "{a}.last_updated < ?";
        };
    switch (op) {
      case "eq", "ne" -> binds.addAll(List.of(r.lowUtc(), r.highUtc()));
      case "gt", "sa", "le" -> binds.add(r.highUtc());
      default -> binds.add(r.lowUtc());
    }
    return c;
  }

  private static LocalDateTime utc(Instant t) {
    Instant clamped = t.isBefore(DateRange.MIN) ? DateRange.MIN : t;
    return LocalDateTime.ofInstant(clamped, ZoneOffset.UTC);
  }
}
