package vn.bhyt.claims.fhirclaim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Claim.ClaimStatus;
import org.hl7.fhir.r4.model.Claim.DiagnosisComponent;
import org.hl7.fhir.r4.model.Claim.Use;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.ClaimReference;
import vn.bhyt.claims.assessment.Stay;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.fhir.Identifiers;

/**
 * The mapping between a claim dossier and a FHIR {@code Claim}: the visit key as its identifier,
 * the patient and the card as contained Patient and Coverage, the facility as provider, the stay as
 * billable period, the diagnoses as ICD-10, the lines ({@code XML2}, {@code XML3}) as items and the
 * hospital total as total. XML 130 fields without a FHIR element travel as {@link
 * ClaimCodes#FIELD_PREFIX} extensions, so that dossier → Claim → dossier gives back every field of
 * {@code XML1} … {@code XML3}; {@code XML4} and later tables are not part of the Claim.
 */
public final class ClaimMapper {
  static final String PATIENT = "patient";
  static final String COVERAGE = "coverage";
  private static final String PRINCIPAL = "principal";

  private final ClaimReference reference;

  /** A mapper that tells stays from visits by the reference's visit types ({@code MA_LOAI_KCB}). */
  public ClaimMapper(ClaimReference reference) {
    this.reference = reference;
  }

  /**
   * The dossier as a Claim.
   *
   * @param id the Claim's id, or null for none
   * @param created when the claim was made, for a dossier whose discharge and admission times do
   *     not read
   * @throws IllegalArgumentException for a dossier without a summary
   */
  public Claim toClaim(ClaimDossier dossier, @Nullable String id, DateTimeType created) {
    ClaimRow summary =
        dossier.summary().orElseThrow(() -> new IllegalArgumentException("dossier: no XML1"));
    FieldExtensions f = new FieldExtensions(summary);
    String maLk = f.take("MA_LK").orElse("");
    Claim claim = new Claim();
    claim.setId(id);
    claim.addIdentifier().setSystem(Identifiers.hisVisit(dossier.facilityCode())).setValue(maLk);
    claim
        .setStatus(ClaimStatus.ACTIVE)
        .setUse(Use.CLAIM)
        .setType(type(dossier))
        .setPriority(new CodeableConcept(new Coding(ClaimCodes.PRIORITY, "normal", null)))
        .setCreatedElement(created(summary).orElse(created));
    claim.setProvider(provider(dossier.facilityCode()));
    if (dossier.facilityCode().equals(summary.text("MA_CSKCB"))) {
      f.taken("MA_CSKCB");
    }
    ClaimParties.addPatientAndCoverage(claim, dossier.facilityCode(), f);
    period(claim, f);
    diagnoses(claim, f);
    for (ClaimItems.Numbered line : ClaimItems.numbered(dossier)) {
      claim.addItem(ClaimItems.item(line, maLk));
    }
    f.take("T_TONGCHI_BV", FieldText::money, m -> FieldText.text(m.getValue()))
        .ifPresent(claim::setTotal);
    f.extendRest(claim);
    return claim;
  }

  /**
   * The Claim as a dossier of format QD130 without tables as received.
   *
   * @throws ClaimMappingException when it lacks the visit key, the facility or items, or an item or
   *     an amount cannot be read
   */
  public ClaimDossier toDossier(Claim claim) throws ClaimMappingException {
    List<String> problems = new ArrayList<>();
    String maLk = maLk(claim, problems);
    String facility = facility(claim, problems);
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("MA_LK", maLk);
    summary.put("MA_CSKCB", facility);
    ClaimParties.readPatientAndCoverage(claim, summary);
    readPeriodAndDiagnoses(claim, summary);
    ClaimItems.money(claim.getTotal(), "Claim.total", problems)
        .ifPresent(t -> summary.put("T_TONGCHI_BV", t));
    summary.putAll(FieldExtensions.read(claim.getExtension()));
    Map<String, List<ClaimRow>> lines = new LinkedHashMap<>();
    lines.put(ClaimDossier.DRUGS, new ArrayList<>());
    lines.put(ClaimDossier.SERVICES, new ArrayList<>());
    if (!claim.hasItem()) {
      problems.add("Claim.item: a claim needs at least one item");
    }
    for (int i = 0; i < claim.getItem().size(); i++) {
      ClaimItems.line(claim.getItem().get(i), maLk, "Claim.item[" + i + "]", problems)
          .ifPresent(
              l -> {
                List<ClaimRow> rows = lines.computeIfAbsent(l.getKey(), t -> new ArrayList<>());
                rows.add(new ClaimRow(rows.size() + 1, l.getValue()));
              });
    }
    if (!problems.isEmpty()) {
      throw new ClaimMappingException(problems);
    }
    List<ClaimTable> tables = new ArrayList<>();
    tables.add(new ClaimTable(ClaimDossier.SUMMARY, List.of(new ClaimRow(1, summary))));
    lines.forEach(
        (table, rows) -> {
          if (!rows.isEmpty()) {
            tables.add(new ClaimTable(table, rows));
          }
        });
    return new ClaimDossier(ClaimFormat.QD130, facility, 1, tables, List.of());
  }

