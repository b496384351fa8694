package vn.bhyt.visits;

import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import vn.bhyt.auth.Principal;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.VisitKind;
import vn.bhyt.fhir.EligibilityService;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.problem.ProblemException;
import vn.bhyt.verifier.api.CheckAnswer;
import vn.bhyt.verifier.api.CheckRequests;
import vn.bhyt.verifier.check.CardCheckService;
import vn.bhyt.verifier.check.CheckRequest;
import vn.bhyt.verifier.rules.Evidence;

/**
 * The card check for FHIR clients. The request names the card by a contained (or identifier-only)
 * Coverage with the card number as {@code subscriberId}, the person by a contained Patient (name,
 * birth date), or carries the scanned QR text in the {@code card-qr} extension; the visit date is
 * {@code servicedDate} (default today).
 */
public final class CardEligibility implements EligibilityService {
  /** Extension on a CoverageEligibilityRequest: the scanned QR text of the card. */
  public static final String EXT_CARD_QR =
      "https://fhir.bhyt-gateway.vn/StructureDefinition/card-qr";

  private final CardCheckService checks;

  public CardEligibility(CardCheckService checks) {
    this.checks = checks;
  }

  @Override
  public CompletionStage<CoverageEligibilityResponse> check(
      CoverageEligibilityRequest request, Principal caller) {
    CheckRequest check = read(request);
    return checks
        .check(check, caller)
        .thenApply(
            result -> {
              CheckAnswer answer = CheckAnswer.of(result, Locale.forLanguageTag("vi"));
              List<String> why =
                  answer.coverage() == null ? List.of() : answer.coverage().explanation();
              var card = result.verdict().card();
              Reference patient =
                  new Reference()
                      .setType("Patient")
                      .setIdentifier(
                          new Identifier().setSystem(Identifiers.SSN).setValue(card.ssn()))
                      .setDisplay(card.name());
              Reference coverage =
                  new Reference()
                      .setType("Coverage")
                      .setIdentifier(
                          new Identifier()
                              .setSystem(Identifiers.CARD)
                              .setValue(card.number().value()));
              Reference fund =
                  new Reference()
                      .setType("Organization")
                      .setIdentifier(
                          new Identifier()
                              .setSystem(Identifiers.FACILITY)
                              .setValue(Organizations.FUND_CODE));
              return EligibilityMapper.from(result, answer.message(), why, patient, coverage, fund);
            });
  }

  static CheckRequest read(CoverageEligibilityRequest request) {
    java.time.LocalDate day = servicedDay(request);
    if (request.hasExtension(EXT_CARD_QR)) {
      String qr = ((StringType) request.getExtensionByUrl(EXT_CARD_QR).getValue()).getValue();
      try {
        return new CheckRequest(CheckRequests.evidenceOf(qr), day, VisitKind.OUTPATIENT, false);
      } catch (ProblemException e) {
        throw FhirProblem.badRequest("the card-qr extension is not a card payload: " + e.detail());
      }
    }
    String number = cardNumber(request);
    Patient person = contained(request, request.getPatient(), Patient.class);
    String name = person != null && person.hasName() ? nameOf(person) : null;
    PartialDate birth =
        person != null && person.hasBirthDate()
            ? birthDate(person.getBirthDateElement().getValueAsString())
            : null;
    return new CheckRequest(
        new Evidence.Typed(CardNumber.of(number), name, birth), day, VisitKind.OUTPATIENT, false);
  }

  /**
   * A FHIR birth date as the card check takes it: a full date, or the year of one known only to the
   * year or the month.
   *
   * @throws FhirProblem 400 when it is none of these or its year is before 1000
   */
  private static PartialDate birthDate(String value) {
    try {
      return value.length() == 7 && value.charAt(4) == '-'
          ? PartialDate.ofYear(Integer.parseInt(value.substring(0, 4)))
          : PartialDate.parse(value);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw FhirProblem.badRequest(
          "the contained Patient's birthDate is not a date from year 1000");
    }
  }

  /** The day of {@code servicedDate} as written (no time zone involved), or null when absent. */
  private static java.time.@Nullable LocalDate servicedDay(CoverageEligibilityRequest request) {
    if (!request.hasServicedDateType()) {
      return null;
    }
    if (request.getServicedDateType().getPrecision()
        != ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
      throw FhirProblem.badRequest("servicedDate must be a full date (yyyy-MM-dd)");
    }
    return java.time.LocalDate.parse(request.getServicedDateType().getValueAsString());
  }

  private static String cardNumber(CoverageEligibilityRequest request) {
    for (CoverageEligibilityRequest.InsuranceComponent ins : request.getInsurance()) {
      Coverage c = contained(request, ins.getCoverage(), Coverage.class);
      if (c != null && c.hasSubscriberId()) {
        return c.getSubscriberId();
      }
      Identifier id = ins.getCoverage().getIdentifier();
      if (id != null && id.hasValue()) {
        return id.getValue();
      }
    }
    throw FhirProblem.badRequest(
        "name the card: insurance.coverage as a contained Coverage with subscriberId,"
            + " a coverage identifier, or the card-qr extension");
  }

  private static String nameOf(Patient p) {
    var n = p.getNameFirstRep();
    if (n.hasText()) {
      return n.getText();
    }
    StringBuilder b = new StringBuilder(n.hasFamily() ? n.getFamily() : "");
    n.getGiven().forEach(g -> b.append(' ').append(g.getValue()));
    return b.toString().strip();
  }

  private static <T extends Resource> @Nullable T contained(
      CoverageEligibilityRequest request, Reference ref, Class<T> type) {
    if (ref == null || !ref.hasReference() || !ref.getReference().startsWith("#")) {
      return null;
    }
    String id = ref.getReference().substring(1);
    return request.getContained().stream()
        .filter(r -> type.isInstance(r) && id.equals(r.getIdElement().getIdPart().replace("#", "")))
        .map(type::cast)
        .findFirst()
        .orElse(null);
  }
}
