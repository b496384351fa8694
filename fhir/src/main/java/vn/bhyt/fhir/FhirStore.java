package vn.bhyt.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.persistence.Blocking;
import vn.bhyt.persistence.DatabaseException;
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
 * that id (FHIR's update as create). Nothing is ever deleted.
 */
public final class FhirStore {
  private static final ZoneId FACILITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
  private static final int CLAIM_ATTEMPTS = 3;
  private static final JsonFactory PLAIN_JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** How long a cached current version may lag a write made by another process. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(10);

  private final Cache<String, StoredJson> currents =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(CACHE_TTL).build();
  private final ThreadLocal<List<String>> writing = new ThreadLocal<>();
  private final DataSource ds;
  private final Transactions transactions;
  private final FhirContext ctx;
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
    this.ctx = ctx;
    this.zone = clock.getZone();
    this.clock = clock;
  }

  public FhirContext context() {
    return ctx;
  }

  /** Stores a new resource with a new id at version 1 (the id it has is ignored). */
  public <T extends Resource> T create(Connection c, T resource) throws SQLException {
    return insert(c, resource, ResourceIds.next());
  }

  /**
   * Stores new resources, each with a new id at version 1, in one round trip to the database (the
   * ids they have are ignored).
   */
  public <T extends Resource> List<T> create(Connection c, List<T> resources) throws SQLException {
    Instant at = now();
    List<Stamped<T>> stamped = new ArrayList<>();
    for (T resource : resources) {
      stamped.add(stamp(resource, ResourceIds.next(), 1, at));
    }
    return insert(c, stamped);
  }

  /**
   * Stores a new resource unless resources of its type match a search ({@code
   * identifier=https://example|123}); when one does, answers it instead. Concurrent calls with the
   * same type and criteria create one resource and all answer it, whatever their transactions.
   *
   * @throws FhirProblem 400 for bad criteria, 412 when they match more than one resource
   */
  public <T extends Resource> Created<T> createIfNoneExist(
      Connection c, T resource, String criteria) throws SQLException {
    String type = resource.fhirType();
    Criteria parsed = Criteria.parse(type, criteria, zone);
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      Optional<String> match = onlyMatch(c, parsed.query(), type);
      if (match.isPresent()) {
        return new Created<>(same(resource, current(c, type, match.get(), false)), false);
      }
      Instant at = now();
      String id = ResourceIds.next();
      Stamped<T> stamped = stamp(resource, id, 1, at);
      Statements rows = new Statements();
      ConditionalCreates.claim(rows, parsed, id, at);
      insertRows(rows, List.of(stamped));
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
          throw e;
        }
        if (holder.isPresent()) {
          return new Created<>(same(resource, current(c, type, holder.get(), true)), false);
        }
      }
    }
    throw FhirProblem.conflict("concurrent changes kept the conditional create from completing");
  }

  /** A new resource id, for resources of one {@link #createAll} that refer to each other. */
  public static String newId() {
    return ResourceIds.next();
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
  }

  /** A resource for {@link #createAll}: with the search of a conditional create, or null. */
  public record Creation(Resource resource, Conditional conditional) {}

  /**
   * The resource each conditional create's criteria match: its id, or empty when none matches. All
   * criteria are searched in one round trip, outside any transaction. What matches nothing can then
   * be created by {@link #createAll} with its criteria.
   *
   * @throws FhirProblem 412 when criteria match more than one resource
   */
  public List<Optional<String>> matches(List<Conditional> conditions) throws SQLException {
    Statements queries = new Statements();
    for (Conditional condition : conditions) {
      queries.add(condition.criteria.query().firstAndLast());
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

  /**
   * Creates resources atomically in one round trip: the transaction is begun, written and committed
   * by one multi-statement request. Each resource keeps the id it has ({@link #newId}), so that
   * they can refer to each other. Those with a conditional create's search claim its criteria as
   * {@link #createIfNoneExist} does: they are created only if no other transaction has created a
   * resource for the same criteria.
   *
   * @throws ClaimTaken when another transaction has created a resource for criteria given here
   *     since they were searched ({@link #matches}); nothing is written, and a new search finds it
   */
  public List<Resource> createAll(List<Creation> creations) throws SQLException {
    Instant at = now();
    List<Stamped<Resource>> stamped = new ArrayList<>();
    List<Criteria> claims = new ArrayList<>();
    List<String> claimants = new ArrayList<>();
    for (Creation creation : creations) {
      Resource resource = creation.resource();
      String id = resource.getIdElement().getIdPart();
      if (!ResourceIds.valid(id)) {
        throw new IllegalArgumentException(resource.fhirType() + " without an id from newId()");
      }
      stamped.add(stamp(resource, id, 1, at));
      Conditional conditional = creation.conditional();
      if (conditional != null) {
        if (!conditional.type().equals(resource.fhirType())) {
          throw new IllegalArgumentException(
              "a " + resource.fhirType() + " created on " + conditional.type() + " criteria");
        }
        claims.add(conditional.criteria);
        claimants.add(id);
      }
    }
    Statements rows = new Statements().add("START TRANSACTION");
    if (!claims.isEmpty()) {
      ConditionalCreates.claim(rows, claims, claimants, at);
    }
    insertRows(rows, stamped);
    rows.add("COMMIT");
    try (Connection c = ds.getConnection()) {
      try {
        rows.execute(c);
      } catch (SQLException e) {
        rollBack(c, e);
        if (ConditionalCreates.isTaken(e) && takenByOthers(c, claims, claimants)) {
          throw new ClaimTaken(e);
        }
        throw e;
      }
    }
    return stamped.stream().map(Stamped::resource).toList();
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
   * Stores a new version of a resource (its id says which), or creates it with that id when it does
   * not exist yet. The answer is at version 1 when it was created.
   *
   * @param expectedVersion the version the caller changed ({@code If-Match}), or null for any
   * @throws FhirProblem 400 without a valid id, 412 when the expected version is not current
   */
  public <T extends Resource> T update(Connection c, T resource, Integer expectedVersion)
      throws SQLException {
    String type = resource.fhirType();
    String id = resource.getIdElement().getIdPart();
    if (!ResourceIds.valid(id)) {
      throw FhirProblem.badRequest("an update needs a valid resource id");
    }
    OptionalInt current = ResourceRows.lockVersion(c, type, id);
    if (current.isEmpty() && expectedVersion == null) {
      return insert(c, resource, id);
    }
    if (current.isEmpty() || expectedVersion != null && expectedVersion != current.getAsInt()) {
      throw FhirProblem.preconditionFailed(
          IssueType.CONFLICT,
          "version " + expectedVersion + " is not the current version of this " + type);
    }
    int version = current.getAsInt() + 1;
    Instant at = now();
    Stamped<T> stamped = stamp(resource, id, version, at);
    T stored = stamped.resource();
    written(type, id);
    Statements rows = new Statements();
    ResourceRows.update(rows, type, id, version, at, stamped.json().json());
    IndexRows.delete(rows, type, id);
    new IndexRows().add(type, id, IndexEntries.of(stored, zone)).insertInto(rows);
    rows.execute(c);
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
    return ResourceRows.current(c, type, id, false).map(this::parse);
  }

  /** One version of a resource. */
  public Optional<Resource> vread(String type, String id, int version) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return Optional.empty();
    }
    try (Connection c = ds.getConnection()) {
      return ResourceRows.version(c, type, id, version).map(this::parse);
    }
  }

  /** Every version of a resource, newest first; empty when it does not exist. */
  public List<Resource> history(String type, String id) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return List.of();
    }
    try (Connection c = ds.getConnection()) {
      return ResourceRows.history(c, type, id).stream().map(this::parse).toList();
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
    List<String> written = new ArrayList<>();
    writing.set(written);
    try {
      return transactions.run(work);
    } finally {
      writing.remove();
      currents.invalidateAll(written);
    }
  }

  /**
   * The current version of a resource as stored, from a cache of recently read versions.
   *
   * <p>The cache holds what this store committed: a write drops its entry when it is made and again
   * once its transaction ends, so a read never sees an older version than this process wrote. A
   * version written by another process on the same database shows within {@link #CACHE_TTL}.
   */
  public Optional<StoredJson> currentJson(String type, String id) throws SQLException {
    if (!ResourceIds.valid(id)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(currents.get(type + "/" + id, k -> load(type, id)));
    } catch (DatabaseException e) {
      throw e.getCause();
    }
  }

  /** The current version of a resource when the cache has it: no database, never blocks. */
  public Optional<StoredJson> cachedJson(String type, String id) {
    return Optional.ofNullable(currents.getIfPresent(type + "/" + id));
  }

  /** Reads inside the cache's computation, so that a write's invalidation waits for it. */
  private StoredJson load(String type, String id) {
    try (Connection c = ds.getConnection()) {
      return ResourceRows.currentStored(c, type, id).orElse(null);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  private void written(String type, String id) {
    String key = type + "/" + id;
    currents.invalidate(key);
    List<String> keys = writing.get();
    if (keys != null) {
      keys.add(key);
    }
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
          page.add(parse(rs.getString(1)));
        }
      }
    }
    return new SearchPage(page, total);
  }

  /**
   * The one resource a conditional create's criteria match, or empty.
   *
   * @throws FhirProblem 412 when they match several
   */
  private static Optional<String> onlyMatch(Connection c, SearchQuery query, String type)
      throws SQLException {
    try (PreparedStatement ps = query.firstAndLast().prepare(c);
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

  private String current(Connection c, String type, String id, boolean latest) throws SQLException {
    return ResourceRows.current(c, type, id, latest)
        .orElseThrow(() -> new IllegalStateException(type + "/" + id + " has no current version"));
  }

  private <T extends Resource> T insert(Connection c, T resource, String id) throws SQLException {
    return insert(c, List.of(stamp(resource, id, 1, now()))).get(0);
  }

  private <T extends Resource> List<T> insert(Connection c, List<Stamped<T>> stamped)
      throws SQLException {
    Statements rows = new Statements();
    insertRows(rows, stamped);
    rows.execute(c);
    return stamped.stream().map(Stamped::resource).toList();
  }

  /** Adds the rows of new resources: their versions and index entries. */
  private void insertRows(Statements rows, List<? extends Stamped<?>> created) {
    List<StoredJson> versions = new ArrayList<>();
    IndexRows index = new IndexRows();
    for (Stamped<?> s : created) {
      StoredJson v = s.json();
      written(v.type(), v.id());
      versions.add(v);
      index.add(v.type(), v.id(), IndexEntries.of(s.resource(), zone));
    }
    ResourceRows.insert(rows, versions);
    index.insertInto(rows);
  }

  /**
   * The resource as stored: a copy with id and meta, and its JSON. References to in-memory
   * resources are stored as their ids; the copy keeps them as given.
   */
  private <T extends Resource> Stamped<T> stamp(T resource, String id, int version, Instant at) {
    @SuppressWarnings("unchecked")
    T copy = (T) resource.copy();
    String v = Integer.toString(version);
    copy.setId(new IdType(copy.fhirType(), id, v));
    copy.getMeta().setVersionId(v);
    copy.getMeta()
        .setLastUpdatedElement(new InstantType(Date.from(at), TemporalPrecisionEnum.MILLI, UTC));
    String json = encode(copy);
    return new Stamped<>(copy, new StoredJson(copy.fhirType(), id, version, at, json));
  }

  /**
   * HAPI's JSON encoding of a resource, written by a generator without an object mapper: HAPI's own
   * hands every value to Jackson's {@code ObjectMapper}, which writes strings, numbers and booleans
   * as the generator does, only slower.
   */
  private String encode(Resource resource) {
    StringWriter out = new StringWriter(2_048);
    try {
      JacksonWriter writer = new JacksonWriter(PLAIN_JSON, out);
      ((IJsonLikeParser) ctx.newJsonParser()).encodeResourceToJsonLikeWriter(resource, writer);
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private record Stamped<T extends Resource>(T resource, StoredJson json) {}

  private <T extends Resource> T same(T like, String body) {
    @SuppressWarnings("unchecked")
    Class<T> cls = (Class<T>) like.getClass();
    return withVersionedId(ctx.newJsonParser().parseResource(cls, body));
  }

  private Resource parse(String body) {
    return withVersionedId((Resource) ctx.newJsonParser().parseResource(body));
  }

  private static <T extends Resource> T withVersionedId(T r) {
    r.setId(new IdType(r.fhirType(), r.getIdElement().getIdPart(), r.getMeta().getVersionId()));
    return r;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
