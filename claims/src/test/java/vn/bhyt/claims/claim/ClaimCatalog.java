package vn.bhyt.claims.claim;

import java.util.List;
import java.util.Random;

/** Realistic codes, names and prices for generated claims. */
final class ClaimCatalog {

  /** A drug of the insured list: code, name, unit, strength, route, price range in VND. */
  record Drug(
      String code, String name, String unit, String strength, String route, int low, int high) {}

  /**
   * A service or supply: code, name, {@code MA_NHOM}, unit, price in VND; supplies carry {@code
   * MA_VAT_TU} rather than {@code MA_DICH_VU}.
   */
  record Service(String code, String name, int group, String unit, int price) {
    boolean supply() {
      return group == 10 || group == 11;
    }
  }

  /** An ICD-10 diagnosis and its Vietnamese name. */
  record Diagnosis(String icd, String name) {}

  /** A lab measure reported in XML4. */
  record Measure(String code, String name, String unit, double low, double high) {}

  static final List<Drug> DRUGS =
      List.of(
          new Drug("40.152", "Paracetamol", "Viên", "500mg", "1.01", 200, 1_500),
          new Drug("40.17", "Amoxicilin", "Viên", "500mg", "1.01", 600, 2_400),
          new Drug("40.676", "Omeprazol", "Viên", "20mg", "1.01", 300, 3_200),
          new Drug("40.531", "Metformin", "Viên", "850mg", "1.01", 250, 1_800),
          new Drug("40.422", "Amlodipin", "Viên", "5mg", "1.01", 150, 2_000),
          new Drug("40.87", "Cefuroxim", "Viên", "500mg", "1.01", 2_500, 14_000),
          new Drug("40.50", "Ceftriaxon", "Lọ", "1g", "2.10", 9_000, 45_000),
          new Drug("40.1016", "Natri clorid 0,9%", "Chai", "500ml", "2.15", 8_000, 16_000),
          new Drug("40.1005", "Glucose 5%", "Chai", "500ml", "2.15", 9_000, 18_000),
          new Drug("40.285", "Salbutamol", "Ống", "5mg/2,5ml", "1.05", 3_500, 9_000),
          new Drug("40.560", "Losartan", "Viên", "50mg", "1.01", 400, 4_500),
          new Drug("40.30", "Diclofenac", "Ống", "75mg/3ml", "2.10", 1_200, 6_000));

  static final List<Service> CONSULTATIONS =
      List.of(
          new Service("02.1896", "Khám Nội", 13, "Lần", 34_500),
          new Service("03.1899", "Khám Ngoại", 13, "Lần", 34_500),
          new Service("10.1900", "Khám Nhi", 13, "Lần", 34_500));

  static final Service BED = new Service("K03.1915", "Giường Nội khoa loại 1", 15, "Ngày", 213_000);

  static final List<Service> SERVICES =
      List.of(
          new Service("22.0121.1370", "Tổng phân tích tế bào máu ngoại vi", 1, "Lần", 46_200),
          new Service("23.0058.1596", "Định lượng Glucose [Máu]", 1, "Lần", 21_500),
          new Service("23.0051.1494", "Định lượng Creatinin [Máu]", 1, "Lần", 21_500),
          new Service("23.0166.1487", "Đo hoạt độ ALT (GPT) [Máu]", 1, "Lần", 21_500),
          new Service("18.0001.0001", "Siêu âm ổ bụng", 2, "Lần", 43_900),
          new Service("18.0119.0028", "Chụp X-quang ngực thẳng", 2, "Lần", 65_400),
          new Service("02.0085.1778", "Điện tim thường", 3, "Lần", 32_800),
          new Service("02.0304.0133", "Nội soi dạ dày tá tràng", 9, "Lần", 714_500),
          new Service("10.0460.0420", "Phẫu thuật cắt ruột thừa", 8, "Lần", 2_618_000),
          new Service("11.0061.0211", "Thay băng vết thương", 18, "Lần", 57_600),
          new Service("01.0217.0199", "Hút đờm hầu họng", 18, "Lần", 11_800),
          new Service("N03.01.010", "Bơm tiêm nhựa 5ml", 10, "Cái", 1_050),
          new Service("N04.02.020", "Kim luồn tĩnh mạch", 10, "Cái", 12_600),
          new Service("N03.05.070", "Dây truyền dịch", 10, "Bộ", 6_300),
          new Service("N08.00.990", "Băng dán vết thương", 11, "Miếng", 2_500),
          new Service("12.0001", "Vận chuyển người bệnh", 12, "Lượt", 320_000));

