package vn.bhyt.claims.fhirclaim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Quantity;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;

/**
 * The lines of a claim as {@code Claim.item}: the drug lines ({@code XML2}) then the service and
 * supply lines ({@code XML3}), numbered from 1 in that order.
 */
final class ClaimItems {
  private static final int MONEY_SCALE = 2;
  private static final int QUANTITY_SCALE = 6;

  private ClaimItems() {}

  /** A line of a table with the item sequence it gets. */
  record Numbered(String table, ClaimRow row, int sequence) {}

  /** The dossier's lines in item order, numbered. */
  static List<Numbered> numbered(ClaimDossier dossier) {
    List<Numbered> out = new ArrayList<>();
    for (String table : List.of(ClaimDossier.DRUGS, ClaimDossier.SERVICES)) {
      for (ClaimRow row : dossier.rows(table)) {
        out.add(new Numbered(table, row, out.size() + 1));
      }
    }
    return out;
  }

  /** One line as an item. */
  static ItemComponent item(Numbered line, String maLk) {
    FieldExtensions f = new FieldExtensions(line.row());
    ItemComponent item = new ItemComponent().setSequence(line.sequence());
    item.setProductOrService(product(line.table(), f));
    f.take("MA_NHOM")
        .ifPresent(
            g -> item.setCategory(new CodeableConcept(new Coding(ClaimCodes.GROUP, g, null))));
    f.take("SO_LUONG", FieldText::decimal, FieldText::text)
        .ifPresent(q -> item.setQuantity(new Quantity().setValue(q)));
    f.take(unitPrice(line.table()), FieldText::money, m -> FieldText.text(m.getValue()))
        .ifPresent(item::setUnitPrice);
    f.take("THANH_TIEN_BV", FieldText::money, m -> FieldText.text(m.getValue()))
        .ifPresent(item::setNet);
    f.take("NGAY_YL", FieldText::date, d -> FieldText.text(d)).ifPresent(item::setServiced);
    if (maLk.equals(line.row().text("MA_LK"))) {
      f.taken("MA_LK");
    }
    f.extendRest(item);
    return item;
  }

  private static CodeableConcept product(String table, FieldExtensions f) {
    String[] code = codeField(table, f);
    CodeableConcept product = new CodeableConcept();
    Optional<String> value = f.take(code[0]);
    Optional<String> name = f.get(code[2]);
    if (value.isPresent()) {
      Coding coding = product.addCoding().setSystem(code[1]).setCode(value.get());
      name.ifPresent(n -> coding.setDisplay(f.take(code[2]).orElseThrow()));
    } else {
      product.setText(name.orElse("no code"));
    }
    return product;
  }

  /** The code field, its system and its name field. */
  private static String[] codeField(String table, FieldExtensions f) {
    if (table.equals(ClaimDossier.DRUGS)) {
      return new String[] {"MA_THUOC", ClaimCodes.DRUG, "TEN_THUOC"};
    }
    if (f.get("MA_DICH_VU").isPresent() || f.get("MA_VAT_TU").isEmpty()) {
      return new String[] {"MA_DICH_VU", ClaimCodes.SERVICE, "TEN_DICH_VU"};
    }
    return new String[] {"MA_VAT_TU", ClaimCodes.SUPPLY, "TEN_VAT_TU"};
  }

  /** Drug lines carry one price ({@code DON_GIA}); other lines the insured price. */
  private static String unitPrice(String table) {
    return table.equals(ClaimDossier.DRUGS) ? "DON_GIA" : "DON_GIA_BH";
  }

  /**
   * An item as a line of its table, with the problems that keep it from being one.
   *
   * @param at the item's path, {@code Claim.item[0]}, for problems
   * @return the table and the fields, or empty with the problems added
   */
  static Optional<Map.Entry<String, Map<String, String>>> line(
      ItemComponent item, String maLk, String at, List<String> problems) {
    Map<String, String> fields = new LinkedHashMap<>();
    String table = null;
    for (Coding c : item.getProductOrService().getCoding()) {
      String field = fieldOf(c.getSystem());
      if (field != null && c.hasCode() && table == null) {
        table = field.equals("MA_THUOC") ? ClaimDossier.DRUGS : ClaimDossier.SERVICES;
        fields.put(field, c.getCode());
        if (c.hasDisplay()) {
          fields.put("TEN" + field.substring(2), c.getDisplay());
        }
      }
    }
    if (table == null) {
      problems.add(
          at
              + ".productOrService: no coding of "
              + ClaimCodes.DRUG
              + ", "
              + ClaimCodes.SERVICE
              + " or "
              + ClaimCodes.SUPPLY);
      return Optional.empty();
    }
    fields.put("MA_LK", maLk);
    for (Coding c : item.getCategory().getCoding()) {
      if (ClaimCodes.GROUP.equals(c.getSystem()) && c.hasCode()) {
        fields.put("MA_NHOM", c.getCode());
      }
    }
    int before = problems.size();
    if (item.hasQuantity()) {
      amount(item.getQuantity().getValue(), QUANTITY_SCALE, at + ".quantity", problems)
          .ifPresent(q -> fields.put("SO_LUONG", q));
    }
    money(item.getUnitPrice(), at + ".unitPrice", problems)
        .ifPresent(
            p ->
                fields.put(
                    unitPrice(
                        fields.containsKey("MA_THUOC")
                            ? ClaimDossier.DRUGS
                            : ClaimDossier.SERVICES),
                    p));
    money(item.getNet(), at + ".net", problems).ifPresent(n -> fields.put("THANH_TIEN_BV", n));
    if (item.hasServicedDateType()) {
      fields.put("NGAY_YL", FieldText.text(item.getServicedDateType()));
    }
    fields.putAll(FieldExtensions.read(item.getExtension()));
    return problems.size() > before ? Optional.empty() : Optional.of(Map.entry(table, fields));
  }

  private static @Nullable String fieldOf(@Nullable String system) {
    if (ClaimCodes.DRUG.equals(system)) {
      return "MA_THUOC";
    }
    if (ClaimCodes.SERVICE.equals(system)) {
      return "MA_DICH_VU";
    }
    return ClaimCodes.SUPPLY.equals(system) ? "MA_VAT_TU" : null;
  }

  /** An amount in VND as field text; a problem when it is in another currency or negative. */
  static Optional<String> money(@Nullable Money money, String at, List<String> problems) {
    if (money == null || money.isEmpty()) {
      return Optional.empty();
    }
    if (money.hasCurrency() && !ClaimCodes.CURRENCY.equals(money.getCurrency())) {
      problems.add(at + ": amounts must be in " + ClaimCodes.CURRENCY);
      return Optional.empty();
    }
    if (!money.hasValue()) {
      problems.add(at + ": no value");
      return Optional.empty();
    }
    return amount(money.getValue(), MONEY_SCALE, at, problems);
  }

  private static Optional<String> amount(
      @Nullable BigDecimal value, int maxScale, String at, List<String> problems) {
    if (value == null) {
      problems.add(at + ": no value");
      return Optional.empty();
    }
    if (value.signum() < 0 || value.scale() > maxScale || value.precision() - value.scale() > 16) {
      problems.add(
          at
              + ": must be from 0, with at most "
              + maxScale
              + " decimals and 16 digits before them");
      return Optional.empty();
    }
    return Optional.of(FieldText.text(value));
  }
}
