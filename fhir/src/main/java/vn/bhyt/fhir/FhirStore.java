package vn.bhyt.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import vn.bhyt.fhir.ResourceCodec.Stamped;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.persistence.SqlWork;
import vn.bhyt.persistence.Statements;
import vn.bhyt.persistence.Transactions;

/**
 * The FHIR R4 resource store: resources as JSON in MariaDB with every version kept, search indexes
 * for the parameters of {@link SearchCatalog}, and conditional creates that never duplicate.
 *
 * <p>Methods that take a {@link Connection} run in the caller's transaction (the caller commits or
 * rolls back), so that several resources can be written atomically; the others open their own. The
 * store sets ids, {@code meta.versionId} and {@code meta.lastUpdated}, and returns stored copies:
 * it never changes the resources it is given. An update of an unknown id creates the resource with
 * that id (FHIR's update as create). Nothing is ever deleted. References must name a contained
 * resource or a stored resource of a type their element allows ({@link References}).
 */
public final class FhirStore {
  private static final ZoneId FACILITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** How long a cached current version may lag a write made by another process. */
  public static final Duration CACHE_TTL = VersionCache.TTL;

  private final DataSource ds;
  private final Transactions transactions;
  private final ResourceCodec codec;
  private final VersionCache versions;
  private final ResourceWriter writer;
  private final ConditionalCreator conditionals;
  private final References references;
  private final ZoneId zone;
  private final Clock clock;

  /** A store whose dates without a time zone are in Vietnam's time. */
  public FhirStore(DataSource ds, FhirContext ctx) {
    this(ds, ctx, FACILITY_ZONE);
  }

  /**
   * A store.
   *
   * @param zone the zone of dates without one, for date search
   */
  public FhirStore(DataSource ds, FhirContext ctx, ZoneId zone) {
    this(ds, ctx, Clock.system(zone));
  }

  /**
   * A store whose versions are stamped by a clock.
   *
   * @param clock the time of each version; its zone is the zone of dates without one
   */
  public FhirStore(DataSource ds, FhirContext ctx, Clock clock) {
    this.ds = ds;
    this.transactions = Transactions.on(ds);
    this.codec = new ResourceCodec(ctx);
    this.versions = new VersionCache(ds);
    this.writer = new ResourceWriter(codec, versions, clock);
    this.conditionals = new ConditionalCreator(ds, codec, writer);
    this.references = new References(ctx);
    this.zone = clock.getZone();
    this.clock = clock;
  }

  /** The clock that stamps versions, for the times answers carry. */
  public Clock clock() {
    return clock;
  }

  public FhirContext context() {
    return codec.context();
  }

  /**
   * Stores a new resource with a new id at version 1 (the id it has is ignored).
   *
   * @throws FhirProblem 422 when a reference names no stored resource of a type its element allows
   */
  public <T extends Resource> T create(Connection c, T resource) throws SQLException {
    return create(c, List.of(resource)).get(0);
  }

  /**
   * Stores new resources, each with a new id at version 1, in one round trip to the database (the
   * ids they have are ignored). They may refer to each other.
   *
   * @throws FhirProblem 422 when a reference names no stored resource of a type its element allows
   */
  public <T extends Resource> List<T> create(Connection c, List<T> resources) throws SQLException {
    Instant at = writer.now();
    List<Stamped<T>> stamped = new ArrayList<>();
    for (T resource : resources) {
      stamped.add(writer.stamp(resource, ResourceIds.next(at), 1, at));
    }
    return insert(c, stamped);
  }

  /** Writes stamped new resources after checking their references; a key held by another is 409. */
  private <T extends Resource> List<T> insert(Connection c, List<Stamped<T>> stamped)
      throws SQLException {
    List<T> written = stamped.stream().map(Stamped::resource).toList();
    references.check(c, written);
    try {
      return writer.insert(c, stamped);
    } catch (SQLException e) {
      throw BusinessKeys.conflict(c, e, written).orElseThrow(() -> e);
    }
  }

  /**
   * Stores a new resource unless resources of its type match a search ({@code
   * identifier=https://example|123}); when one does, answers it instead. Concurrent calls with the
   * same type and criteria create one resource and all answer it, whatever their transactions.
   *
   * @throws FhirProblem 400 for bad criteria, 412 when they match more than one resource, 422 when
   *     a reference names no stored resource of a type its element allows
   */
  public <T extends Resource> Created<T> createIfNoneExist(
      Connection c, T resource, String criteria) throws SQLException {
    Criteria parsed = Criteria.parse(resource.fhirType(), criteria, zone);
    references.check(c, List.of(resource));
    return conditionals.createIfNoneExist(c, resource, parsed);
  }

