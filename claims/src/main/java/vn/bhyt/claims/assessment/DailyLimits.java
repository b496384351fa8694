package vn.bhyt.claims.assessment;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How much of one service a patient may be charged on one day. */
@FunctionalInterface
public interface DailyLimits {

  /**
   * The most of a code a patient may get on one day, when limited.
   *
   * @param group the line's {@code MA_NHOM}, or null
   */
  Optional<BigDecimal> limit(String code, @Nullable Integer group);

  /** No limits. */
  static DailyLimits none() {
    return (code, group) -> Optional.empty();
  }
}
