package vn.bhyt.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class IndexEntriesTest {
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void aPatientIsIndexedByIdentifiersNamePartsAndBirthDate() {
    Patient p = new Patient();
    p.addIdentifier().setSystem("https://bhxh.gov.vn/the-bhyt").setValue("DN4010123456789");
    p.addIdentifier().setValue("079090001234");
    p.addName().setFamily("Nguyễn").addGiven("Văn").addGiven("An");
    p.setBirthDateElement(new DateType("1990"));
    List<IndexEntry> entries = IndexEntries.of(p, VN);
    assertThat(entries)
        .contains(
            new IndexEntry.Token("identifier", "https://bhxh.gov.vn/the-bhyt", "DN4010123456789"),
            new IndexEntry.Token("identifier", "", "079090001234"),
            new IndexEntry.Text("name", "nguyen", "Nguyễn"),
            new IndexEntry.Text("name", "van", "Văn"),
            new IndexEntry.Text("name", "an", "An"),
            new IndexEntry.Text("name", "nguyen van an", "Nguyễn Văn An"),
            new IndexEntry.Text("name", "van an nguyen", "Văn An Nguyễn"),
            new IndexEntry.Dates("birthdate", DateRange.parse("1990", VN)));
    assertThat(entries).hasSize(8);
  }

  @Test
  void everyWordOfANameIsIndexed() {
    Patient p = new Patient();
    p.addName().setFamily("Đặng").addGiven("Ngọc Ánh");
    assertThat(IndexEntries.of(p, VN))
        .contains(
            new IndexEntry.Text("name", "anh", "Ánh"),
            new IndexEntry.Text("name", "ngoc anh", "Ngọc Ánh"),
            new IndexEntry.Text("name", "dang ngoc anh", "Đặng Ngọc Ánh"));
  }

  @Test
  void aCoverageIsIndexedByBeneficiaryAndCardNumber() {
    Coverage c = new Coverage();
    c.setBeneficiary(new Reference("Patient/P1"));
    c.setSubscriberId("DN4010123456789");
    assertThat(IndexEntries.of(c, VN))
        .containsExactlyInAnyOrder(
            new IndexEntry.Ref("beneficiary", "Patient/P1"),
            new IndexEntry.Ref("patient", "Patient/P1"),
            new IndexEntry.Token("subscriber-id", "", "DN4010123456789"));
  }

  @Test
  void anEncounterIsIndexedByPatientPeriodAndStatus() {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.INPROGRESS);
    e.setSubject(new Reference(new Patient().setId("Patient/P2")));
    e.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-23T08:15:00+07:00")));
    assertThat(IndexEntries.of(e, VN))
        .containsExactlyInAnyOrder(
            new IndexEntry.Ref("patient", "Patient/P2"),
            new IndexEntry.Token("status", IndexEntries.ENCOUNTER_STATUS, "in-progress"),
            new IndexEntry.Dates(
                "date", DateRange.period(DateRange.parse("2026-11-23T08:15:00+07:00", VN), null)));
  }

  @Test
  void referencesToOtherTypesAndContainedResourcesAreNotPatients() {
    Encounter e = new Encounter();
    e.setSubject(new Reference("Group/G1"));
    assertThat(IndexEntries.of(e, VN)).isEmpty();
    e.setSubject(new Reference("#p1"));
    assertThat(IndexEntries.of(e, VN)).isEmpty();
  }

  @Test
  void organizationsAreIndexedByIdentifier() {
    Organization o = new Organization();
    o.addIdentifier().setSystem(Identifiers.FACILITY).setValue("79034");
    assertThat(IndexEntries.of(o, VN))
        .containsExactly(new IndexEntry.Token("identifier", Identifiers.FACILITY, "79034"));
  }

  @Test
  void everyCataloguedParameterOfEveryTypeIsIndexed() {
    Map<String, Resource> samples = new HashMap<>();
    Patient p = new Patient();
    p.addIdentifier().setValue("1");
    p.addName().setText("A");
    p.setBirthDateElement(new DateType("1990"));
    samples.put("Patient", p);
    Coverage c = new Coverage();
    c.addIdentifier().setValue("1");
    c.setBeneficiary(new Reference("Patient/P1")).setSubscriberId("DN4010123456789");
    samples.put("Coverage", c);
    Encounter e = new Encounter();
    e.addIdentifier().setValue("1");
    e.setStatus(Encounter.EncounterStatus.INPROGRESS).setSubject(new Reference("Patient/P1"));
    e.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-23T08:15:00+07:00")));
    samples.put("Encounter", e);
    CoverageEligibilityResponse r = new CoverageEligibilityResponse();
    r.addIdentifier().setValue("1");
    r.setPatient(new Reference("Patient/P1"));
    samples.put("CoverageEligibilityResponse", r);
    Organization o = new Organization();
    o.addIdentifier().setValue("1");
    samples.put("Organization", o);
    assertThat(samples.keySet()).isEqualTo(SearchCatalog.types());
    for (String type : SearchCatalog.types()) {
      Set<String> indexed =
          IndexEntries.of(samples.get(type), VN).stream()
              .map(IndexEntry::param)
              .collect(Collectors.toSet());
      assertThat(indexed)
          .as(type)
          .isEqualTo(
              SearchCatalog.of(type).stream().map(SearchParam::name).collect(Collectors.toSet()));
    }
  }

  @Test
  void everyIndexedParameterIsInTheCatalog() {
    Patient p = new Patient();
    p.addIdentifier().setValue("1");
    p.addName().setText("A");
    p.setBirthDateElement(new DateType("1990"));
    for (IndexEntry entry : IndexEntries.of(p, VN)) {
      assertThat(SearchCatalog.find("Patient", entry.param())).as(entry.param()).isPresent();
    }
  }
}
