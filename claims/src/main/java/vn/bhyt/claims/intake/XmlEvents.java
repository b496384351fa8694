package vn.bhyt.claims.intake;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * A hardened StAX cursor over one XML document: no DOCTYPE (so no entities, no external files),
 * bounded depth, bounded constructs, strict UTF-8, and every parser failure turned into a {@link
 * ClaimParseException} for its place.
 */
final class XmlEvents {
  private static final int MAX_DEPTH = 64;
  private static final int PARSER_SLACK = 64 << 10;
  private static final int CHUNK = 16 << 10;
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(XmlEvents::newFactory);

  private final XmlSource source;
  private final boolean table;
  private Place place;
  private final XMLStreamReader reader;
  private boolean sawElement;

  private XmlEvents(XmlSource source, XMLStreamReader reader, Place place, boolean table) {
    this.source = source;
    this.reader = reader;
    this.place = place;
    this.table = table;
  }

  /**
   * Opens a document: the envelope ({@code table} false) or one table's inner XML (true), whose
   * failures are all {@link Reason#TABLE_MALFORMED} but for a DOCTYPE and the limits.
   */
  static XmlEvents open(InputStream in, IntakeLimits limits, Place place, boolean table)
      throws ClaimParseException, IOException {
    XmlSource source = new XmlSource(in, (long) limits.maxTextChars() + PARSER_SLACK);
    try {
      return new XmlEvents(source, factory().createXMLStreamReader(source), place, table);
    } catch (XMLStreamException e) {
      throw failure(e, source, place, table, false);
    }
  }

  private static XMLInputFactory factory() {
    return FACTORY.get();
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
    f.setProperty("jdk.xml.cdataChunkSize", CHUNK);
    return f;
  }

  /** Sets the place that failures from here on are reported at. */
  void at(Place where) {
    place = where;
  }

  /** Moves to the next event and returns its type; a DOCTYPE fails. */
  int next() throws ClaimParseException, IOException {
    source.restartSpan();
    int event;
    try {
      event = reader.next();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
    if (event == DTD) {
      throw place.error(Reason.DOCTYPE, "a DOCTYPE was found and refused");
    }
    sawElement |= event == START_ELEMENT;
    return event;
  }

  /**
   * Moves to the root element and returns its local name; what stands before it (the XML
   * declaration, comments, processing instructions) is read and a DOCTYPE there fails, which is the
   * only place one may stand.
   */
  String root() throws ClaimParseException, IOException {
    if (reader.getEventType() == START_ELEMENT) {
      sawElement = true;
      return reader.getLocalName();
    }
    int event;
    do {
      event = next();
    } while (event != START_ELEMENT && event != END_DOCUMENT);
    if (event == END_DOCUMENT) {
      throw failure(new XMLStreamException("no root element"));
    }
    return reader.getLocalName();
  }

  /**
   * Moves to the current element's next child element and returns true, or to the current element's
   * end and returns false. Text between children is passed over.
   */
  boolean nextChild() throws ClaimParseException, IOException {
    while (true) {
      int event = next();
      if (event == START_ELEMENT) {
        return true;
      }
      if (event == END_ELEMENT || event == END_DOCUMENT) {
        return false;
      }
    }
  }

  /** The current element's local name. */
  String name() {
    return reader.getLocalName();
  }

  /** Whether the current event is character data (text, CDATA or whitespace). */
  boolean isText(int event) {
    return event == CHARACTERS || event == CDATA || event == SPACE;
  }

  /** The current event's characters, appended to the builder. */
  void appendText(StringBuilder to) {
    to.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
  }

  /** The length of the current event's characters. */
  int textLength() {
    return reader.getTextLength();
  }

  /**
   * Reads the current element's text, trimmed, up to its end tag; text inside child elements is
   * left out. Longer than {@code max} characters fails with {@code tooLong}.
   */
  String text(int max, Reason tooLong, String what) throws ClaimParseException, IOException {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    while (true) {
      int event = next();
      if (event == START_ELEMENT) {
        depth++;
      } else if (event == END_ELEMENT && depth-- == 0) {
        return text.toString().trim();
      } else if (depth == 0 && isText(event)) {
        if ((long) text.length() + textLength() > max) {
          throw place.error(tooLong, what + " is longer than " + max + " characters");
        }
        appendText(text);
      }
    }
  }

  /** Passes over the current element, its children and its end tag. */
  void skip() throws ClaimParseException, IOException {
    int depth = 0;
    while (true) {
      int event = next();
      if (event == START_ELEMENT) {
        depth++;
      } else if (event == END_ELEMENT && depth-- == 0) {
        return;
      }
    }
  }

  /** Reads on to the end of the document, so that whatever follows the root is checked too. */
  void finish() throws ClaimParseException, IOException {
    int event = reader.getEventType();
    while (event != END_DOCUMENT) {
      event = next();
    }
  }

  /** The exception for a parser failure: the input's own I/O failure is rethrown as it was. */
  ClaimParseException failure(XMLStreamException e) throws IOException {
    return failure(e, source, place, table, sawElement);
  }

  /**
   * The exception for a parser failure of a document at a place, once an element was seen or
   * before; the input's own I/O failure is rethrown as it was.
   */
  private static ClaimParseException failure(
      XMLStreamException e, XmlSource source, Place place, boolean table, boolean sawElement)
      throws IOException {
    IOException own = source.failure();
    if (own != null) {
      throw own;
    }
    Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
    if (cause instanceof XmlSource.SpanExceeded) {
      return place.error(Reason.TEXT_TOO_LONG, "an XML construct is too long");
    }
    if (table) {
      return place.error(Reason.TABLE_MALFORMED, "the table is not well-formed UTF-8 XML" + at(e));
    }
    if (source.chars() == 0 && source.ended()) {
      return place.error(Reason.EMPTY, "the body is empty");
    }
    if (cause instanceof CharacterCodingException) {
      return place.error(Reason.NOT_XML, "the body is not UTF-8 text");
    }
    if (sawElement && source.ended()) {
      return place.error(Reason.TRUNCATED, "the XML ends before its root element closes");
    }
    return place.error(Reason.NOT_XML, "the body is not well-formed XML" + at(e));
  }

  private static String at(XMLStreamException e) {
    Location l = e.getLocation();
    return l == null || l.getLineNumber() < 0
        ? ""
        : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }
}
