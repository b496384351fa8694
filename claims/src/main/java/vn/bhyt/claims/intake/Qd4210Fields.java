package vn.bhyt.claims.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimFormat;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;

/**
 * The names by which a Decision 4210 file differs from XML 130, and the renaming that lets a 4210
 * dossier be read with 130 names.
 *
 * <ul>
 *   <li>{@code MA_THE} → {@code MA_THE_BHYT}
 *   <li>{@code T_TONGCHI} (XML1) → {@code T_TONGCHI_BV} and {@code T_TONGCHI_BH}
 *   <li>{@code MA_BENH} (XML1) → {@code MA_BENH_CHINH}
 *   <li>{@code MA_BENHKHAC} (XML1) → {@code MA_BENH_KT}
 *   <li>{@code DON_GIA} → {@code DON_GIA_BV} and {@code DON_GIA_BH}; XML2 keeps {@code DON_GIA}
 *       too, the name of a 130 drug line's one price
 *   <li>{@code THANH_TIEN} → {@code THANH_TIEN_BV} and {@code THANH_TIEN_BH}
 *   <li>{@code TYLE_TT} → {@code TYLE_TT_DV}, and {@code TYLE_TT_BH} is 100 on XML2 and XML3 lines
 *       that lack it
 * </ul>
 *
 * <p>A 4210 line has one price, so hospital and insured amounts are the same. A field that already
 * carries its 130 name is never overwritten.
 */
public final class Qd4210Fields {
  public static final String CARD = "MA_THE";
  public static final String TOTAL = "T_TONGCHI";
  public static final String MAIN_DIAGNOSIS = "MA_BENH";
  public static final String OTHER_DIAGNOSES = "MA_BENHKHAC";
  public static final String PRICE = "DON_GIA";
  public static final String AMOUNT = "THANH_TIEN";
  public static final String RATIO = "TYLE_TT";

  private static final Map<String, List<String>> SUMMARY =
      Map.of(
          CARD, List.of("MA_THE_BHYT"),
          TOTAL, List.of("T_TONGCHI_BV", "T_TONGCHI_BH"),
          MAIN_DIAGNOSIS, List.of("MA_BENH_CHINH"),
          OTHER_DIAGNOSES, List.of("MA_BENH_KT"));
  private static final Map<String, List<String>> LINE =
      Map.of(
          CARD, List.of("MA_THE_BHYT"),
          PRICE, List.of("DON_GIA_BV", "DON_GIA_BH"),
          AMOUNT, List.of("THANH_TIEN_BV", "THANH_TIEN_BH"),
          RATIO, List.of("TYLE_TT_DV"));

  private Qd4210Fields() {}

  /**
   * The format of a dossier judged from its {@code XML1} row: 4210 when it has {@code MA_THE} or
   * {@code T_TONGCHI} and none of {@code MA_THE_BHYT}, {@code T_TONGCHI_BV}, {@code T_TONGCHI_BH};
   * otherwise 130.
   */
  public static ClaimFormat detect(ClaimRow summary) {
    boolean has130 =
        summary.has("MA_THE_BHYT") || summary.has("T_TONGCHI_BV") || summary.has("T_TONGCHI_BH");
    boolean has4210 = summary.has(CARD) || summary.has(TOTAL);
    return has4210 && !has130 ? ClaimFormat.QD4210 : ClaimFormat.QD130;
  }

  /** The table with its 4210 names replaced by their 130 names. */
  public static ClaimTable normalise(ClaimTable table) {
    boolean summary = table.name().equals(ClaimDossier.SUMMARY);
    boolean line =
        table.name().equals(ClaimDossier.DRUGS) || table.name().equals(ClaimDossier.SERVICES);
    return new ClaimTable(
        table.name(),
        table.rows().stream()
            .map(r -> normalise(r, summary ? SUMMARY : LINE, line, table.name()))
            .toList());
  }

  private static ClaimRow normalise(
      ClaimRow row, Map<String, List<String>> names, boolean line, String table) {
    Map<String, String> fields = new LinkedHashMap<>();
    row.fields()
        .forEach(
            (name, value) -> {
              List<String> renamed = names.get(name);
              if (renamed == null || keeps(table, name)) {
                fields.put(name, value);
              }
              if (renamed != null) {
                renamed.forEach(n -> fields.putIfAbsent(n, row.fields().getOrDefault(n, value)));
              }
            });
    if (line) {
      fields.putIfAbsent("TYLE_TT_BH", "100");
    }
    return new ClaimRow(row.line(), fields);
  }

  private static boolean keeps(String table, String name) {
    return table.equals(ClaimDossier.DRUGS) && name.equals(PRICE);
  }
}
