package vn.bhyt.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildResourceDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The references of resources to be written, checked before they are: each names a contained
 * resource ({@code #id}), or a resource of this store as {@code Type/id} (optionally {@code
 * /_history/n}) whose type the element allows (HAPI's target types of the element, from the R4
 * structures) and which is stored or written with it. Absolute URLs, other paths and types the
 * element does not allow are refused; a reference with only an identifier or a display is kept.
 *
 * <p>Refusals are 422 issues that name the element's path and the expected types, never the
 * reference itself, whose id may be a card number.
 */
final class References {
  private static final Pattern LOCAL =
      Pattern.compile("([A-Z][A-Za-z]{1,63})/([A-Za-z0-9\\-.]{1,64})(/_history/[1-9][0-9]{0,8})?");
  private static final Set<String> ANY =
      Set.of("IBaseResource", "IAnyResource", "Resource", "DomainResource");

  private final FhirContext ctx;

  References(FhirContext ctx) {
    this.ctx = ctx;
  }

  /** A reference to a stored resource: where it is, its target, the target's allowed types. */
  private record Local(String path, String type, String id) {}

  /**
   * Checks the references of resources written together (their ids set): references among them are
   * fine, others must name stored resources.
   *
   * @throws FhirProblem 422 naming every element whose reference cannot be resolved
   */
  void check(Connection c, Collection<? extends Resource> written) throws SQLException {
    List<Local> locals = new ArrayList<>();
    OperationOutcome refused = new OperationOutcome();
    Set<String> together = new HashSet<>();
    for (Resource r : written) {
      together.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }
    for (Resource r : written) {
      collect(r, locals, refused);
    }
    List<Local> elsewhere = new ArrayList<>();
    for (Local l : locals) {
      if (!together.contains(l.type() + "/" + l.id())) {
        elsewhere.add(l);
      }
    }
    Set<String> stored = stored(c, elsewhere);
    for (Local l : elsewhere) {
      if (!stored.contains(l.type() + "/" + l.id())) {
        refuse(refused, l.path(), "refers to no " + l.type() + " stored here");
      }
    }
    if (refused.hasIssue()) {
      throw FhirProblem.unprocessable(refused);
    }
  }

  /** Checks the form and the types of references only: for resources whose targets are known. */
  void checkTypes(Collection<? extends Resource> written) {
    OperationOutcome refused = new OperationOutcome();
    for (Resource r : written) {
      collect(r, new ArrayList<>(), refused);
    }
    if (refused.hasIssue()) {
      throw FhirProblem.unprocessable(refused);
    }
  }

  private void collect(Resource resource, List<Local> locals, OperationOutcome refused) {
    ctx.newTerser()
        .visit(
            resource,
            (IBase element,
                List<IBase> containing,
                List<BaseRuntimeChildDefinition> children,
                List<BaseRuntimeElementDefinition<?>> elements) -> {
              if (element instanceof Reference ref) {
                classify(ref, path(resource, children), allowed(children), locals, refused);
              }
              return true;
            });
  }

  private void classify(
      Reference ref,
      String path,
      @Nullable Set<String> allowed,
      List<Local> locals,
      OperationOutcome refused) {
    String target = target(ref);
    if (target == null || target.startsWith("#")) {
      return;
    }
    Matcher m = LOCAL.matcher(target);
    if (!m.matches() || !ctx.getResourceTypes().contains(m.group(1))) {
      refuse(
          refused,
          path,
          "is not a reference this server can resolve: expected Type/id of a resource stored here"
              + " or #id of a contained one");
    } else if (allowed != null && !allowed.contains(m.group(1))) {
      refuse(refused, path, "may refer to " + String.join(", ", allowed) + " only");
    } else if (!ResourceIds.valid(m.group(2))) {
      refuse(refused, path, "refers to an id that is not a valid FHIR id");
    } else {
      locals.add(new Local(path, m.group(1), m.group(2)));
    }
  }

  /** The reference as it is encoded: its text, or the id of the resource it holds in memory. */
  private static @Nullable String target(Reference ref) {
    if (ref.hasReference()) {
      return ref.getReference();
    }
    IBaseResource held = ref.getResource();
    if (held == null || held.getIdElement().isEmpty()) {
      return null;
    }
    String id = held.getIdElement().getValue();
    if (id.startsWith("#") || held.getIdElement().hasResourceType()) {
      return id;
    }
    return ctx(held) + "/" + id;
  }

  private static String ctx(IBaseResource held) {
    return held instanceof Resource r ? r.fhirType() : "";
  }

  /** The types a reference element allows, or null for any. */
  private static @Nullable Set<String> allowed(List<BaseRuntimeChildDefinition> children) {
    if (children.isEmpty()
        || !(children.get(children.size() - 1) instanceof RuntimeChildResourceDefinition child)) {
      return null;
    }
    Set<String> types = new java.util.TreeSet<>();
    for (Class<? extends IBaseResource> type : child.getResourceTypes()) {
      if (ANY.contains(type.getSimpleName())) {
        return null;
      }
      types.add(type.getSimpleName());
    }
    return types.isEmpty() ? null : types;
  }

  private static String path(Resource resource, List<BaseRuntimeChildDefinition> children) {
    StringBuilder b = new StringBuilder(resource.fhirType());
    for (BaseRuntimeChildDefinition child : children) {
      b.append('.').append(child.getElementName());
    }
    return b.toString();
  }

  private static void refuse(OperationOutcome oo, String path, String problem) {
    oo.addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.PROCESSING)
        .setDiagnostics(path + " " + problem)
        .addExpression(path);
  }

  /** Which of the targets are stored, as {@code Type/id}: one query. */
  private static Set<String> stored(Connection c, List<Local> targets) throws SQLException {
    Set<String> found = new HashSet<>();
    if (targets.isEmpty()) {
      return found;
    }
    StringBuilder sql = new StringBuilder("SELECT res_type, res_id FROM fhir_resource WHERE ");
    for (int i = 0; i < targets.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("(res_type = ? AND res_id = ?)");
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (Local l : targets) {
        ps.setString(p++, l.type());
        ps.setString(p++, l.id());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1) + "/" + rs.getString(2));
        }
      }
    }
    return found;
  }
}
