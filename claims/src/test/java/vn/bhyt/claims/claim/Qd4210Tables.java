package vn.bhyt.claims.claim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML 130 tables rewritten as a 4210 billing system writes them: {@code MA_THE}, one price, one
 * amount and one ratio per line, {@code T_TONGCHI}, {@code MA_BENH}, 8-digit birth dates.
 */
final class Qd4210Tables {

  private Qd4210Tables() {}

  static ClaimTable of(ClaimTable table) {
    return new ClaimTable(
        table.name(), table.rows().stream().map(r -> row(table.name(), r)).toList());
  }

  private static ClaimRow row(String table, ClaimRow row) {
    Map<String, String> f = new LinkedHashMap<>(row.fields());
    switch (table) {
      case ClaimDossier.SUMMARY -> summary(f);
      case ClaimDossier.DRUGS -> {
        rename(f, "TYLE_TT_BH", "TYLE_TT");
        amount(f);
      }
      case ClaimDossier.SERVICES -> {
        rename(f, "DON_GIA_BV", "DON_GIA");
        f.remove("DON_GIA_BH");
        rename(f, "TYLE_TT_DV", "TYLE_TT");
        f.remove("TYLE_TT_BH");
        amount(f);
      }
      default -> {}
    }
    return new ClaimRow(row.line(), f);
  }

  private static void summary(Map<String, String> f) {
    rename(f, "MA_THE_BHYT", "MA_THE");
    rename(f, "T_TONGCHI_BV", "T_TONGCHI");
    f.remove("T_TONGCHI_BH");
    rename(f, "MA_BENH_CHINH", "MA_BENH");
    rename(f, "MA_BENH_KT", "MA_BENHKHAC");
    for (String gone : List.of("T_BHTT_GDV", "NGAY_VAO_NOI_TRU", "MA_DOITUONG_KCB", "SO_CCCD")) {
      f.remove(gone);
    }
    f.computeIfPresent("NGAY_SINH", (k, v) -> v.substring(0, 8));
    f.computeIfPresent("MA_LOAI_KCB", (k, v) -> v.replaceFirst("^0", ""));
  }

  private static void amount(Map<String, String> f) {
    rename(f, "THANH_TIEN_BV", "THANH_TIEN");
    f.remove("THANH_TIEN_BH");
  }

  private static void rename(Map<String, String> f, String from, String to) {
    String v = f.remove(from);
    if (v != null) {
      f.put(to, v);
    }
  }
}
