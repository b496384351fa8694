package vn.bhyt.verifier.check;

import java.time.OffsetDateTime;
import vn.bhyt.verifier.rules.Verdict;

/** A finished card check: its id, when it was made, and the verdict. */
public record CheckResult(String checkId, OffsetDateTime checkedAt, Verdict verdict) {}
