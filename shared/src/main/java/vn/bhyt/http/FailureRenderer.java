package vn.bhyt.http;

import vn.bhyt.problem.ProblemException;

/**
 * A writer of failure answers for the routes under one path prefix, for protocols with an error
 * format of their own (FHIR's OperationOutcome) instead of problem documents.
 *
 * <p>It gets the problem the kernel would have answered (no route, wrong method, missing token,
 * wrong role, a failed handler) and the request. Like a problem's detail, what it writes never
 * holds patient data.
 */
@FunctionalInterface
public interface FailureRenderer {
  Response render(ProblemException problem, Request request);
}
