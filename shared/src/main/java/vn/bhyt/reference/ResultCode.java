package vn.bhyt.reference;

/** One of the fund's 3-digit result codes, with the outcome it stands for. */
public record ResultCode(String code, String outcome, String meaning) {}
