package vn.bhyt.visits;

import java.util.Map;
import vn.bhyt.verifier.api.CheckAnswer;

/**
 * A visit opened at reception: its id (the Encounter's), the card check's answer and the resources
 * written, as {@code Type/id} references.
 */
public record CheckIn(String visitId, CheckAnswer check, Map<String, String> resources) {}
