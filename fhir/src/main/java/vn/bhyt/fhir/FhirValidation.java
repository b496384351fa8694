package vn.bhyt.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * The gateway's FHIR R4 validator against the base R4 definitions, with terminology in memory and
 * common code systems (languages, UCUM, MIME types). Building it takes seconds, so it is built
 * once, on first use; it is thread-safe.
 */
public final class FhirValidation {
  private static volatile boolean loaded;

  private FhirValidation() {}

  /** Whether the validator is built and loaded, so that validating takes milliseconds. */
  public static boolean isLoaded() {
    return loaded;
  }

  /** The validator. */
  public static FhirValidator r4() {
    return Holder.VALIDATOR;
  }

  /** Validates a resource: the outcome lists every issue (an information issue when none). */
  public static OperationOutcome validate(IBaseResource resource) {
    ValidationResult result = r4().validateWithResult(resource);
    return (OperationOutcome) result.toOperationOutcome();
  }

  /** Whether an outcome holds an error or a fatal issue. */
  public static boolean hasErrors(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .anyMatch(
            i ->
                i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                    || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
  }

  private static final class Holder {
    static final FhirValidator VALIDATOR = loaded(build(FhirContexts.r4()));

    private static FhirValidator build(FhirContext ctx) {
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(ctx),
              new CommonCodeSystemsTerminologyService(ctx),
              new InMemoryTerminologyServerValidationSupport(ctx),
              new SnapshotGeneratingValidationSupport(ctx));
      FhirValidator validator = ctx.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
      return validator;
    }

    private static FhirValidator loaded(FhirValidator validator) {
      validator.validateWithResult(new Patient().setActive(true));
      FhirValidation.loaded = true;
      return validator;
    }
  }
}
