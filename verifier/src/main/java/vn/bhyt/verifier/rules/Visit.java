package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import java.util.Objects;
import vn.bhyt.domain.VisitKind;

/** The visit a card is checked for. */
public record Visit(LocalDate date, VisitKind kind, boolean referral) {
  public Visit {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
  }
}
