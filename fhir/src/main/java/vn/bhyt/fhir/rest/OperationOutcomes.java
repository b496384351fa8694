package vn.bhyt.fhir.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.fhir.FhirContexts;
import vn.bhyt.fhir.FhirProblem;
import vn.bhyt.http.Request;
import vn.bhyt.http.Response;
import vn.bhyt.problem.ProblemException;

/**
 * OperationOutcome answers: for the API's own failures and, as the kernel's failure renderer under
 * {@code /fhir}, for unknown paths, wrong methods, tokens, roles and internal errors.
 */
final class OperationOutcomes {
  static final String PROBLEM_SYSTEM = "urn:bhyt-gateway:problem";
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

  private OperationOutcomes() {}

  /** The answer for a failure the kernel found, in the format the request asks for. */
  static Response render(ProblemException problem, Request request) {
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(issueType(problem.type().status()))
        .setDiagnostics(problem.detail())
        .setDetails(
            new CodeableConcept()
                .setText(problem.type().title())
                .addCoding(
                    new org.hl7.fhir.r4.model.Coding()
                        .setSystem(PROBLEM_SYSTEM)
                        .setCode(problem.type().code())));
    Response r =
        FhirFormat.ofAnswerOrJson(request)
            .response(problem.type().status(), FhirContexts.r4(), oo, false);
    return problem.type().status() == 401 ? r.withHeader("WWW-Authenticate", "Bearer") : r;
  }

  /** The answer for a problem of the API, in a format. */
  static Response answer(FhirProblem problem, FhirFormat format) {
    return format.response(
        problem.status(), FhirContexts.r4(), problem.toOperationOutcome(), false);
  }

  /** The issue code that goes with an HTTP status. */
  static IssueType issueType(int status) {
    return switch (status) {
      case 400 -> IssueType.INVALID;
      case 401 -> IssueType.LOGIN;
      case 403 -> IssueType.FORBIDDEN;
      case 404 -> IssueType.NOTFOUND;
      case 405, 415 -> IssueType.NOTSUPPORTED;
      case 409, 412 -> IssueType.CONFLICT;
      case 413, 414, 431 -> IssueType.TOOLONG;
      case 422 -> IssueType.PROCESSING;
      case 503 -> IssueType.TRANSIENT;
      default -> IssueType.EXCEPTION;
    };
  }

  /**
   * The errors of a validation, for an error answer: quoted values are left out of the messages,
   * which keep their element paths.
   */
  static OperationOutcome errorsWithoutValues(OperationOutcome validation) {
    return withoutValues(validation, List.of(), true);
  }

  /**
   * The issues of a validation of a resource without its values: every text value the resource
   * holds (three characters or more) and every quoted text is left out of the messages, which keep
   * their element paths and message ids.
   *
   * @param errorsOnly whether to keep only errors and fatal issues, for an error answer
   */
  static OperationOutcome withoutValues(
      OperationOutcome validation, Resource resource, boolean errorsOnly) {
    return withoutValues(validation, values(resource), errorsOnly);
  }

  private static OperationOutcome withoutValues(
      OperationOutcome validation, List<String> values, boolean errorsOnly) {
    OperationOutcome oo = new OperationOutcome();
    for (OperationOutcomeIssueComponent issue : validation.getIssue()) {
      if (!errorsOnly
          || issue.getSeverity() == IssueSeverity.ERROR
          || issue.getSeverity() == IssueSeverity.FATAL) {
        OperationOutcomeIssueComponent copy = issue.copy();
        copy.setDiagnostics(issue.hasDiagnostics() ? scrub(issue.getDiagnostics(), values) : null);
        copy.setDetails(null);
        if (!errorsOnly && issue.hasDetails()) {
          copy.getDetails().setCoding(issue.getDetails().copy().getCoding());
        }
        oo.addIssue(copy);
      }
    }
    return oo;
  }

  private static String scrub(String message, List<String> values) {
    String out = QUOTED.matcher(message).replaceAll("'…'");
    for (String v : values) {
      out = out.replace(v, "…");
    }
    return out;
  }

  /** The texts of a resource's primitive values, longest first. */
  private static List<String> values(Resource resource) {
    Set<String> texts = new HashSet<>();
    for (PrimitiveType<?> p :
        FhirContexts.r4()
            .newTerser()
            .getAllPopulatedChildElementsOfType(resource, PrimitiveType.class)) {
      String text = p.getValueAsString();
      if (text != null && text.strip().length() >= 3) {
        texts.add(text.strip());
      }
    }
    List<String> sorted = new ArrayList<>(texts);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }
}
