package vn.bhyt.claims.store;

import java.time.Instant;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.assessment.AssessmentStatus;

/** A claim as lists show it: its key, current version and status, visit and last change. */
public record ClaimSummary(
    String id,
    String facility,
    String maLk,
    int version,
    AssessmentStatus status,
    @Nullable LocalDateTime visitStart,
    @Nullable LocalDateTime visitEnd,
    @Nullable String department,
    Instant updatedAt) {}
