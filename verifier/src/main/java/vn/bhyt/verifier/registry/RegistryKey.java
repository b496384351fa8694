package vn.bhyt.verifier.registry;

/** A registry lookup: by card number (or social-insurance number) or by citizen ID. */
record RegistryKey(boolean citizen, String value) {
  static RegistryKey card(String number) {
    return new RegistryKey(false, number);
  }

  static RegistryKey citizen(String id) {
    return new RegistryKey(true, id);
  }
}