  /** A new resource id, for resources of one {@link #createAll} that refer to each other. */
  public String newId() {
    return ResourceIds.next(writer.now());
  }

  /**
   * The search of a conditional create, read once for {@link #matches} and {@link #createAll}.
   *
   * @param criteria as for {@link #createIfNoneExist}
   * @throws FhirProblem 400 for bad criteria
   */
  public Conditional conditional(String type, String criteria) {
    return new Conditional(Criteria.parse(type, criteria, zone));
  }

  /** A conditional create's search criteria for a type, from {@link #conditional}. */
  public static final class Conditional {
    private final Criteria criteria;

    private Conditional(Criteria criteria) {
      this.criteria = criteria;
    }

    public String type() {
      return criteria.type();
    }

    Criteria criteria() {
      return criteria;
    }
  }

  /** A resource for {@link #createAll}: with the search of a conditional create, or null. */
  public record Creation(Resource resource, @Nullable Conditional conditional) {}

  /**
   * The resource each conditional create's criteria match: its id, or empty when none matches. All
   * criteria are searched in one round trip, outside any transaction. What matches nothing can then
   * be created by {@link #createAll} with its criteria.
   *
   * @throws FhirProblem 412 when criteria match more than one resource
   */
  public List<Optional<String>> matches(List<Conditional> conditions) throws SQLException {
    return conditionals.matches(conditions);
  }

  /**
   * Creates resources atomically in one round trip: the transaction is begun, written and committed
   * by one multi-statement request. Each resource keeps the id it has ({@link #newId}), so that
   * they can refer to each other. Those with a conditional create's search claim its criteria as
   * {@link #createIfNoneExist} does: they are created only if no other transaction has created a
   * resource for the same criteria.
   *
   * <p>The form and the target types of their references are checked; that the resources they name
   * outside the call exist is the caller's to know (it found or created them).
   *
   * @throws ClaimTaken when another transaction has created a resource for criteria given here
   *     since they were searched ({@link #matches}); nothing is written, and a new search finds it
   * @throws FhirProblem 422 for a reference of a form or type its element does not allow
   */
  public List<Resource> createAll(List<Creation> creations) throws SQLException {
    references.checkTypes(creations.stream().map(Creation::resource).toList());
    return conditionals.createAll(creations);
  }

  /**
   * Another transaction created a resource for the criteria of a conditional create in {@link
   * #createAll} after they were searched. Like a deadlock, it asks for the work to be run again.
   */
  public static final class ClaimTaken extends SQLTransactionRollbackException {
    private static final long serialVersionUID = 1L;

    ClaimTaken(SQLException cause) {
      super("a concurrent transaction created a resource for the same criteria", cause);
    }
  }

  /**
   * Runs work, again after a short random pause when the database rolled its transaction back as a
   * deadlock victim or a conditional create's claim was taken ({@link ClaimTaken}), up to five
   * times in all. The work must have no effects outside its transactions.
   */
  public static <R> R retried(Blocking<R> work) throws SQLException {
    return Transactions.retried(work);
  }

  /**
   * Stores a new version of a resource (its id says which), or creates it with that id when it does
   * not exist yet. The answer is at version 1 when it was created.
   *
   * @param expectedVersion the version the caller changed ({@code If-Match}), or null for any
   * @throws FhirProblem 400 without a valid id, 412 when the expected version is not current, 422
   *     when a reference names no stored resource of a type its element allows
   */
  public <T extends Resource> T update(Connection c, T resource, @Nullable Integer expectedVersion)
      throws SQLException {
    String type = resource.fhirType();
    String id = resource.getIdElement().getIdPart();
    if (!ResourceIds.valid(id)) {
      throw FhirProblem.badRequest("an update needs a valid resource id");
    }
    OptionalInt current = ResourceRows.lockVersion(c, type, id);
    if (current.isEmpty() && expectedVersion == null) {
      return insert(c, List.of(writer.stamp(resource, id, 1, writer.now()))).get(0);
    }
    if (current.isEmpty() || (expectedVersion != null && expectedVersion != current.getAsInt())) {
      throw FhirProblem.preconditionFailed(
          IssueType.CONFLICT,
          "version " + expectedVersion + " is not the current version of this " + type);
    }
    int version = current.getAsInt() + 1;
    Instant at = writer.now();
    Stamped<T> stamped = writer.stamp(resource, id, version, at);
    T stored = stamped.resource();
    references.check(c, List.of(stored));
    versions.written(type, id);
    Statements rows = new Statements();
    BusinessKeys.delete(rows, type, id);
    BusinessKeys.insert(rows, List.of(stored));
    ResourceRows.update(rows, type, id, version, at, stamped.json().json());
    IndexRows.delete(rows, type, id);
    new IndexRows().add(type, id, IndexEntries.of(stored, zone)).insertInto(rows);
    try {
      rows.execute(c);
    } catch (SQLException e) {
      throw BusinessKeys.conflict(c, e, List.of(stored)).orElseThrow(() -> e);
    }
    ConditionalCreates.review(c, type, id, zone);
    return stored;
  }

