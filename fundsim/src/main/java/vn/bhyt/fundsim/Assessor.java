package vn.bhyt.fundsim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The simulated fund's own assessment rules, deterministic: a line whose insured unit price is over
 * the ceiling is refused ({@code GIA_VUOT_TRAN}); a line given on a day the card did not cover is
 * refused ({@code THE_HET_HAN}), the card's dates coming from the fund's registry when it knows the
 * card and from the summary otherwise; the rest is accepted. These rules are a model, not the
 * fund's.
 */
final class Assessor {
  /** One refused line. */
  record LineError(String table, int stt, String code, String message, BigDecimal refused) {}

  /** The result for one dossier. */
  record Result(
      String maLk, String outcome, BigDecimal asked, BigDecimal accepted, List<LineError> errors) {}

  private final FundRegistry registry;
  private final BigDecimal priceCeiling;

  Assessor(FundRegistry registry, BigDecimal priceCeiling) {
    this.registry = registry;
    this.priceCeiling = priceCeiling;
  }

  Result assess(Envelope.Dossier d) {
    Optional<FundCard> card = registry.card(d.card());
    List<LineError> errors = new ArrayList<>();
    BigDecimal refused = BigDecimal.ZERO;
    for (Envelope.Line line : d.lines()) {
      LineError e = check(line, d, card.orElse(null));
      if (e != null) {
        errors.add(e);
        refused = refused.add(e.refused());
      }
    }
    BigDecimal accepted = d.fundShare().subtract(refused).max(BigDecimal.ZERO);
    String outcome;
    if (errors.isEmpty()) {
      outcome = "CHAP_NHAN";
    } else if (accepted.signum() == 0) {
      outcome = "TU_CHOI";
    } else {
      outcome = "CHAP_NHAN_MOT_PHAN";
    }
    return new Result(d.maLk(), outcome, d.fundShare(), accepted, errors);
  }

  private @Nullable LineError check(
      Envelope.Line line, Envelope.Dossier d, @Nullable FundCard card) {
    if (line.insuredPrice().compareTo(priceCeiling) > 0) {
      return new LineError(
          line.table(),
          line.stt(),
          "GIA_VUOT_TRAN",
          "insured unit price above the fund's ceiling",
          line.fundShare());
    }
    LocalDate on = line.on();
    if (on != null && !covered(on, d, card)) {
      return new LineError(
          line.table(),
          line.stt(),
          "THE_HET_HAN",
          "the card was not valid on the day of the service",
          line.fundShare());
    }
    return null;
  }

  private static boolean covered(LocalDate on, Envelope.Dossier d, @Nullable FundCard card) {
    if (card != null) {
      return card.validOn(on);
    }
    return (d.cardFrom() == null || !on.isBefore(d.cardFrom()))
        && (d.cardTo() == null || !on.isAfter(d.cardTo()));
  }
}
