package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * A claim as the rules read it: the dossier, its summary row's values as numbers and dates, its
 * cost lines ({@code XML2} then {@code XML3}) and the visit date that decides which rules apply.
 */
public final class ClaimFacts {
  private final ClaimDossier dossier;
  private final @Nullable ClaimRow summary;
  private final List<Line> lines;
  private final LocalDate visitDay;

  private ClaimFacts(ClaimDossier dossier, LocalDate fallbackDay) {
    this.dossier = dossier;
    this.summary = dossier.summary().orElse(null);
    List<Line> all = new ArrayList<>();
    for (String table : List.of(ClaimDossier.DRUGS, ClaimDossier.SERVICES)) {
      dossier.rows(table).forEach(row -> all.add(new Line(table, row)));
    }
    this.lines = List.copyOf(all);
    LocalDateTime admitted = dateTime("NGAY_VAO");
    this.visitDay = admitted != null ? admitted.toLocalDate() : fallbackDay;
  }

  /**
   * Reads a dossier.
   *
   * @param fallbackDay the visit date to use when {@code NGAY_VAO} is absent or malformed, such as
   *     the day the claim was received
   */
  public static ClaimFacts of(ClaimDossier dossier, LocalDate fallbackDay) {
    return new ClaimFacts(
        Objects.requireNonNull(dossier, "dossier"),
        Objects.requireNonNull(fallbackDay, "fallbackDay"));
  }

  public ClaimDossier dossier() {
    return dossier;
  }

  /** The {@code XML1} summary row, when the dossier has one. */
  public Optional<ClaimRow> summary() {
    return Optional.ofNullable(summary);
  }

  /** The drug and service lines, {@code XML2} first. */
  public List<Line> lines() {
    return lines;
  }

  /** The day the visit started ({@code NGAY_VAO}), or the fallback day. */
  public LocalDate visitDay() {
    return visitDay;
  }

  /** Where a summary field is. */
  public Place at(String field) {
    return new Place(ClaimDossier.SUMMARY, summary == null ? null : summary.line(), field);
  }

  /** A summary field's text, or null. */
  public @Nullable String text(String field) {
    return summary == null ? null : summary.text(field);
  }

  public @Nullable BigDecimal decimal(String field) {
    return Values.decimal(text(field));
  }

  public @Nullable LocalDateTime dateTime(String field) {
    return Values.dateTime(text(field));
  }

  public @Nullable LocalDate date(String field) {
    return Values.date(text(field));
  }

  /** {@code NGAY_VAO}, or null. */
  public @Nullable LocalDateTime admitted() {
    return dateTime("NGAY_VAO");
  }

  /** {@code NGAY_RA}, or null. */
  public @Nullable LocalDateTime discharged() {
    return dateTime("NGAY_RA");
  }

  /** The card numbers of {@code MA_THE_BHYT}: one, or several {@code ;}-joined. */
  public List<String> cards() {
    return Values.list(text("MA_THE_BHYT")).stream().filter(c -> !c.isEmpty()).toList();
  }

  /** The sum of one amount over the lines that have it readable. */
  public BigDecimal sum(Function<Line, @Nullable BigDecimal> amount) {
    return lines.stream()
        .map(amount)
        .filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
