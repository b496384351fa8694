package vn.bhyt.visits;

import java.util.Map;
import vn.bhyt.verifier.api.CheckAnswer;

/**
 * A visit opened at reception: its id (the Encounter's), the card check's answer and the resources
 * written, as {@code Type/id} references.
 *
 * @param opened true when this check-in opened the visit; false when the HIS visit key named one
 *     opened before (a repeated check-in), whose resources are given and nothing was written
 */
public record CheckIn(
    String visitId, CheckAnswer check, Map<String, String> resources, boolean opened) {}
