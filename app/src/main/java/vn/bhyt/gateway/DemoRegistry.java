package vn.bhyt.gateway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.reference.BeneficiaryGroup;
import vn.bhyt.reference.ReferenceData;

/**
 * A made-up but realistic card registry for the demo, as an import file: every group and level, old
 * and new card models, expired, revoked, reduced and replaced cards. Deterministic per seed.
 */
final class DemoRegistry {
  static final String HEADER =
      "card_number,ssn,citizen_id,name,birth_date,sex,registered_facility,"
          + "valid_from,valid_to,status,replaced_by,five_years_from,living_area,benefit_level,group_code";
  private static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý"
  };
  private static final String[] MIDDLE = {
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Xuân", "Quốc", "Gia", "Bảo", "Kim"
  };
  private static final String[] GIVEN = {
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quang", "Tâm", "Thảo",
    "Trang", "Tuấn", "Vy", "Yến"
  };
  private static final String[] PROVINCES = {
    "01", "79", "48", "31", "92", "75", "74", "56", "40", "38"
  };
  private static final String[] FACILITIES = {
    "79001", "79024", "01043", "01001", "48002", "31010", "92005"
  };

  private final Random random;
  private final ReferenceData reference;
  private final FacilityCode here;
  private final LocalDate today;
  private final List<String> rows = new ArrayList<>();

  private DemoRegistry(long seed, ReferenceData reference, FacilityCode here, LocalDate today) {
    this.random = new Random(seed);
    this.reference = reference;
    this.here = here;
    this.today = today;
  }

  /** The showcase cards followed by {@code count} random ones, as CSV with a header. */
  static String csv(
      long seed, int count, ReferenceData reference, FacilityCode here, LocalDate today) {
    DemoRegistry r = new DemoRegistry(seed, reference, here, today);
    r.showcase();
    for (int i = 0; i < count; i++) {
      r.randomCard(i);
    }
    return HEADER + "\n" + String.join("\n", r.rows) + "\n";
  }

  private void showcase() {
    LocalDate jan1 = today.withDayOfYear(1);
    LocalDate dec31 = jan1.plusYears(1).minusDays(1);
    for (DemoCards.Card c : DemoCards.all(here, today)) {
      row(
          c.number(),
          null,
          c.citizenId(),
          c.name(),
          c.birthDate(),
          c.sex(),
          c.facility(),
          c.validFrom() == null ? jan1 : c.validFrom(),
          c.validTo() == null ? dec31 : c.validTo(),
          c.status(),
          c.replacedBy(),
          c.fiveYearsFrom(),
          null,
          c.level(),
          c.group());
    }
  }

  private void randomCard(int i) {
    List<BeneficiaryGroup> groups = new ArrayList<>(reference.groups());
    groups.sort(Comparator.comparing(BeneficiaryGroup::code));
    BeneficiaryGroup group = groups.get(i % groups.size());
    int level = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : group.usualLevel();
    String province = PROVINCES[random.nextInt(PROVINCES.length)];
    String ssn = province + String.format("%08d", random.nextInt(100_000_000));
    boolean oldModel = random.nextInt(10) < 6;
    String number = oldModel ? group.code() + level + province + ssn : ssn;
    LocalDate from = today.withDayOfYear(1).minusYears(random.nextInt(3));
    LocalDate to = today.withDayOfYear(1).plusYears(1).minusDays(1);
    String status = "active";
    String replacedBy = null;
    int fate = random.nextInt(100);
    if (fate < 5) {
      to = today.minusDays(1 + random.nextInt(300));
      status = random.nextBoolean() ? "expired" : "active";
    } else if (fate < 8) {
      status = "revoked";
    } else if (fate < 11) {
      status = "reduced";
    } else if (fate < 15 && oldModel) {
      replacedBy = ssn;
      to = today.minusDays(1 + random.nextInt(60));
      row(
          ssn,
          ssn,
          null,
          name(),
          birth(),
          sex(),
          facility(),
          to.plusDays(1),
          today.withDayOfYear(1).plusYears(1).minusDays(1),
          "active",
          null,
          null,
          null,
          level,
          group.code());
    }
    row(
        number,
        ssn,
        random.nextBoolean()
            ? "0" + province + String.format("%09d", random.nextInt(1_000_000_000))
            : null,
        name(),
        birth(),
        sex(),
        facility(),
        from,
        to,
        status,
        replacedBy,
        random.nextInt(10) < 4 ? today.minusDays(random.nextInt(2000)) : null,
        random.nextInt(20) == 0 ? "K" + (1 + random.nextInt(3)) : null,
        level,
        group.code());
  }

  private String name() {
    return FAMILY[random.nextInt(FAMILY.length)]
        + " "
        + MIDDLE[random.nextInt(MIDDLE.length)]
        + " "
        + GIVEN[random.nextInt(GIVEN.length)];
  }

  private String birth() {
    LocalDate d = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(31_000));
    return random.nextInt(20) == 0 ? String.valueOf(d.getYear()) : d.toString();
  }

  private String sex() {
    return random.nextBoolean() ? "male" : "female";
  }

  private String facility() {
    return random.nextBoolean() ? here.value() : FACILITIES[random.nextInt(FACILITIES.length)];
  }

  private void row(
      String number,
      @Nullable String ssn,
      @Nullable String citizenId,
      @Nullable String name,
      String birth,
      String sex,
      String facility,
      LocalDate from,
      LocalDate to,
      @Nullable String status,
      @Nullable String replacedBy,
      @Nullable LocalDate fiveYears,
      @Nullable String area,
      @Nullable Integer level,
      String group) {
    rows.add(
        String.join(
            ",",
            number,
            v(ssn),
            v(citizenId),
            v(name),
            v(birth),
            v(sex),
            v(facility),
            v(from),
            v(to),
            v(status),
            v(replacedBy),
            v(fiveYears),
            v(area),
            v(level),
            v(group)));
  }

  private static String v(@Nullable Object o) {
    return o == null ? "" : o.toString();
  }
}
