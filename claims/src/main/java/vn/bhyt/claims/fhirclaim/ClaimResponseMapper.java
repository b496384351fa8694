package vn.bhyt.claims.fhirclaim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.ClaimResponse.ClaimResponseStatus;
import org.hl7.fhir.r4.model.ClaimResponse.RemittanceOutcome;
import org.hl7.fhir.r4.model.ClaimResponse.Use;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.NoteType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.Assessment;
import vn.bhyt.claims.assessment.AssessmentStatus;
import vn.bhyt.claims.assessment.Finding;
import vn.bhyt.claims.assessment.Severity;
import vn.bhyt.claims.assessment.Totals;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.forwarding.FundClaims;
import vn.bhyt.fhir.Identifiers;

/**
 * The mapping of a claim's pre-assessment to a FHIR {@code ClaimResponse}: per item the amounts
 * {@code submitted} ({@code THANH_TIEN_BV}), {@code eligible} ({@code THANH_TIEN_BH}), {@code
 * benefit} (the fund's share, {@code T_BHTT}) and {@code copay} ({@code T_BNCCT}); the same sums as
 * totals; every finding as a process note and every critical one also as an error. Outcome {@code
 * error} when the claim is rejected, else {@code complete}.
 *
 * <p>Once the fund took the claim, the response also carries its transaction id, and once the fund
 * assessed it, the fund's adjudication beside the gateway's own ({@link
 * ClaimCodes#FUND_ADJUDICATION}): the fund share asked and accepted as totals, the amount refused
 * on each line the fund faulted, with the fund's error code as the reason, and every fund error as
 * a process note (those on no line of an item also as errors).
 */
public final class ClaimResponseMapper {
  private static final List<String[]> AMOUNTS =
      List.of(
          new String[] {"submitted", "THANH_TIEN_BV"},
          new String[] {"eligible", "THANH_TIEN_BH"},
          new String[] {"benefit", "T_BHTT"},
          new String[] {"copay", "T_BNCCT"});

  private final ClaimMapper claims;

  public ClaimResponseMapper(ClaimMapper claims) {
    this.claims = claims;
  }

  /**
   * The assessment of a dossier as a ClaimResponse.
   *
   * @param claimId the id of the Claim it answers, which the response takes too
   * @param created when the claim was made, for a dossier whose times do not read
   */
  public ClaimResponse toResponse(
      ClaimDossier dossier, Assessment assessment, String claimId, DateTimeType created) {
    return toResponse(dossier, assessment, claimId, created, null, null);
  }

  /**
   * The assessment of a dossier, and the fund's once in, as a ClaimResponse.
   *
   * @param transactionId the fund's {@code maGiaoDich} once it took the version, else null
   * @param fund the fund's assessment of the version once in, else null
   */
  public ClaimResponse toResponse(
      ClaimDossier dossier,
      Assessment assessment,
      String claimId,
      DateTimeType created,
      @Nullable String transactionId,
      FundClaims.@Nullable Assessed fund) {
    Objects.requireNonNull(claimId, "claimId");
    ClaimRow summary =
        dossier.summary().orElseThrow(() -> new IllegalArgumentException("dossier: no XML1"));
    ClaimResponse r = new ClaimResponse();
    r.setId(claimId);
    r.setStatus(ClaimResponseStatus.ACTIVE)
        .setType(claims.type(dossier))
        .setUse(Use.CLAIM)
        .setPatient(patient(dossier.facilityCode(), summary))
        .setCreatedElement(ClaimMapper.created(summary).orElse(created))
        .setInsurer(new Reference().setDisplay(ClaimParties.FUND))
        .setRequestor(ClaimMapper.provider(dossier.facilityCode()))
        .setRequest(new Reference("Claim/" + claimId))
        .setOutcome(
            assessment.status() == AssessmentStatus.REJECTED
                ? RemittanceOutcome.ERROR
                : RemittanceOutcome.COMPLETE)
        .setDisposition(
            "pre-assessment: "
                + assessment.status().code()
                + "; the fund: "
                + (fund != null
                    ? fund.result()
                    : transactionId != null ? "assessing" : "not sent"));
    if (transactionId != null) {
      r.addIdentifier().setSystem(ClaimCodes.FUND_TRANSACTION).setValue(transactionId);
    }
    List<ClaimItems.Numbered> lines = ClaimItems.numbered(dossier);
    for (ClaimItems.Numbered line : lines) {
      ClaimResponse.ItemComponent item = r.addItem().setItemSequence(line.sequence());
      for (String[] amount : AMOUNTS) {
        AdjudicationComponent a = item.addAdjudication().setCategory(category(amount[0]));
        FieldText.money(line.row().text(amount[1])).ifPresent(a::setAmount);
      }
    }
    totals(r, assessment.totals());
    findings(r, assessment.findings(), lines);
    if (fund != null) {
      fund(r, fund, lines);
    }
    return r;
  }

