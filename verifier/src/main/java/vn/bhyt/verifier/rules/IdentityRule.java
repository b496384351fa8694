package vn.bhyt.verifier.rules;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Compares the name and birth date presented with the registry's. */
final class IdentityRule {
  private IdentityRule() {}

  static void check(Evidence evidence, @Nullable RegistryEntry entry, Consumer<Finding> out) {
    if (entry == null) {
      return;
    }
    String name = evidence.name();
    if (name != null && entry.name() != null && !Names.same(name, entry.name())) {
      out.accept(Finding.of(FindingCode.NAME_MISMATCH));
    }
    var birth = evidence.birthDate();
    if (birth != null && entry.birthDate() != null && !birth.sameAs(entry.birthDate())) {
      out.accept(Finding.of(FindingCode.BIRTH_DATE_MISMATCH));
    }
    if (name == null || birth == null) {
      out.accept(Finding.of(FindingCode.IDENTITY_NOT_CHECKED));
    }
  }
}
