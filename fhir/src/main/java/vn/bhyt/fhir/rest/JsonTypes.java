package vn.bhyt.fhir.rest;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types of a FHIR JSON resource checked against HAPI's element definitions: strings where
 * the element is a string-like primitive, numbers for integers and decimals, booleans for booleans,
 * objects for complex types and resources, arrays exactly where the element repeats, and no element
 * that its type does not have.
 *
 * <p>HAPI's JSON parser reads every scalar as text and tells its error handler of no scalar of the
 * wrong JSON type ({@code "family": 1} becomes {@code "1"}), so this is checked before it parses.
 * Findings name the element's path and the JSON types, never its value.
 */
final class JsonTypes {
  private static final int MAX_FINDINGS = 20;
  private static final Set<String> NUMBERS =
      Set.of("integer", "integer64", "positiveInt", "unsignedInt", "decimal");

  private final FhirContext ctx;
  private final List<Finding> findings = new ArrayList<>();

  /** A mismatch: the element's path ({@code Patient.name[0].family}) and what is wrong. */
  record Finding(String path, String problem) {}

  private JsonTypes(FhirContext ctx) {
    this.ctx = ctx;
  }

  /** The mismatches of a resource, at most twenty. */
  static List<Finding> check(FhirContext ctx, JsonNode resource) {
    JsonTypes check = new JsonTypes(ctx);
    check.resource(resource, "");
    return check.findings;
  }

  private void resource(JsonNode node, String path) {
    JsonNode type = node.get("resourceType");
    if (type == null || !type.isTextual() || !ctx.getResourceTypes().contains(type.asText())) {
      add(path.isEmpty() ? "resourceType" : path, "is not a FHIR R4 resource type");
      return;
    }
    String here = path.isEmpty() ? type.asText() : path;
    composite(ctx.getResourceDefinition(type.asText()), node, here);
  }

  private void composite(BaseRuntimeElementCompositeDefinition<?> def, JsonNode node, String path) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      String at = path + "." + name;
      if (name.equals("resourceType") || name.equals("fhir_comments")) {
        continue;
      }
      if (name.startsWith("_") && name.length() > 1) {
        primitiveExtras(value, at);
      } else if (name.equals("extension") || name.equals("modifierExtension")) {
        repeated(extension(), value, at);
      } else {
        BaseRuntimeChildDefinition child = def.getChildByName(name);
        BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(name);
        if (element == null) {
          add(at, "is not an element of " + def.getName());
        } else if (child.getMax() == 1) {
          if (value.isArray()) {
            add(at, "repeats no more than once: expected a single value, found an array");
          } else {
            value(element, value, at);
          }
        } else {
          repeated(element, value, at);
        }
      }
      if (findings.size() >= MAX_FINDINGS) {
        return;
      }
    }
  }

  private void repeated(BaseRuntimeElementDefinition<?> element, JsonNode value, String at) {
    if (!value.isArray()) {
      add(at, "repeats: expected an array, found " + kind(value));
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isNull() || !isPrimitive(element)) {
        value(element, item, at + "[" + i + "]");
      }
    }
  }

  private void value(BaseRuntimeElementDefinition<?> def, JsonNode value, String at) {
    switch (def.getChildType()) {
      case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> {
        String expected = expectedScalar(def.getName());
        if (!kind(value).equals(expected)) {
          add(
              at,
              "is a FHIR "
                  + def.getName()
                  + ": expected a JSON "
                  + expected
                  + ", found "
                  + kind(value));
        }
      }
      case RESOURCE, CONTAINED_RESOURCES, CONTAINED_RESOURCE_LIST -> {
        if (value.isObject()) {
          resource(value, at);
        } else {
          add(at, "is a resource: expected a JSON object, found " + kind(value));
        }
      }
      default -> {
        if (!value.isObject()) {
          add(at, "is a FHIR " + def.getName() + ": expected a JSON object, found " + kind(value));
        } else if (def instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
          composite(composite, value, at);
        }
      }
    }
  }

  /** {@code _name}: the id and extensions of a primitive (or of each, in an array). */
  private void primitiveExtras(JsonNode value, String at) {
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        if (!value.get(i).isNull()) {
          primitiveExtras(value.get(i), at + "[" + i + "]");
        }
      }
    } else if (!value.isObject()) {
      add(
          at,
          "holds a primitive's id and extensions: expected a JSON object, found " + kind(value));
    } else {
      composite(extension(), value, at);
    }
  }

  private BaseRuntimeElementCompositeDefinition<?> extension() {
    return (BaseRuntimeElementCompositeDefinition<?>) ctx.getElementDefinition("Extension");
  }

  private static boolean isPrimitive(BaseRuntimeElementDefinition<?> def) {
    return switch (def.getChildType()) {
      case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> true;
      default -> false;
    };
  }

  private static String expectedScalar(String fhirType) {
    if (fhirType.equals("boolean")) {
      return "boolean";
    }
    return NUMBERS.contains(fhirType) ? "number" : "string";
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NULL -> "null";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private void add(String path, String problem) {
    if (findings.size() < MAX_FINDINGS) {
      findings.add(new Finding(path, problem));
    }
  }
}