  /** Institutional for a stay ({@code MA_LOAI_KCB} of an inpatient kind), else professional. */
  CodeableConcept type(ClaimDossier dossier) {
    Optional<ClaimRow> summary = dossier.summary();
    String kind = summary.map(s -> s.text("MA_LOAI_KCB")).orElse(null);
    boolean stay =
        kind != null
            && summary
                .flatMap(s -> FieldText.day(s.text("NGAY_VAO")))
                .flatMap(day -> reference.visitType(kind, day))
                .map(t -> t.stay() == Stay.INPATIENT)
                .orElse(false);
    String code = stay ? "institutional" : "professional";
    return new CodeableConcept(new Coding(ClaimCodes.CLAIM_TYPE, code, null));
  }

  /** When the claim was made: at discharge, else at admission. */
  static Optional<DateTimeType> created(ClaimRow summary) {
    return FieldText.dateTime(summary.text("NGAY_RA"))
        .or(() -> FieldText.dateTime(summary.text("NGAY_VAO")));
  }

  static Reference provider(String facility) {
    return new Reference()
        .setIdentifier(new Identifier().setSystem(Identifiers.FACILITY).setValue(facility));
  }

  private static void period(Claim claim, FieldExtensions f) {
    Period period = new Period();
    f.take("NGAY_VAO", FieldText::dateTime, FieldText::text).ifPresent(period::setStartElement);
    f.take("NGAY_RA", FieldText::dateTime, FieldText::text).ifPresent(period::setEndElement);
    if (!period.isEmpty()) {
      claim.setBillablePeriod(period);
    }
  }

  private static void diagnoses(Claim claim, FieldExtensions f) {
    f.take("MA_BENH_CHINH").ifPresent(code -> diagnosis(claim, code, PRINCIPAL));
    Optional<String> others = f.get("MA_BENH_KT");
    if (others.isPresent()) {
      List<String> codes = List.of(others.get().split(";", -1));
      if (codes.stream().noneMatch(c -> c.isBlank() || !c.equals(c.strip()))) {
        codes.forEach(code -> diagnosis(claim, code, null));
        f.taken("MA_BENH_KT");
      }
    }
  }

  /** A diagnosis; the principal one ({@code MA_BENH_CHINH}) typed so, the others untyped. */
  private static void diagnosis(Claim claim, String code, @Nullable String type) {
    DiagnosisComponent d = claim.addDiagnosis().setSequence(claim.getDiagnosis().size());
    d.setDiagnosis(new CodeableConcept(new Coding(ClaimCodes.ICD10, code, null)));
    if (type != null) {
      d.addType(new CodeableConcept(new Coding(ClaimCodes.DIAGNOSIS_TYPE, type, null)));
    }
  }

  private static void readPeriodAndDiagnoses(Claim claim, Map<String, String> summary) {
    if (claim.getBillablePeriod().hasStart()) {
      summary.put("NGAY_VAO", FieldText.text(claim.getBillablePeriod().getStartElement()));
    }
    if (claim.getBillablePeriod().hasEnd()) {
      summary.put("NGAY_RA", FieldText.text(claim.getBillablePeriod().getEndElement()));
    }
    List<String> others = new ArrayList<>();
    for (DiagnosisComponent d : claim.getDiagnosis()) {
      Optional<String> code =
          d.getDiagnosisCodeableConcept().getCoding().stream()
              .filter(c -> ClaimCodes.ICD10.equals(c.getSystem()) && c.hasCode())
              .map(Coding::getCode)
              .findFirst();
      boolean principal =
          d.getType().stream().anyMatch(t -> t.hasCoding(ClaimCodes.DIAGNOSIS_TYPE, PRINCIPAL));
      if (code.isPresent() && principal && !summary.containsKey("MA_BENH_CHINH")) {
        summary.put("MA_BENH_CHINH", code.get());
      } else {
        code.ifPresent(others::add);
      }
    }
    if (!others.isEmpty()) {
      summary.put("MA_BENH_KT", String.join(";", others));
    }
  }

  private static String maLk(Claim claim, List<String> problems) {
    Optional<String> key =
        claim.getIdentifier().stream()
            .filter(i -> i.hasValue() && !i.getValue().isBlank())
            .sorted((a, b) -> Boolean.compare(!isVisitKey(a), !isVisitKey(b)))
            .map(Identifier::getValue)
            .findFirst();
    if (key.isEmpty()) {
      problems.add("Claim.identifier: the visit key (MA_LK) is missing");
    }
    return key.orElse("");
  }

  private static boolean isVisitKey(Identifier i) {
    return i.hasSystem() && i.getSystem().endsWith("/ma-lk");
  }

  private static String facility(Claim claim, List<String> problems) {
    Identifier id = claim.getProvider().getIdentifier();
    if (!id.hasValue() || id.getValue().isBlank()) {
      problems.add("Claim.provider.identifier: the facility code (MA_CSKCB) is missing");
      return "";
    }
    return id.getValue();
  }
}
