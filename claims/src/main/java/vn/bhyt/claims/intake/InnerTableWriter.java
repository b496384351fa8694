package vn.bhyt.claims.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.claim.ClaimTable;
import vn.bhyt.claims.claim.VerbatimTable;

/**
 * The writer of a parsed table ({@code XML1} … {@code XML5}) as XML 130 inner XML, for claims that
 * did not arrive as XML. Fields are written in the {@link TableLayout}'s order, then the others in
 * alphabetical order.
 */
public final class InnerTableWriter {

  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private InnerTableWriter() {}

  /**
   * The dossier's tables as they are stored and forwarded: those received when it kept them, else
   * its parsed tables written as 130 inner XML.
   */
  public static List<VerbatimTable> files(ClaimDossier dossier) {
    return dossier.verbatim().isEmpty()
        ? dossier.tables().stream().map(InnerTableWriter::encode).toList()
        : dossier.verbatim();
  }

  /** The table as the base64 {@code NOIDUNGFILE} of its {@code FILEHOSO}. */
  public static VerbatimTable encode(ClaimTable table) {
    return new VerbatimTable(table.name(), Base64.getEncoder().encodeToString(write(table)));
  }

  /**
   * The table's inner XML in UTF-8.
   *
   * @throws IllegalArgumentException for a table that is not one of {@code XML1} … {@code XML5}, an
   *     {@code XML1} without exactly one row, or a text XML cannot carry
   */
  public static byte[] write(ClaimTable table) {
    TableLayout layout =
        TableLayout.of(table.name())
            .orElseThrow(() -> new IllegalArgumentException("table: " + table.name()));
    StringBuilder xml = new StringBuilder(1024 + 1024 * table.rows().size());
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (layout.list().isEmpty()) {
      if (table.rows().size() != 1) {
        throw new IllegalArgumentException(
            table.name() + " rows: " + table.rows().size() + " (expected: 1)");
      }
      row(xml, layout.root(), table.rows().get(0), layout, table.name());
    } else {
      String list = layout.list().get();
      xml.append('<').append(layout.root()).append("><").append(list).append('>');
      for (ClaimRow r : table.rows()) {
        row(xml, layout.row().orElseThrow(), r, layout, table.name());
      }
      xml.append("</").append(list).append("></").append(layout.root()).append(">\n");
    }
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(
      StringBuilder xml, String element, ClaimRow row, TableLayout layout, String table) {
    xml.append('<').append(element).append(">\n");
    for (Map.Entry<String, String> field : ordered(row, layout)) {
      String name = field.getKey();
      xml.append('<').append(name).append('>');
      XmlText.append(xml, field.getValue(), table + " row " + row.line() + " " + name);
      xml.append("</").append(name).append(">\n");
    }
    xml.append("</").append(element).append(">\n");
  }

  /** The row's fields in the layout's order, once every name is checked to be an XML name. */
  private static List<Map.Entry<String, String>> ordered(ClaimRow row, TableLayout layout) {
    List<Map.Entry<String, String>> fields = new ArrayList<>(row.fields().entrySet());
    fields.sort(Map.Entry.comparingByKey(layout.fieldOrder()));
    for (Map.Entry<String, String> f : fields) {
      if (!FIELD_NAME.matcher(f.getKey()).matches()) {
        throw new IllegalArgumentException(
            "field name: " + f.getKey() + " (expected: an XML name)");
      }
    }
    return fields;
  }
}
