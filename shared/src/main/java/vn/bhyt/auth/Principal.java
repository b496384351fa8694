package vn.bhyt.auth;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The holder of a token: its name (a desk, a system), its role, and for a reception token, where it
 * was created with one, the clerk who checks cards with it.
 *
 * @param clerkName the clerk's full name, or null
 * @param clerkCitizenId the clerk's 12-digit citizen ID, or null
 */
public record Principal(
    String name, Role role, @Nullable String clerkName, @Nullable String clerkCitizenId) {

  /** A token without a clerk. */
  public Principal(String name, Role role) {
    this(name, role, null, null);
  }

  /** Whether the role is one of those allowed; admin always is. */
  public boolean mayUse(Set<Role> allowed) {
    return role == Role.ADMIN || allowed.contains(role);
  }

  /** The clerk's citizen ID stays out of logs. */
  @Override
  public String toString() {
    return "Principal[" + name + ", " + role.code() + (clerkName == null ? "" : ", clerk") + "]";
  }
}
