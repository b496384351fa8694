package vn.bhyt.claims.intake;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How XML 130 lays out the parsed tables: the inner root, the list and row elements, and the order
 * of the fields. 4210 names sit beside their 130 counterparts.
 */
public enum TableLayout {
  XML1(
      "TONG_HOP",
      null,
      null,
      List.of(
          "MA_LK",
          "STT",
          "MA_BN",
          "HO_TEN",
          "SO_CCCD",
          "NGAY_SINH",
          "GIOI_TINH",
          "NHOM_MAU",
          "MA_QUOCTICH",
          "MA_DANTOC",
          "MA_NGHE_NGHIEP",
          "DIA_CHI",
          "MATINH_CU_TRU",
          "MAHUYEN_CU_TRU",
          "MAXA_CU_TRU",
          "DIEN_THOAI",
          "MA_THE_BHYT",
          "MA_THE",
          "MA_DKBD",
          "GT_THE_TU",
          "GT_THE_DEN",
          "NGAY_MIEN_CCT",
          "MIEN_CUNG_CT",
          "LY_DO_VV",
          "LY_DO_VNT",
          "MA_LY_DO_VNT",
          "CHAN_DOAN_VAO",
          "CHAN_DOAN_RV",
          "TEN_BENH",
          "MA_BENH_CHINH",
          "MA_BENH",
          "MA_BENH_KT",
          "MA_BENHKHAC",
          "MA_BENH_YHCT",
          "MA_PTTT_QT",
          "MA_DOITUONG_KCB",
          "MA_LYDO_VVIEN",
          "MA_NOI_DI",
          "MA_NOI_CHUYEN",
          "MA_NOI_DEN",
          "MA_TAI_NAN",
          "NGAY_VAO",
          "NGAY_VAO_NOI_TRU",
          "NGAY_RA",
          "GIAY_CHUYEN_TUYEN",
          "SO_NGAY_DTRI",
          "PP_DIEU_TRI",
          "KET_QUA_DTRI",
          "TINH_TRANG_RV",
          "MA_LOAI_RV",
          "GHI_CHU",
          "NGAY_TTOAN",
          "MUC_HUONG",
          "T_THUOC",
          "T_VTYT",
          "T_TONGCHI_BV",
          "T_TONGCHI_BH",
          "T_TONGCHI",
          "T_BNTT",
          "T_BNCCT",
          "T_BHTT",
          "T_NGUONKHAC",
          "T_BHTT_GDV",
          "T_NGOAIDS",
          "NAM_QT",
          "THANG_QT",
          "MA_LOAI_KCB",
          "MA_KHOA",
          "MA_CSKCB",
          "MA_KHUVUC",
          "CAN_NANG",
          "CAN_NANG_CON",
          "NAM_NAM_LIEN_TUC",
          "NGAY_TAI_KHAM",
          "MA_HSBA",
          "MA_TTDV",
          "DU_PHONG")),
  XML2(
      "CHITIEU_CHITIET_THUOC",
      "DSACH_CHI_TIET_THUOC",
      "CHI_TIET_THUOC",
      List.of(
          "MA_LK",
          "STT",
          "MA_THUOC",
          "MA_PP_CHEBIEN",
          "MA_CSKCB_THUOC",
          "MA_NHOM",
          "TEN_THUOC",
          "DON_VI_TINH",
          "HAM_LUONG",
          "DUONG_DUNG",
          "DANG_BAO_CHE",
          "LIEU_DUNG",
          "CACH_DUNG",
          "SO_DANG_KY",
          "TT_THAU",
          "PHAM_VI",
          "TYLE_TT_DV",
          "TYLE_TT_BH",
          "TYLE_TT",
          "SO_LUONG",
          "DON_GIA",
          "DON_GIA_BV",
          "DON_GIA_BH",
          "THANH_TIEN_BV",
          "THANH_TIEN_BH",
          "THANH_TIEN",
          "T_NGUONKHAC_NSNN",
          "T_NGUONKHAC_VTNN",
          "T_NGUONKHAC_VTTN",
          "T_NGUONKHAC_CL",
          "T_NGUONKHAC",
          "MUC_HUONG",
          "T_BNTT",
          "T_BNCCT",
          "T_BHTT",
          "MA_KHOA",
          "MA_BAC_SI",
          "MA_DICH_VU",
          "MA_BENH",
          "NGAY_YL",
          "NGAY_TH_YL",
          "MA_PTTT",
          "NGUON_CTRA",
          "VET_THUONG_TP",
          "DU_PHONG")),
  XML3(
      "CHITIEU_CHITIET_DVKT_VTYT",
      "DSACH_CHI_TIET_DVKT",
      "CHI_TIET_DVKT",
      List.of(
          "MA_LK",
          "STT",
          "MA_DICH_VU",
          "MA_PTTT_QT",
          "MA_VAT_TU",
          "MA_NHOM",
          "GOI_VTYT",
          "TEN_VAT_TU",
          "TEN_DICH_VU",
          "MA_XANG_DAU",
          "DON_VI_TINH",
          "PHAM_VI",
          "SO_LUONG",
          "DON_GIA_BV",
          "DON_GIA_BH",
          "DON_GIA",
          "TT_THAU",
          "TYLE_TT_DV",
          "TYLE_TT_BH",
          "TYLE_TT",
          "THANH_TIEN_BV",
          "THANH_TIEN_BH",
          "THANH_TIEN",
          "T_TRANTT",
          "MUC_HUONG",
          "T_NGUONKHAC_NSNN",
          "T_NGUONKHAC_VTNN",
          "T_NGUONKHAC_VTTN",
          "T_NGUONKHAC_CL",
          "T_NGUONKHAC",
          "T_BNTT",
          "T_BNCCT",
          "T_BHTT",
          "MA_KHOA",
          "MA_GIUONG",
          "MA_BAC_SI",
          "NGUOI_THUC_HIEN",
          "MA_BENH",
          "MA_BENH_YHCT",
          "NGAY_YL",
          "NGAY_TH_YL",
          "NGAY_KQ",
          "MA_PTTT",
          "VET_THUONG_TP",
          "PP_VO_CAM",
          "VI_TRI_TH_DVKT",
          "MA_MAY",
          "MA_HIEU_SP",
          "TAI_SU_DUNG",
          "DU_PHONG")),
  XML4(
      "CHITIEU_CHITIET_DICHVUCANLAMSANG",
      "DSACH_CHI_TIET_CLS",
      "CHI_TIET_CLS",
      List.of(
          "MA_LK",
          "STT",
          "MA_DICH_VU",
          "MA_CHI_SO",
          "TEN_CHI_SO",
          "GIA_TRI",
          "DON_VI_DO",
          "MO_TA",
          "KET_LUAN",
          "NGAY_KQ",
          "MA_BS_DOC_KQ",
          "DU_PHONG")),
  XML5(
      "CHITIEU_CHITIET_DIENBIENLAMSANG",
      "DSACH_CHI_TIET_DIEN_BIEN_BENH",
      "CHI_TIET_DIEN_BIEN_BENH",
      List.of(
          "MA_LK",
          "STT",
          "DIEN_BIEN_LS",
          "GIAI_DOAN_BENH",
          "HOI_CHAN",
          "PHAU_THUAT",
          "THOI_DIEM_DBLS",
          "NGUOI_THUC_HIEN",
          "DU_PHONG"));

