package vn.bhyt.persistence;

/** The kernel's tables: the installation's key and the API tokens. */
public final class SharedSchema implements Schema {
  @Override
  public String name() {
    return "shared";
  }
}
