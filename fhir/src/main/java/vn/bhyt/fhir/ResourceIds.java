package vn.bhyt.fhir;

import java.time.Instant;
import java.util.regex.Pattern;
import vn.bhyt.domain.Ulids;

/** Logical ids of stored resources: ULIDs, within FHIR's {@code [A-Za-z0-9-.]{1,64}}. */
public final class ResourceIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private ResourceIds() {}

  /** A new id, made at an instant (ids sort by the time they were made). */
  public static String next(Instant at) {
    return Ulids.next(at);
  }

  /** Whether a text is a valid FHIR logical id. */
  public static boolean valid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
