package vn.bhyt.config;

/** A configuration value that masks itself when printed. */
public record Secret(String value) {
  public Secret {
    value = value == null ? "" : value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : "****";
  }
}
