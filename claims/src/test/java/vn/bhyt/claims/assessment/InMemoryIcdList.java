package vn.bhyt.claims.assessment;

import java.time.LocalDate;
import java.util.Set;

/** An ICD-10 list held in a set, for tests. */
final class InMemoryIcdList implements IcdList {
  private final Set<String> codes;

  InMemoryIcdList(String... codes) {
    this.codes = Set.of(codes);
  }

  @Override
  public Answer contains(String code, LocalDate day) {
    return codes.contains(code) ? Answer.YES : Answer.NO;
  }
}
