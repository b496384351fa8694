package vn.bhyt.verifier.card;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Health-insurance card QR payloads: two real ones and seeded random variants of both layouts. */
public final class CardPayloads {

  /** A payload of the layout used since 2021 (10-digit card number). */
  public static final String REAL_2021 =
      "0204287018|486fc3a06e67205875c3a26e2048e1baa56e|30/07/1981|1|"
          + "43747920435020434e5454205669e1bb8774204261|79 - 034|01/02/2021|-|20/02/2021|"
          + "79020204287018|-|4| 01/01/2015|15e89ac07ee8517f-7102|4|"
          + "5175e1baad6e2031322c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$";

  /** A payload of the older layout (15-character card number). */
  public static final String REAL_2017 =
      "DN401AA31900313|4cc3aa205669e1bb87742048c6b06e67|04/09/1985|1|"
          + "437479207068e1baa76e206de1bb816d20564e50542d20434e2074e1bb956e6720437479204456205654|"
          + "01 - 043|01/07/2017|31/12/2017|21/07/2017|01059710639215|-|4|01/07/2022|"
          + "1f2fa22c47f0bd18-7102|$";

  private static final List<String> SURNAMES =
      List.of(
          "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý");
  private static final List<String> MIDDLE_NAMES =
      List.of(
          "Văn",
          "Thị",
          "Hữu",
          "Đức",
          "Minh",
          "Ngọc",
          "Thanh",
          "Quốc",
          "Xuân",
          "Thị Thu",
          "Văn Hoàng",
          "Thị Mỹ");
  private static final List<String> GIVEN_NAMES =
      List.of(
          "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh",
          "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Thảo", "Trang", "Tuấn",
          "Việt", "Yến", "Hưng", "Đạt");
  private static final List<String> EMPLOYERS =
      List.of(
          "Cty CP CNTT Việt Ba",
          "Cty phần mềm VNPT- CN tổng Cty DV VT",
          "Trường THPT Lê Quý Đôn",
          "Cty TNHH May mặc Hòa Bình",
          "UBND Phường Bến Nghé",
          "Bệnh viện Đa khoa tỉnh Quảng Nam",
          "Hộ gia đình");
  private static final List<String> DISTRICTS =
      List.of(
          "Quận 12, Thành phố Hồ Chí Minh",
          "Quận Hoàn Kiếm, Thành phố Hà Nội",
          "Huyện Hòa Vang, Thành phố Đà Nẵng",
          "Thành phố Huế, Tỉnh Thừa Thiên Huế",
          "Huyện Củ Chi, Thành phố Hồ Chí Minh",
          "Thị xã Sơn Tây, Thành phố Hà Nội");
  private static final List<String> OBJECT_CODES = List.of("DN", "HC", "GD", "HS", "SV", "HN");

  private CardPayloads() {}

  /** Returns a random payload in one of the two layouts, 200 to 330 characters long. */
  public static String random(Random random) {
    return random.nextBoolean() ? random2021(random) : random2017(random);
  }

  private static String random2021(Random random) {
    String number = digits(random, 10);
    String province = digits(random, 2);
    return String.join(
        "|",
        number,
        hex(name(random)),
        date(random, 1950, 2020),
        String.valueOf(1 + random.nextInt(2)),
        hex(pick(random, EMPLOYERS)),
        province + " - " + digits(random, 3),
        date(random, 2021, 2025),
        "-",
        date(random, 2021, 2025),
        province + digits(random, 2) + number,
        "-",
        "4",
        " " + date(random, 2010, 2020),
        checksum(random),
        "4",
        hex(pick(random, DISTRICTS)),
        "$");
  }

  private static String random2017(Random random) {
    String province = digits(random, 2);
    String number =
        pick(random, OBJECT_CODES) + (1 + random.nextInt(5)) + province + digits(random, 10);
    return String.join(
        "|",
        number,
        hex(name(random)),
        date(random, 1950, 2015),
        String.valueOf(1 + random.nextInt(2)),
        hex(pick(random, EMPLOYERS)),
        province + " - " + digits(random, 3),
        date(random, 2017, 2019),
        date(random, 2019, 2020),
        date(random, 2017, 2019),
        digits(random, 14),
        "-",
        "4",
        date(random, 2020, 2024),
        checksum(random),
        "$");
  }

  private static String name(Random random) {
    return pick(random, SURNAMES)
        + " "
        + pick(random, MIDDLE_NAMES)
        + " "
        + pick(random, GIVEN_NAMES);
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String date(Random random, int fromYear, int toYear) {
    return String.format(
        "%02d/%02d/%04d",
        1 + random.nextInt(28),
        1 + random.nextInt(12),
        fromYear + random.nextInt(toYear - fromYear + 1));
  }

  private static String checksum(Random random) {
    return String.format("%016x-%04d", random.nextLong(), 7100 + random.nextInt(10));
  }

  private static String digits(Random random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
