package vn.bhyt.reference;

/** A beneficiary group (characters 1-2 of an old card number) and its usual benefit level. */
public record BeneficiaryGroup(String code, String meaning, int usualLevel) {}
