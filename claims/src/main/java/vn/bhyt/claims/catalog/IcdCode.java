package vn.bhyt.claims.catalog;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One code of the ICD-10 list.
 *
 * @param code the code, upper case ({@code J18.9})
 * @param name its name, or null
 * @param validFrom the first day it is in the list, or null when it has no start
 * @param validTo the last day it is in the list, or null when it has no end
 */
public record IcdCode(
    String code,
    @Nullable String name,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo) {

  public IcdCode {
    Objects.requireNonNull(code, "code");
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "validTo: " + validTo + " (expected: on or after " + validFrom + ")");
    }
  }
}
