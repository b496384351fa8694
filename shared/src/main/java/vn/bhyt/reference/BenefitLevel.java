package vn.bhyt.reference;

/** A benefit level (character 3 of an old card number) and the share the fund pays on it. */
public record BenefitLevel(
    int level, int fundPercent, boolean capsApply, boolean transportPaid, boolean outOfScopePaid) {}
