package vn.bhyt.verifier.rules;

import java.time.LocalDate;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * Test-data builders for registry entries: {@code anEntry().withLevel(3).expiringOn(d).build()}.
 */
public final class Cards {
  private CardNumber number = CardNumber.of("DN4797912345678");
  private String ssn = "7912345678";
  private String citizenId;
  private String name = "Nguyễn Văn An";
  private PartialDate birth = PartialDate.parse("1990-01-31");
  private FacilityCode facility = new FacilityCode("79034");
  private LocalDate from = LocalDate.of(2026, 1, 1);
  private LocalDate to = LocalDate.of(2026, 12, 31);
  private CardStatus status = CardStatus.ACTIVE;
  private String replacedBy;
  private LocalDate fiveYears;
  private Integer level = 4;
  private String group = "DN";

  private Cards() {}

  public static Cards anEntry() {
    return new Cards();
  }

  public Cards withNumber(String n) {
    number = CardNumber.of(n);
    ssn = number.ssn();
    return this;
  }

  public Cards withCitizenId(String id) {
    citizenId = id;
    return this;
  }

  public Cards withName(String n) {
    name = n;
    return this;
  }

  public Cards bornOn(String d) {
    birth = PartialDate.parse(d);
    return this;
  }

  public Cards registeredAt(String code) {
    facility = new FacilityCode(code);
    return this;
  }

  public Cards validFrom(LocalDate d) {
    from = d;
    return this;
  }

  public Cards expiringOn(LocalDate d) {
    to = d;
    return this;
  }

  public Cards withStatus(CardStatus s) {
    status = s;
    return this;
  }

  public Cards replacedBy(String n) {
    replacedBy = n;
    return this;
  }

  public Cards fiveYearsFrom(LocalDate d) {
    fiveYears = d;
    return this;
  }

  public Cards withLevel(Integer l) {
    level = l;
    return this;
  }

  public Cards inGroup(String g) {
    group = g;
    return this;
  }

  public RegistryEntry build() {
    return new RegistryEntry(
        number,
        ssn,
        citizenId,
        name,
        birth,
        Sex.MALE,
        null,
        facility,
        from,
        to,
        null,
        status,
        replacedBy,
        fiveYears,
        null,
        level,
        group,
        null);
  }
}
