package vn.bhyt.fundsim;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated fund reads of a {@code GIAMDINHHS} envelope (XML 130 or 4210): the facility,
 * the one dossier's key, card and dates, and the amounts of its {@code XML1}, {@code XML2} and
 * {@code XML3} tables. Read with StAX, DTDs and external entities off.
 */
record Envelope(String facility, Dossier dossier) {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** One visit. {@code fundShare} is {@code T_BHTT} of the summary. */
  record Dossier(
      String maLk,
      String card,
      @Nullable LocalDate cardFrom,
      @Nullable LocalDate cardTo,
      BigDecimal fundShare,
      List<Line> lines) {}

  /** A drug ({@code XML2}) or service ({@code XML3}) line. */
  record Line(
      String table,
      int stt,
      BigDecimal insuredPrice,
      BigDecimal fundShare,
      @Nullable LocalDate on) {}

  /** Why the fund cannot take a file; the message is the {@code thongDiep} of its 205. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads a decoded envelope.
   *
   * @throws Refusal when it is not XML 130, has no or several {@code HOSO}, or a {@code HOSO}
   *     without {@code XML1}
   */
  static Envelope read(byte[] xml) throws Refusal {
    try {
      return scan(xml);
    } catch (XMLStreamException | RuntimeException e) {
      throw new Refusal("the file is not an XML 130 envelope (unreadable XML)");
    }
  }

  private static Envelope scan(byte[] xml) throws XMLStreamException, Refusal {
    XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
    String facility = null;
    int dossiers = 0;
    Map<String, String> files = new HashMap<>();
    Map<String, String> first = null;
    String type = null;
    boolean root = true;
    while (r.hasNext()) {
      if (r.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (root && !name.equals("GIAMDINHHS")) {
        throw new Refusal("the file is not an XML 130 envelope (no GIAMDINHHS)");
      }
      root = false;
      switch (name) {
        case "MACSKCB" -> facility = r.getElementText().strip();
        case "HOSO" -> {
          dossiers++;
          if (dossiers > 1) {
            throw new Refusal("the file holds more than one HOSO: the fund takes one per file");
          }
          first = files;
        }
        case "LOAIHOSO" -> type = r.getElementText().strip();
        case "NOIDUNGFILE" -> {
          if (type != null) {
            files.put(type, r.getElementText());
          }
          type = null;
        }
        default -> {}
      }
    }
    if (facility == null || facility.isEmpty()) {
      throw new Refusal("the file is not an XML 130 envelope (no MACSKCB)");
    }
    if (first == null) {
      throw new Refusal("the file holds no HOSO");
    }
    String summary = files.get("XML1");
    if (summary == null) {
      throw new Refusal("the HOSO has no XML1");
    }
    return new Envelope(facility, dossier(files, summary));
  }

  private static Dossier dossier(Map<String, String> files, String summary)
      throws XMLStreamException, Refusal {
    List<Map<String, String>> xml1 = rows(summary, "TONG_HOP");
    if (xml1.isEmpty()) {
      throw new Refusal("the XML1 of the HOSO has no TONG_HOP");
    }
    Map<String, String> s = xml1.get(0);
    String maLk = s.getOrDefault("MA_LK", "");
    if (maLk.isEmpty()) {
      throw new Refusal("the XML1 of the HOSO has no MA_LK");
    }
    List<Line> lines = new ArrayList<>();
    lines(files.get("XML2"), "XML2", "CHI_TIET_THUOC", lines);
    lines(files.get("XML3"), "XML3", "CHI_TIET_DVKT", lines);
    String card = s.getOrDefault("MA_THE_BHYT", s.getOrDefault("MA_THE", ""));
    String[] from = s.getOrDefault("GT_THE_TU", "").split(";", -1);
    String[] to = s.getOrDefault("GT_THE_DEN", "").split(";", -1);
    return new Dossier(
        maLk,
        card.split(";", -1)[0].strip(),
        date(from[0]),
        date(to[to.length - 1]),
        amount(s.get("T_BHTT")),
        lines);
  }

  private static void lines(@Nullable String base64, String table, String element, List<Line> out)
      throws XMLStreamException, Refusal {
    if (base64 == null) {
      return;
    }
    int n = 0;
    for (Map<String, String> row : rows(base64, element)) {
      n++;
      String stt = row.getOrDefault("STT", "");
      String price = row.getOrDefault("DON_GIA_BH", row.get("DON_GIA"));
      String on = row.getOrDefault("NGAY_YL", "");
      out.add(
          new Line(
              table,
              stt.matches("[0-9]{1,9}") ? Integer.parseInt(stt) : n,
              amount(price),
              amount(row.get("T_BHTT")),
              date(on.length() >= 8 ? on.substring(0, 8) : on)));
    }
  }

  /** The rows named {@code element} of an inner table: each a map of its leaf fields. */
  private static List<Map<String, String>> rows(String base64, String element)
      throws XMLStreamException, Refusal {
    byte[] inner;
    try {
      inner = Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new Refusal("a NOIDUNGFILE of the HOSO is not base64");
    }
    XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(inner));
    List<Map<String, String>> rows = new ArrayList<>();
    Deque<Map<String, String>> open = new ArrayDeque<>();
    Deque<Boolean> hasChildren = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      switch (r.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(true);
          }
          open.push(new LinkedHashMap<>());
          hasChildren.push(false);
          text.setLength(0);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          Map<String, String> done = open.pop();
          boolean parent = hasChildren.pop();
          if (!parent && !open.isEmpty()) {
            open.peek().put(r.getLocalName(), text.toString().strip());
          } else if (r.getLocalName().equals(element)) {
            rows.add(done);
          }
          text.setLength(0);
        }
        default -> {}
      }
    }
    return rows;
  }

  private static BigDecimal amount(@Nullable String v) {
    if (v == null || v.isBlank()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(v.strip());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  private static @Nullable LocalDate date(String yyyyMMdd) {
    try {
      return yyyyMMdd.isBlank() ? null : LocalDate.parse(yyyyMMdd.strip(), DAY);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }
}
