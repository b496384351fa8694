package vn.bhyt.fhir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.fhir.ResourceCodec.Stamped;
import vn.bhyt.persistence.Statements;

/**
 * The protocol of conditional creates: a new resource claims its criteria in {@link
 * ConditionalCreates}' table in the transaction that writes it, so that concurrent creates for the
 * same criteria make one resource whatever their transactions, and the losers answer the winner's.
 */
final class ConditionalCreator {
  private static final int CLAIM_ATTEMPTS = 3;

  private final DataSource ds;
  private final ResourceCodec codec;
  private final ResourceWriter writer;

  ConditionalCreator(DataSource ds, ResourceCodec codec, ResourceWriter writer) {
    this.ds = ds;
    this.codec = codec;
    this.writer = writer;
  }

  /** See {@link FhirStore#createIfNoneExist}. */
  <T extends Resource> Created<T> createIfNoneExist(Connection c, T resource, Criteria parsed)
      throws SQLException {
    String type = resource.fhirType();
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      Optional<String> match = onlyMatch(c, parsed, type);
      if (match.isPresent()) {
        return new Created<>(
            codec.parseLike(resource, writer.current(c, type, match.get(), false)), false);
      }
      Instant at = writer.now();
      String id = ResourceIds.next(at);
      Stamped<T> stamped = writer.stamp(resource, id, 1, at);
      Statements rows = new Statements();
      ConditionalCreates.claim(rows, parsed, id, at);
      writer.insertRows(rows, List.of(stamped));
      try {
        rows.execute(c);
        return new Created<>(stamped.resource(), true);
      } catch (SQLException e) {
        if (!ConditionalCreates.isTaken(e)) {
          throw e;
        }
        // the claim goes first: when it holds, a later row failed and the holder is this id
        Optional<String> holder = ConditionalCreates.holder(c, parsed);
        if (holder.isPresent() && holder.get().equals(id)) {
          Optional<FhirProblem> held = BusinessKeys.conflict(c, e, List.of(stamped.resource()));
          if (held.isPresent()) {
            throw held.get();
          }
          throw e;
        }
        if (holder.isPresent()) {
          return new Created<>(
              codec.parseLike(resource, writer.current(c, type, holder.get(), true)), false);
        }
      }
    }
    throw FhirProblem.conflict("concurrent changes kept the conditional create from completing");
  }

  /** See {@link FhirStore#matches}. */
  List<Optional<String>> matches(List<FhirStore.Conditional> conditions) throws SQLException {
    Statements queries = new Statements();
    for (FhirStore.Conditional condition : conditions) {
      queries.add(condition.criteria().firstAndLast());
    }
    try (Connection c = ds.getConnection()) {
      List<String[]> bounds =
          queries.queryRows(c, rs -> new String[] {rs.getString(1), rs.getString(2)});
      List<Optional<String>> found = new ArrayList<>();
      for (int i = 0; i < bounds.size(); i++) {
        found.add(only(bounds.get(i), conditions.get(i).type()));
      }
      return found;
    }
  }

  /** See {@link FhirStore#createAll}. */
  List<Resource> createAll(List<FhirStore.Creation> creations) throws SQLException {
    Instant at = writer.now();
    List<Stamped<Resource>> stamped = new ArrayList<>();
    List<Criteria> claims = new ArrayList<>();
    List<String> claimants = new ArrayList<>();
    for (FhirStore.Creation creation : creations) {
      Resource resource = creation.resource();
      String id = resource.getIdElement().getIdPart();
      if (!ResourceIds.valid(id)) {
        throw new IllegalArgumentException(resource.fhirType() + " without an id from newId()");
      }
      stamped.add(writer.stamp(resource, id, 1, at));
      FhirStore.Conditional conditional = creation.conditional();
      if (conditional != null) {
        if (!conditional.type().equals(resource.fhirType())) {
          throw new IllegalArgumentException(
              "a " + resource.fhirType() + " created on " + conditional.type() + " criteria");
        }
        claims.add(conditional.criteria());
        claimants.add(id);
      }
    }
    Statements rows = new Statements().add("START TRANSACTION");
    if (!claims.isEmpty()) {
      ConditionalCreates.claim(rows, claims, claimants, at);
    }
    writer.insertRows(rows, stamped);
    rows.add("COMMIT");
    try (Connection c = ds.getConnection()) {
      try {
        rows.execute(c);
      } catch (SQLException e) {
        rollBack(c, e);
        if (ConditionalCreates.isTaken(e)
            && (takenByOthers(c, claims, claimants)
                || BusinessKeys.conflict(c, e, stampedResources(stamped)).isPresent())) {
          throw new FhirStore.ClaimTaken(e);
        }
        throw e;
      }
    }
    return stamped.stream().map(Stamped::resource).toList();
  }

  private static List<Resource> stampedResources(List<Stamped<Resource>> stamped) {
    return stamped.stream().map(Stamped::resource).toList();
  }

  private static void rollBack(Connection c, SQLException failure) {
    try (var statement = c.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Whether some criteria are held by resources other than those these calls were to create. */
  private static boolean takenByOthers(Connection c, List<Criteria> claims, List<String> ids)
      throws SQLException {
    for (int i = 0; i < claims.size(); i++) {
      Optional<String> holder = ConditionalCreates.holder(c, claims.get(i));
      if (holder.isPresent() && !holder.get().equals(ids.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one resource a conditional create's criteria match, or empty.
   *
   * @throws FhirProblem 412 when they match several
   */
  private static Optional<String> onlyMatch(Connection c, Criteria criteria, String type)
      throws SQLException {
    try (PreparedStatement ps = criteria.firstAndLast().prepare(c);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return only(new String[] {rs.getString(1), rs.getString(2)}, type);
    }
  }

  /** The match of a search's least and greatest matching id. */
  private static Optional<String> only(String[] firstAndLast, String type) {
    String first = firstAndLast[0];
    if (first != null && !first.equals(firstAndLast[1])) {
      throw FhirProblem.preconditionFailed(
          IssueType.MULTIPLEMATCHES, "the conditional create's criteria match several " + type);
    }
    return Optional.ofNullable(first);
  }
}
