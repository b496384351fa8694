package vn.bhyt.persistence;

/**
 * A module's part of the database: the tables its migrations make, in a location of its own ({@code
 * db/migration/{name}}) and recorded in a history table of its own ({@code schema_history_{name}}),
 * so that modules number their migrations without regard to each other. Each module that has tables
 * provides one through {@link java.util.ServiceLoader}; no module's tables refer to another's.
 */
public interface Schema {

  /** The module's name: lower-case letters. */
  String name();

  /** Where the module's migrations are. */
  default String location() {
    return "classpath:db/migration/" + name();
  }

  /** The table that records which of the module's migrations have run. */
  default String historyTable() {
    return "schema_history_" + name();
  }
}
