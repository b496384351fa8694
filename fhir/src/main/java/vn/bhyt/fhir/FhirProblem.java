package vn.bhyt.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;

/**
 * The failure of a FHIR request that cannot be carried out, answered as an OperationOutcome with an
 * HTTP status.
 *
 * <p>Its diagnostics name parameters, elements and ids, never patient data: they are logged and
 * sent to the client.
 */
public final class FhirProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final IssueType code;
  private final transient @Nullable OperationOutcome outcome;

  public FhirProblem(int status, IssueType code, String diagnostics) {
    this(status, code, diagnostics, null);
  }

  private FhirProblem(
      int status, IssueType code, String diagnostics, @Nullable OperationOutcome outcome) {
    super(diagnostics, null, false, false);
    this.status = status;
    this.code = code;
    this.outcome = outcome;
  }

  /** 400: the request cannot be read or its parameters are wrong. */
  public static FhirProblem badRequest(String diagnostics) {
    return new FhirProblem(400, IssueType.INVALID, diagnostics);
  }

  /** 400: the body cannot be read as a resource; the outcome says what and where. */
  public static FhirProblem unreadable(String diagnostics, OperationOutcome outcome) {
    return new FhirProblem(400, IssueType.STRUCTURE, diagnostics, outcome);
  }

  /** 404: no such resource, version or resource type. */
  public static FhirProblem notFound(String diagnostics) {
    return new FhirProblem(404, IssueType.NOTFOUND, diagnostics);
  }

  /** 405: the interaction is not supported for this resource type. */
  public static FhirProblem notAllowed(String diagnostics) {
    return new FhirProblem(405, IssueType.NOTSUPPORTED, diagnostics);
  }

  /** 409: a concurrent change got in the way; the client may retry. */
  public static FhirProblem conflict(String diagnostics) {
    return new FhirProblem(409, IssueType.CONFLICT, diagnostics);
  }

  /** 412: an {@code If-Match} version is not current, or conditional criteria match several. */
  public static FhirProblem preconditionFailed(IssueType code, String diagnostics) {
    return new FhirProblem(412, code, diagnostics);
  }

  /** 415: the body's content type is not FHIR JSON or XML. */
  public static FhirProblem unsupportedMediaType(String diagnostics) {
    return new FhirProblem(415, IssueType.NOTSUPPORTED, diagnostics);
  }

  /** 422: the resource is well-formed but breaks the base R4 rules; the outcome says where. */
  public static FhirProblem unprocessable(OperationOutcome outcome) {
    return new FhirProblem(
        422, IssueType.PROCESSING, "the resource does not conform to FHIR R4", outcome);
  }

  public int status() {
    return status;
  }

  public IssueType code() {
    return code;
  }

  public @Nullable String diagnostics() {
    return getMessage();
  }

  /** The answer's body: the validation issues of a 422, else one error issue. */
  public OperationOutcome toOperationOutcome() {
    if (outcome != null) {
      return outcome.copy();
    }
    OperationOutcome oo = new OperationOutcome();
    oo.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics());
    return oo;
  }
}