  private final String root;
  private final @Nullable String list;
  private final @Nullable String row;

  // Unmodifiable (List.copyOf), though its type does not say so.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> fields;

  // Unmodifiable (Map.copyOf), though its type does not say so.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Map<String, Integer> ranks;

  TableLayout(String root, @Nullable String list, @Nullable String row, List<String> fields) {
    this.root = root;
    this.list = list;
    this.row = row;
    this.fields = List.copyOf(fields);
    Map<String, Integer> r = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      r.put(fields.get(i), i);
    }
    this.ranks = Map.copyOf(r);
  }

  /** The layout of the table of that name ({@code XML1} … {@code XML5}), if it is parsed. */
  public static Optional<TableLayout> of(String table) {
    for (TableLayout t : values()) {
      if (t.name().equals(table)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The inner document's root element, e.g. {@code CHITIEU_CHITIET_THUOC}. */
  public String root() {
    return root;
  }

  /** The list element under the root; absent for {@code XML1}, whose root is its one row. */
  public Optional<String> list() {
    return Optional.ofNullable(list);
  }

  /** The row element under the list; absent for {@code XML1}. */
  public Optional<String> row() {
    return Optional.ofNullable(row);
  }

  /** The fields in the order they are written; fields not listed follow in alphabetical order. */
  public List<String> fields() {
    return fields;
  }

  /** Field names in writing order: the listed ones as listed, then the others alphabetically. */
  public Comparator<String> fieldOrder() {
    return Comparator.comparingInt((String f) -> ranks.getOrDefault(f, Integer.MAX_VALUE))
        .thenComparing(Comparator.naturalOrder());
  }
}
