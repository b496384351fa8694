package vn.bhyt.visits;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.fhir.Identifiers;

/** The two organisations every visit refers to: the fund and this facility. */
final class Organizations {
  static final String FUND_CODE = "VSS";
  private static final String ORG_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

  private Organizations() {}

  static Organization fund() {
    Organization o = new Organization();
    o.addIdentifier().setSystem(Identifiers.FACILITY).setValue(FUND_CODE);
    o.addType(new CodeableConcept(new Coding(ORG_TYPE, "ins", "Insurance Company")));
    o.setName("Bảo hiểm xã hội Việt Nam");
    o.addAlias("Vietnam Social Security");
    return o;
  }

  static String fundCriteria() {
    return "identifier=" + Identifiers.FACILITY + "|" + FUND_CODE;
  }

  static Organization facility(FacilityCode code) {
    Organization o = new Organization();
    o.addIdentifier().setSystem(Identifiers.FACILITY).setValue(code.value());
    o.addType(new CodeableConcept(new Coding(ORG_TYPE, "prov", "Healthcare Provider")));
    o.setName("Cơ sở KCB " + code.value());
    return o;
  }

  static String facilityCriteria(FacilityCode code) {
    return "identifier=" + Identifiers.FACILITY + "|" + code.value();
  }
}
