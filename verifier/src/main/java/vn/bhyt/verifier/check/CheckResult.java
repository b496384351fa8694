package vn.bhyt.verifier.check;

import java.time.OffsetDateTime;
import vn.bhyt.verifier.rules.Verdict;

/** A finished card check: its id, when it was made, the verdict, and the receipt that proves it. */
public record CheckResult(
    String checkId, OffsetDateTime checkedAt, Verdict verdict, String receipt) {}
