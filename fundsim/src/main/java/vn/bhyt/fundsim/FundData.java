package vn.bhyt.fundsim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.FacilityCode;

/**
 * The simulated fund's built-in data set, as a registry file with the fund's extra columns: one
 * showcase card or more for every result code of the card check, then {@code count} random cards.
 * Card numbers use social-insurance numbers {@code 4899…}, which the gateway's demo registry does
 * not hold. Deterministic per seed and day.
 */
public final class FundData {
  /** The import columns, then the columns only the simulated fund reads. */
  public static final String HEADER =
      "card_number,ssn,citizen_id,name,birth_date,sex,address,registered_facility,valid_from,"
          + "valid_to,status,replaced_by,five_years_from,living_area,benefit_level,group_code,"
          + "fund_code,reduced_code,managed_by,office,history,clerk_at";

  /** A valid card with a treatment history: Nguyễn Thị Hoa, born 14/02/1988. */
  public static final String VALID = "DN4484899000001";

  /** A checking clerk registered by the facility: citizen ID and name. */
  public static final String CLERK_ID = "048090000123";

  public static final String CLERK_NAME = "Trần Văn Kiểm";

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đỗ"};
  private static final String[] GIVEN = {"An", "Bình", "Cúc", "Dung", "Hải", "Lan", "Minh", "Tú"};

  private final List<String> rows = new ArrayList<>();
  private final FacilityCode here;
  private final LocalDate today;

  private FundData(FacilityCode here, LocalDate today) {
    this.here = here;
    this.today = today;
  }

  /** The data set as CSV with its header. */
  public static String csv(long seed, int count, FacilityCode here, LocalDate today) {
    FundData d = new FundData(here, today);
    d.showcase();
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      d.random(random, i);
    }
    return HEADER + "\n" + String.join("\n", d.rows) + "\n";
  }

  private void showcase() {
    LocalDate jan1 = today.withDayOfYear(1);
    LocalDate dec31 = jan1.plusYears(1).minusDays(1);
    String h = here.value();
    String history =
        "HS0001|"
            + h
            + "|"
            + today.minusDays(40)
            + "|"
            + today.minusDays(38)
            + "|Viêm phế quản cấp|1|1;HS0002|79024|"
            + today
            + "|"
            + today
            + "|Tăng huyết áp|1|2";
    card(
        VALID,
        "Nguyễn Thị Hoa",
        "1988-02-14",
        "female",
        jan1,
        dec31,
        "active",
        null,
        "DN",
        "",
        history);
    card(
        "QN5484899000002",
        "Dương Văn Quân",
        "1992-05-01",
        "male",
        jan1,
        dec31,
        "active",
        null,
        "QN",
        "",
        "");
    card(
        "CA5484899000003",
        "Lý Thị Công",
        "1990-07-20",
        "female",
        jan1,
        dec31,
        "active",
        null,
        "CA",
        "",
        "");
    card(
        "GD4484899000004",
        "Võ Văn Đổi",
        "1970-03-03",
        "male",
        jan1.minusYears(1),
        jan1.minusDays(1),
        "active",
        "4899000004",
        "GD",
        "",
        "");
    card(
        "4899000004", "Võ Văn Đổi", "1970-03-03", "male", jan1, null, "active", null, "GD", "", "");
    card(
        "HC4484899000005",
        "Phạm Thị Mới",
        "1985-12-12",
        "female",
        jan1,
        dec31,
        "active",
        "4899000005",
        "HC",
        "",
        "");
    card(
        "4899000005",
        "Phạm Thị Mới",
        "1985-12-12",
        "female",
        jan1,
        null,
        "active",
        null,
        "HC",
        "",
        "");
    card(
        "DN4484899000006",
        "Lê Văn Hết",
        "1979-09-09",
        "male",
        jan1.minusYears(1),
        jan1.minusDays(1),
        "active",
        null,
        "DN",
        "",
        "");
    card(
        "DN4484899000010",
        "Đỗ Lỗi Đọc",
        "1980-01-01",
        "male",
        jan1,
        dec31,
        "active",
        null,
        "DN",
        "fund_code=100",
        "");
    card(
        "DN4484899000011",
        "Đỗ Lỗi Máy",
        "1980-01-01",
        "male",
        jan1,
        dec31,
        "active",
        null,
        "DN",
        "fund_code=101",
        "");
    card(
        "DN4484899000012",
        "Đỗ Lỗi Quỹ",
        "1980-01-01",
        "male",
        jan1,
        dec31,
        "active",
        null,
        "DN",
        "fund_code=500",
        "");
    card(
        "HS4484899000013",
        "Trần Thị Thu",
        "2009",
        "female",
        jan1,
        dec31,
        "revoked",
        null,
        "HS",
        "",
        "");
    for (int reason = 120; reason <= 124; reason++) {
      card(
          "HC44848990001" + (reason - 100),
          "Phạm Văn Giảm",
          "1975-04-0" + (reason - 119),
          "male",
          jan1,
          dec31,
          "reduced",
          null,
          "HC",
          "reduced_code=" + reason,
          "");
    }
    card(
        "TE1484899000030",
        "Hoàng Bé Na",
        today.minusYears(3).toString(),
        "female",
        null,
        null,
        "active",
        null,
        "TE",
        "",
        "");
    rows.add(
        String.join(
            ",",
            "DN4484899000040",
            "4899000040",
            CLERK_ID,
            CLERK_NAME,
            "1985-06-06",
            "male",
            "",
            h,
            jan1.toString(),
            dec31.toString(),
            "active",
            "",
            "",
            "",
            "4",
            "DN",
            "",
            "",
            "",
            "",
            "",
            h));
  }

  private void card(
      String number,
      String name,
      String birth,
      String sex,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      String status,
      @Nullable String replacedBy,
      String group,
      String extra,
      String history) {
    String fundCode = extra.startsWith("fund_code=") ? extra.substring(10) : "";
    String reduced = extra.startsWith("reduced_code=") ? extra.substring(13) : "";
    String ssn = number.length() == 10 ? number : number.substring(5);
    rows.add(
        String.join(
            ",",
            number,
            ssn,
            "",
            name,
            birth,
            sex,
            "Đà Nẵng",
            here.value(),
            from == null ? "" : from.toString(),
            to == null ? "" : to.toString(),
            status,
            replacedBy == null ? "" : replacedBy,
            "",
            "",
            number.length() == 15 ? number.substring(2, 3) : "4",
            group,
            fundCode,
            reduced,
            "",
            "4801",
            history,
            ""));
  }

  private void random(Random random, int i) {
    String ssn = "4898" + String.format("%06d", i);
    String[] groups = {"DN", "HT", "HS", "GD", "CB", "SV"};
    String group = groups[random.nextInt(groups.length)];
    int level = group.equals("CB") ? 2 : group.equals("HT") ? 3 : 4;
    LocalDate jan1 = today.withDayOfYear(1);
    boolean expired = random.nextInt(10) == 0;
    String name = FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    LocalDate born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
    card(
        group + level + "48" + ssn,
        name,
        born.toString(),
        random.nextBoolean() ? "male" : "female",
        jan1.minusYears(random.nextInt(3)),
        expired ? today.minusDays(1 + random.nextInt(200)) : jan1.plusYears(1).minusDays(1),
        "active",
        null,
        group,
        "",
        "");
  }
}
