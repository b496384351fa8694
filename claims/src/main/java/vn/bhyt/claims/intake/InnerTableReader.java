package vn.bhyt.claims.intake;

import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bhyt.claims.claim.ClaimRow;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * The reader of one table's inner XML ({@code XML1} … {@code XML5}) into rows.
 *
 * <p>A field is an element without child elements; a row is an element whose children are all
 * fields, wherever it sits under the root. So {@code TONG_HOP}'s own fields make one row, and the
 * {@code CHI_TIET_…} elements of a {@code CHITIEU_…/DSACH_…} table are its rows whatever their
 * wrappers are called. Texts are trimmed, CDATA is unwrapped, an empty field is left out, and of a
 * field repeated in one row the first is kept. Attributes and fields beside rows are ignored.
 */
final class InnerTableReader {
  private final XmlEvents xml;
  private final Place place;
  private final IntakeLimits limits;
  private final Deque<Element> open = new ArrayDeque<>();
  private final List<ClaimRow> rows = new ArrayList<>();

  private InnerTableReader(XmlEvents xml, Place place, IntakeLimits limits) {
    this.xml = xml;
    this.place = place;
    this.limits = limits;
  }

  /** The rows of the table whose UTF-8 XML the stream holds. */
  static List<ClaimRow> read(InputStream in, Place place, IntakeLimits limits)
      throws ClaimParseException, IOException {
    XmlEvents xml = XmlEvents.open(in, limits, place, true);
    InnerTableReader reader = new InnerTableReader(xml, place, limits);
    reader.open(xml.root());
    reader.readToEnd();
    return reader.rows;
  }

  private void readToEnd() throws ClaimParseException, IOException {
    int event = START_ELEMENT;
    while (event != END_DOCUMENT) {
      event = xml.next();
      if (event == START_ELEMENT) {
        open(xml.name());
      } else if (event == END_ELEMENT) {
        close();
      } else if (xml.isText(event) && !open.isEmpty()) {
        text(open.peek());
      }
    }
  }

  private void open(String name) {
    Element parent = open.peek();
    if (parent != null) {
      parent.hasChildren = true;
    }
    open.push(new Element(name));
  }

  private void text(Element e) throws ClaimParseException {
    if (e.hasChildren) {
      return;
    }
    if ((long) e.text.length() + xml.textLength() > limits.maxTextChars()) {
      throw place.error(
          Reason.TEXT_TOO_LONG,
          "a field of row "
              + (rows.size() + 1)
              + " is longer than "
              + limits.maxTextChars()
              + " characters");
    }
    xml.appendText(e.text);
  }

  private void close() throws ClaimParseException {
    Element e = open.pop();
    Element parent = open.peek();
    if (!e.hasChildren) {
      if (parent != null) {
        parent.field(e.name, e.text.toString().trim());
      }
      return;
    }
    if (parent != null) {
      parent.hasRowsOrGroups = true;
    }
    if (!e.hasRowsOrGroups) {
      addRow(e.fields);
    }
  }

  private void addRow(Map<String, String> fields) throws ClaimParseException {
    if (rows.size() == limits.maxRowsPerTable()) {
      throw place.error(
          Reason.TOO_MANY_ROWS, "the table has more than " + limits.maxRowsPerTable() + " rows");
    }
    rows.add(new ClaimRow(rows.size() + 1, fields));
  }

  /** An element being read. */
  private static final class Element {
    final String name;
    final StringBuilder text = new StringBuilder();
    final Map<String, String> fields = new LinkedHashMap<>();
    boolean hasChildren;
    boolean hasRowsOrGroups;

    Element(String name) {
      this.name = name;
    }

    void field(String field, String value) {
      if (!value.isEmpty()) {
        fields.putIfAbsent(field, value);
      }
    }
  }
}
