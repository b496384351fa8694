package vn.bhyt.claims.store;

import java.time.Instant;
import java.time.LocalDateTime;
import vn.bhyt.claims.assessment.AssessmentStatus;

/** A claim as lists show it: its key, current version and status, visit and last change. */
public record ClaimSummary(
    String id,
    String facility,
    String maLk,
    int version,
    AssessmentStatus status,
    LocalDateTime visitStart,
    LocalDateTime visitEnd,
    String department,
    Instant updatedAt) {}
