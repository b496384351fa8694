package vn.bhyt.auth;

import java.util.Set;

/** The holder of a token: its name (a desk, a system) and its role. */
public record Principal(String name, Role role) {
  /** Whether the role is one of those allowed; admin always is. */
  public boolean mayUse(Set<Role> allowed) {
    return role == Role.ADMIN || allowed.contains(role);
  }
}
