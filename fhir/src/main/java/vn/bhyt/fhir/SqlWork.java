package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.SQLException;

/** Database work run inside one transaction by {@link FhirStore#inTransaction}. */
@FunctionalInterface
public interface SqlWork<R> {
  R run(Connection c) throws SQLException;
}