  static final List<Diagnosis> DIAGNOSES =
      List.of(
          new Diagnosis("J06.9", "Nhiễm trùng đường hô hấp trên cấp"),
          new Diagnosis("I10", "Tăng huyết áp vô căn"),
          new Diagnosis("E11.9", "Đái tháo đường type 2"),
          new Diagnosis("K29.7", "Viêm dạ dày"),
          new Diagnosis("J18.9", "Viêm phổi"),
          new Diagnosis("A09", "Tiêu chảy và viêm dạ dày ruột"),
          new Diagnosis("M54.5", "Đau thắt lưng"),
          new Diagnosis("N39.0", "Nhiễm khuẩn tiết niệu"),
          new Diagnosis("J45.9", "Hen phế quản"),
          new Diagnosis("K35.8", "Viêm ruột thừa cấp"),
          new Diagnosis("S52.5", "Gãy đầu dưới xương quay"),
          new Diagnosis("E78.5", "Tăng lipid máu"));

  static final List<Measure> MEASURES =
      List.of(
          new Measure("GLU", "Glucose", "mmol/L", 3.9, 9.5),
          new Measure("CRE", "Creatinin", "µmol/L", 55, 130),
          new Measure("ALT", "ALT (GPT)", "U/L", 8, 80),
          new Measure("WBC", "Số lượng bạch cầu", "G/L", 4, 14));

  /** Card groups with their usual benefit level. */
  static final List<String> GROUPS =
      List.of("DN4", "DN4", "HT3", "TE1", "CC1", "HN2", "GD4", "HS4", "SV4", "CN3", "BT2", "TA4");

  static final List<String> PROVINCES =
      List.of("01", "79", "48", "31", "92", "75", "36", "46", "56", "74", "26", "22");

  static final List<String> FAMILY =
      List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi");
  static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh", "Đức");
  static final List<String> GIVEN =
      List.of(
          "An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Quân", "Trang",
          "Tuấn", "Yến", "Khoa", "Thảo");
  static final List<String> STREETS =
      List.of(
          "Lê Lợi",
          "Trần Hưng Đạo",
          "Nguyễn Trãi",
          "Hai Bà Trưng",
          "Lý Thường Kiệt",
          "Điện Biên Phủ",
          "Cách Mạng Tháng Tám",
          "Phan Đình Phùng");
  static final List<String> TOWNS =
      List.of(
          "Quận 1, TP Hồ Chí Minh",
          "Quận Hoàn Kiếm, Hà Nội",
          "Quận Hải Châu, Đà Nẵng",
          "TP Huế, Thừa Thiên Huế",
          "TP Vinh, Nghệ An",
          "Quận Ninh Kiều, Cần Thơ");
  static final List<String> PROGRESS =
      List.of(
          "Tỉnh, tiếp xúc tốt, sốt nhẹ 37,8°C",
          "Đỡ đau, ăn uống được, không sốt",
          "Ho giảm, phổi còn ran ẩm rải rác",
          "Huyết áp 130/80 mmHg, mạch 82 lần/phút",
          "Vết mổ khô, không chảy dịch",
          "Bệnh ổn định, cho ra viện");

  private ClaimCatalog() {}

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  static String digits(Random r, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    return s.toString();
  }
}
