package vn.bhyt.visits;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import vn.bhyt.fhir.Identifiers;
import vn.bhyt.reference.ReferenceData;
import vn.bhyt.verifier.rules.CardFacts;
import vn.bhyt.verifier.rules.CardStatus;

/** The Coverage of a health insurance card: one per card number. */
public final class CoverageMapper {
  private static final String CLASS_SYSTEM = "http://terminology.hl7.org/CodeSystem/coverage-class";
  private static final String RELATIONSHIP =
      "http://terminology.hl7.org/CodeSystem/subscriber-relationship";

  private CoverageMapper() {}

  /** The card as a Coverage of a beneficiary, paid by the fund. */
  public static Coverage from(
      CardFacts card, String patient, String fund, ReferenceData reference) {
    Coverage c = new Coverage();
    c.addIdentifier(
        PatientMapper.identifier(
            Identifiers.CARD, card.number().value(), Identifier.IdentifierUse.OFFICIAL));
    boolean ended = card.status() == CardStatus.REVOKED || card.status() == CardStatus.REDUCED;
    c.setStatus(ended ? Coverage.CoverageStatus.CANCELLED : Coverage.CoverageStatus.ACTIVE);
    c.setSubscriberId(card.number().value());
    c.setBeneficiary(new Reference(patient));
    c.setSubscriber(new Reference(patient));
    c.setRelationship(new CodeableConcept(new Coding(RELATIONSHIP, "self", "Self")));
    c.addPayor(new Reference(fund));
    Period period = new Period();
    if (card.validFrom() != null) {
      period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(card.validFrom().toString()));
    }
    if (card.validTo() != null) {
      period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(card.validTo().toString()));
    }
    c.setPeriod(period);
    if (card.group() != null) {
      c.addClass_(
          classOf(
              "group",
              card.group(),
              reference.group(card.group()).map(g -> g.meaning()).orElse(card.group())));
    }
    if (card.benefitLevel() != null) {
      c.addClass_(
          classOf("plan", card.benefitLevel().toString(), "benefit level " + card.benefitLevel()));
    }
    extensions(c, card);
    return c;
  }

  /** The search criteria that find the card's one Coverage. */
  public static String criteria(CardFacts card) {
    return "identifier=" + Identifiers.CARD + "|" + card.number().value();
  }

  private static Coverage.ClassComponent classOf(String type, String value, String name) {
    return new Coverage.ClassComponent(
            new CodeableConcept(new Coding(CLASS_SYSTEM, type, null)),
            new org.hl7.fhir.r4.model.StringType(value))
        .setName(name);
  }

  private static void extensions(Coverage c, CardFacts card) {
    if (card.registeredFacility() != null) {
      c.addExtension(
          Identifiers.EXT_REGISTERED_FACILITY,
          new Identifier()
              .setSystem(Identifiers.FACILITY)
              .setValue(card.registeredFacility().value()));
    }
    if (card.livingArea() != null) {
      c.addExtension(Identifiers.EXT_LIVING_AREA, new CodeType(card.livingArea().name()));
    }
    if (card.fiveYearsFrom() != null) {
      c.addExtension(Identifiers.EXT_FIVE_YEARS, new DateType(card.fiveYearsFrom().toString()));
    }
  }
}
