package vn.bhyt.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** One page of a search's results and the number of all matches. */
public record SearchPage(List<Resource> resources, int total) {
  public SearchPage {
    resources = List.copyOf(resources);
  }
}