  /** The current version of a resource. */
  public Optional<Resource> read(String type, String id) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return read(c, type, id);
    }
  }

  /** The current version of a resource, as the caller's transaction sees it. */
  public Optional<Resource> read(Connection c, String type, String id) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return Optional.empty();
    }
    return ResourceRows.current(c, type, id, false).map(codec::parse);
  }

  /**
   * The current version of a resource for a change: its row is locked until the caller's
   * transaction ends, so that of two concurrent read-modify-writes the second reads what the first
   * wrote (the latest committed version), never a version that is no longer current.
   */
  public Optional<Resource> readForUpdate(Connection c, String type, String id)
      throws SQLException {
    if (!ResourceIds.valid(id) || ResourceRows.lockVersion(c, type, id).isEmpty()) {
      return Optional.empty();
    }
    return ResourceRows.current(c, type, id, true).map(codec::parse);
  }

  /** One version of a resource. */
  public Optional<Resource> vread(String type, String id, int version) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return Optional.empty();
    }
    try (Connection c = ds.getConnection()) {
      return ResourceRows.version(c, type, id, version).map(codec::parse);
    }
  }

  /** Every version of a resource, newest first; empty when it does not exist. */
  public List<Resource> history(String type, String id) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return List.of();
    }
    try (Connection c = ds.getConnection()) {
      return ResourceRows.history(c, type, id).stream().map(codec::parse).toList();
    }
  }

  /**
   * One page of the resources of a type matching a search, ordered by id, with the number of all
   * matches; count and page come from one snapshot.
   *
   * @param params filter parameters only: {@code _count} and {@code _offset} go in {@code paging}
   * @throws FhirProblem 400 for unknown parameters, unsupported modifiers and bad values
   */
  public SearchPage search(String type, SearchParams params, Paging paging) throws SQLException {
    SearchQuery query = SearchQuery.compile(type, params, zone);
    return inTransaction(c -> search(c, query, paging));
  }

  /** A search in the caller's transaction. */
  public SearchPage search(Connection c, String type, SearchParams params, Paging paging)
      throws SQLException {
    return search(c, SearchQuery.compile(type, params, zone), paging);
  }

  /**
   * Runs work in one transaction on a connection of its own ({@link Transactions}): commits when it
   * returns, rolls back when it throws. A transaction the database chose as a deadlock victim is
   * run again, up to five times in all, after a short random pause; the work must therefore have no
   * effects outside it. Versions written are dropped from the cache as they are written and again
   * once the transaction has ended.
   */
  public <R> R inTransaction(SqlWork<R> work) throws SQLException {
    return versions.tracking(() -> transactions.run(work));
  }

  /**
   * The current version of a resource as stored, from a cache of recently read versions: never
   * older than what this process committed; a version written by another process on the same
   * database shows within {@link #CACHE_TTL}.
   */
  public Optional<StoredJson> currentJson(String type, String id) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return Optional.empty();
    }
    return versions.current(type, id);
  }

  /** The current version of a resource when the cache has it: no database, never blocks. */
  public Optional<StoredJson> cachedJson(String type, String id) {
    return versions.cached(type, id);
  }

  private SearchPage search(Connection c, SearchQuery query, Paging paging) throws SQLException {
    int total;
    try (PreparedStatement ps = query.count().prepare(c);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      total = rs.getInt(1);
    }
    List<Resource> page = new ArrayList<>();
    if (paging.count() > 0 && paging.offset() < total) {
      try (PreparedStatement ps = query.page(paging).prepare(c);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(codec.parse(rs.getString(1)));
        }
      }
    }
    return new SearchPage(page, total);
  }
}