  /** The fund's adjudication: its totals, the amounts it refused per line, its errors. */
  private static void fund(
      ClaimResponse r, FundClaims.Assessed fund, List<ClaimItems.Numbered> lines) {
    if (fund.fundShareAsked() != null) {
      r.addTotal()
          .setCategory(fundCategory("asked"))
          .setAmount(FieldText.money(fund.fundShareAsked()));
    }
    if (fund.fundShareAccepted() != null) {
      r.addTotal()
          .setCategory(fundCategory("accepted"))
          .setAmount(FieldText.money(fund.fundShareAccepted()));
    }
    for (FundClaims.LineError e : fund.errors()) {
      Optional<ClaimItems.Numbered> line = faulted(e, lines);
      CodeableConcept reason =
          new CodeableConcept(
                  new Coding(ClaimCodes.FUND_ERROR, e.code() == null ? "unknown" : e.code(), null))
              .setText(e.message());
      line.ifPresent(
          l -> {
            AdjudicationComponent a =
                r.getItem()
                    .get(l.sequence() - 1)
                    .addAdjudication()
                    .setCategory(fundCategory("refused"))
                    .setReason(reason);
            if (e.amount() != null) {
              a.setAmount(FieldText.money(e.amount()));
            }
          });
      StringBuilder note =
          new StringBuilder("the fund ").append(reason.getCodingFirstRep().getCode());
      if (e.table() != null) {
        note.append(' ').append(e.table());
      }
      if (e.line() != null) {
        note.append(" STT ").append(e.line());
      }
      line.ifPresent(l -> note.append(" (item ").append(l.sequence()).append(')'));
      if (e.message() != null) {
        note.append(": ").append(e.message());
      }
      r.addProcessNote()
          .setNumber(r.getProcessNote().size() + 1)
          .setType(NoteType.DISPLAY)
          .setText(note.toString());
      if (line.isEmpty()) {
        r.addError().setCode(reason);
      }
    }
  }

  /** The item line a fund error names by table and {@code STT}. */
  private static Optional<ClaimItems.Numbered> faulted(
      FundClaims.LineError e, List<ClaimItems.Numbered> lines) {
    if (e.table() == null || e.line() == null) {
      return Optional.empty();
    }
    String stt = e.line().toString();
    return lines.stream()
        .filter(l -> l.table().equals(e.table()) && stt.equals(l.row().text("STT")))
        .findFirst();
  }

  private static CodeableConcept fundCategory(String code) {
    return new CodeableConcept(new Coding(ClaimCodes.FUND_ADJUDICATION, code, null));
  }

  private static Reference patient(String facility, ClaimRow summary) {
    Optional<String> maBn = summary.get("MA_BN");
    return maBn.isPresent()
        ? new Reference()
            .setIdentifier(
                new Identifier().setSystem(Identifiers.hisPatient(facility)).setValue(maBn.get()))
        : new Reference().setDisplay("the patient of the claim");
  }

  private static void totals(ClaimResponse r, Totals t) {
    List<BigDecimal> sums = List.of(t.hospital(), t.insured(), t.fundShare(), t.coPayment());
    for (int i = 0; i < AMOUNTS.size(); i++) {
      r.addTotal().setCategory(category(AMOUNTS.get(i)[0])).setAmount(FieldText.money(sums.get(i)));
    }
  }

  private static void findings(
      ClaimResponse r, List<Finding> findings, List<ClaimItems.Numbered> lines) {
    for (Finding f : findings) {
      Optional<Integer> sequence = sequence(f, lines);
      r.addProcessNote()
          .setNumber(r.getProcessNote().size() + 1)
          .setType(NoteType.DISPLAY)
          .setText(note(f, sequence));
      if (f.severity() == Severity.CRITICAL) {
        ClaimResponse.ErrorComponent e =
            r.addError()
                .setCode(
                    new CodeableConcept(new Coding(ClaimCodes.FINDING, f.code(), f.message())));
        sequence.ifPresent(e::setItemSequence);
      }
    }
  }

  /** The finding in one line: severity, code, place, message (which names no patient data). */
  private static String note(Finding f, Optional<Integer> sequence) {
    StringBuilder s = new StringBuilder(f.severity().code()).append(' ').append(f.code());
    s.append(' ').append(f.table());
    if (f.line() != null) {
      s.append(" line ").append(f.line());
    }
    sequence.ifPresent(n -> s.append(" (item ").append(n).append(')'));
    if (f.field() != null) {
      s.append(' ').append(f.field());
    }
    return s.append(": ").append(f.message()).toString();
  }

  private static Optional<Integer> sequence(Finding f, List<ClaimItems.Numbered> lines) {
    if (f.line() == null) {
      return Optional.empty();
    }
    return lines.stream()
        .filter(l -> l.table().equals(f.table()) && l.row().line() == f.line())
        .map(ClaimItems.Numbered::sequence)
        .findFirst();
  }

  private static CodeableConcept category(String code) {
    return new CodeableConcept(new Coding(ClaimCodes.ADJUDICATION, code, null));
  }
}
