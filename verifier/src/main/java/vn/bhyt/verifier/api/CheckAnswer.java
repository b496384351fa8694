package vn.bhyt.verifier.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.bhyt.verifier.check.CheckResult;
import vn.bhyt.verifier.rules.CardFacts;
import vn.bhyt.verifier.rules.Coverage;
import vn.bhyt.verifier.rules.Finding;
import vn.bhyt.verifier.rules.Outcome;
import vn.bhyt.verifier.rules.Verdict;

/**
 * The card-check answer document of {@code POST /api/v1/cards/verify}, written by {@link
 * CheckAnswerWriter} as its annotations describe.
 *
 * @param receipt the proof of the check ({@link vn.bhyt.verifier.audit.Receipts}), which {@code GET
 *     /api/v1/checks/{checkId}} confirms
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonSerialize(using = CheckAnswerWriter.class)
public record CheckAnswer(
    String result,
    String outcome,
    String message,
    List<Reason> reasons,
    Card card,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) CoverageBlock coverage,
    String source,
    String checkId,
    OffsetDateTime checkedAt,
    String receipt) {

  /** One finding: its stable code, the fund's result code (or null) and the text for reception. */
  public record Reason(String code, @Nullable String result, String severity, String message) {}

  /** The card as stated by the registry, else by the card itself. */
  public record Card(
      String number,
      @Nullable String ssn,
      @Nullable String model,
      @Nullable String group,
      @Nullable Integer benefitLevel,
      @Nullable String province,
      @Nullable String name,
      @Nullable String birthDate,
      @Nullable String sex,
      @Nullable String address,
      @Nullable String registeredFacility,
      @Nullable LocalDate validFrom,
      @Nullable LocalDate validTo,
      @Nullable LocalDate issuedOn,
      @Nullable String livingArea,
      @Nullable LocalDate fiveYearsFrom,
      @Nullable String replacedBy) {}

  /** The share the fund pays for this visit and why. */
  public record CoverageBlock(BigDecimal percent, String route, List<String> explanation) {}

  /** The answer for a check, in the language asked for. */
  public static CheckAnswer of(CheckResult check, Locale language) {
    Messages text = Messages.of(language);
    Verdict v = check.verdict();
    List<Finding> findings = v.findings();
    Reason[] reasons = new Reason[findings.size()];
    for (int i = 0; i < reasons.length; i++) {
      Finding f = findings.get(i);
      reasons[i] =
          new Reason(
              f.code(),
              f.result(),
              f.severity().code(),
              text.format(Messages.REASON, f.code(), f.args()));
    }
    return new CheckAnswer(
        v.result(),
        v.outcome().code(),
        message(v, text),
        List.of(reasons),
        card(v.card()),
        coverage(v.coverage(), text),
        v.source().code(),
        check.checkId(),
        check.checkedAt(),
        check.receipt());
  }

  private static String message(Verdict v, Messages text) {
    if (v.outcome() == Outcome.UNCONFIRMED && v.result().equals("000")) {
      return text.format(Messages.OUTCOME, "unconfirmed", List.of());
    }
    Finding top = null;
    for (Finding f : v.findings()) {
      if (v.result().equals(f.result())) {
        top = f;
        break;
      }
    }
    return top == null || (text.has(Messages.RESULT, v.result()) && top.args().isEmpty())
        ? text.format(Messages.RESULT, v.result(), List.of())
        : text.format(Messages.REASON, top.code(), top.args());
  }

  private static Card card(CardFacts c) {
    return new Card(
        c.number().value(),
        c.ssn(),
        c.number().model().code(),
        c.group(),
        c.benefitLevel(),
        c.province(),
        c.name(),
        c.birthDate() == null ? null : c.birthDate().toString(),
        c.sex() == null ? null : c.sex().code(),
        c.address(),
        c.registeredFacility() == null ? null : c.registeredFacility().value(),
        c.validFrom(),
        c.validTo(),
        c.issuedOn(),
        c.livingArea() == null ? null : c.livingArea().name(),
        c.fiveYearsFrom(),
        c.replacedBy());
  }

  private static @Nullable CoverageBlock coverage(@Nullable Coverage c, Messages text) {
    if (c == null) {
      return null;
    }
    List<Coverage.Explanation> explanation = c.explanation();
    String[] lines = new String[explanation.size()];
    for (int i = 0; i < lines.length; i++) {
      Coverage.Explanation e = explanation.get(i);
      lines[i] = text.format(Messages.COVERAGE, e.code(), e.args());
    }
    return new CoverageBlock(c.percent(), c.route().code(), List.of(lines));
  }
}
