package vn.bhyt.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.FhirProblem;

/**
 * Reads a request body as a resource, strictly: well-formed JSON or XML, the JSON types the
 * elements have ({@link JsonTypes}), no unknown element or attribute, valid primitive values, no
 * repeated single element, no dangling reference to a contained resource.
 *
 * <p>What cannot be read is a 400 whose issues say what and where (the element's path, the line and
 * column), never the value: HAPI's own messages quote values, so its error handler here writes
 * messages of its own, and messages of the parsers underneath are left out.
 */
final class ResourceReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Pattern XML_POSITION =
      Pattern.compile("\\[row,col[^\\]]*\\]:\\s*\\[(\\d+),(\\d+)\\]");

  private ResourceReader() {}

  /**
   * The resource in a body.
   *
   * @throws FhirProblem 400 with an issue for each thing that could not be read
   */
  static Resource read(FhirContext ctx, FhirFormat format, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (format == FhirFormat.JSON) {
      checkJson(ctx, text);
    }
    try {
      IBaseResource parsed =
          format.parser(ctx).setParserErrorHandler(new Refusals()).parseResource(text);
      if (parsed instanceof Resource resource) {
        return resource;
      }
      throw unreadable(List.of(issue(null, "the body is not a FHIR R4 resource")));
    } catch (Refusal r) {
      throw unreadable(List.of(issue(r.path, r.diagnostics)));
    } catch (DataFormatException | IllegalArgumentException e) {
      throw unreadable(List.of(issue(null, syntax(format, e))));
    }
  }

  private static void checkJson(FhirContext ctx, String text) {
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw unreadable(
          List.of(
              issue(
                  null,
                  "the body is not well-formed JSON"
                      + (at == null
                          ? ""
                          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                      + kind(e.getOriginalMessage()))));
    }
    if (tree == null || !tree.isObject()) {
      throw unreadable(List.of(issue(null, "the body is not a JSON object")));
    }
    List<JsonTypes.Finding> findings = JsonTypes.check(ctx, tree);
    if (!findings.isEmpty()) {
      throw unreadable(
          findings.stream().map(f -> issue(f.path(), f.path() + " " + f.problem())).toList());
    }
  }

  /**
   * What a parser's failure says about the body: HAPI passes the XML parser's failures on as text
   * only, whose position is taken from it and whose words, which may quote the body, are not.
   */
  private static String syntax(FhirFormat format, Exception e) {
    String message = e.getMessage();
    if (format == FhirFormat.XML && message != null && message.contains("Failed to parse XML")) {
      Matcher at = XML_POSITION.matcher(message);
      return "the body is not well-formed XML"
          + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "")
          + kind(xmlMessage(message));
    }
    return "the body is not a FHIR R4 resource in " + format.mime();
  }

  /**
   * The kind of a parser's error, said without the body: the parser's message up to the first
   * character it may quote from the body (a quote, a parenthesis, an angle bracket, a colon), and
   * its "was expecting" clause when that quotes nothing, such as {@code : unexpected character; was
   * expecting comma to separate Object entries}. Empty when nothing is left.
   */
  static String kind(@Nullable String message) {
    if (message == null) {
      return "";
    }
    String first = message.lines().findFirst().orElse("");
    String lead = upTo(first, "'\"(<:;[{").strip();
    StringBuilder kind = new StringBuilder();
    if (!lead.isEmpty()) {
      kind.append(": ").append(lead.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
      kind.append(lead.substring(1));
    }
    int expecting = first.indexOf("was expecting ");
    if (expecting >= 0) {
      String clause = first.substring(expecting).strip();
      if (upTo(clause, "'\"(<[{").equals(clause)) {
        kind.append(kind.length() == 0 ? ": " : "; ").append(clause);
      }
    }
    return kind.toString();
  }

  private static String upTo(String text, String stops) {
    for (int i = 0; i < text.length(); i++) {
      if (stops.indexOf(text.charAt(i)) >= 0) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  /** The XML parser's own message within HAPI's, after its prefix. */
  private static String xmlMessage(String message) {
    String prefix = "Failed to parse XML content:";
    int at = message.indexOf(prefix);
    String rest = at < 0 ? message : message.substring(at + prefix.length()).strip();
    int said = rest.indexOf("Message: ");
    return said < 0 ? rest : rest.substring(said + "Message: ".length());
  }

  private static FhirProblem unreadable(List<Issue> issues) {
    OperationOutcome oo = new OperationOutcome();
    for (Issue i : issues) {
      var issue =
          oo.addIssue()
              .setSeverity(IssueSeverity.ERROR)
              .setCode(IssueType.STRUCTURE)
              .setDiagnostics(i.diagnostics());
      if (i.path() != null) {
        issue.addExpression(i.path());
      }
    }
    return FhirProblem.unreadable(issues.get(0).diagnostics(), oo);
  }

  private static Issue issue(@Nullable String path, String diagnostics) {
    return new Issue(path, diagnostics);
  }

  private record Issue(@Nullable String path, String diagnostics) {}

  /** A part of the body the parser refused, said without its value. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final @Nullable String path;
    private final String diagnostics;

    Refusal(@Nullable String path, String diagnostics) {
      super(diagnostics, null, false, false);
      this.path = path;
      this.diagnostics = diagnostics;
    }
  }

  /** HAPI's strict error handling with messages that name elements, never values. */
  private static final class Refusals implements IParserErrorHandler {
    private static String element(@Nullable IParseLocation at, String name) {
      String parent = at == null ? null : at.getParentElementName();
      return parent == null ? name : parent + "." + name;
    }

    @Override
    public void containedResourceWithNoId(@Nullable IParseLocation at) {
      throw new Refusal(null, "a contained resource has no id");
    }

    @Override
    public void incorrectJsonType(
        @Nullable IParseLocation at,
        String name,
        ValueType expected,
        @Nullable ScalarType expectedScalar,
        ValueType found,
        @Nullable ScalarType foundScalar) {
      throw new Refusal(
          name,
          "element '"
              + element(at, name)
              + "': expected a JSON "
              + expected.name().toLowerCase(java.util.Locale.ROOT)
              + ", found a "
              + found.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void invalidValue(@Nullable IParseLocation at, String value, String error) {
      String name = at == null ? null : at.getParentElementName();
      throw new Refusal(
          name,
          name == null
              ? "a value is not valid for its element"
              : "element '" + name + "': the value is not a valid value of its type");
    }

    @Override
    public void missingRequiredElement(@Nullable IParseLocation at, String name) {
      throw new Refusal(name, "element '" + element(at, name) + "' is missing");
    }

    @Override
    public void unexpectedRepeatingElement(@Nullable IParseLocation at, String name) {
      throw new Refusal(name, "element '" + element(at, name) + "' repeats but may occur once");
    }

    @Override
    public void unknownAttribute(@Nullable IParseLocation at, String name) {
      throw new Refusal(name, "attribute '" + element(at, name) + "' is not part of FHIR R4");
    }

    @Override
    public void unknownElement(@Nullable IParseLocation at, String name) {
      throw new Refusal(name, "element '" + element(at, name) + "' is not part of FHIR R4");
    }

    @Override
    public void unknownReference(@Nullable IParseLocation at, String reference) {
      throw new Refusal(null, "a reference names a contained resource that is not there");
    }

    @Override
    public void invalidInternalReference(@Nullable IParseLocation at, String reference) {
      throw new Refusal(null, "a reference names a contained resource that is not there");
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation at) {
      throw new Refusal(null, "an extension has both a value and nested extensions");
    }
  }
}
