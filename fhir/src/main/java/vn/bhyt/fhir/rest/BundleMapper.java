package vn.bhyt.fhir.rest;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import vn.bhyt.fhir.Paging;
import vn.bhyt.fhir.SearchPage;
import vn.bhyt.fhir.SearchParams;

/**
 * The mapping of store answers to Bundles: a page of search results, the versions of a resource.
 */
final class BundleMapper {
  private BundleMapper() {}

  /**
   * A searchset with the total, {@code self}, {@code next} and {@code previous} links.
   *
   * @param filters the parameters the links carry: the search's, or a POST search's {@code
   *     _getpages}
   */
  static Bundle searchset(
      FhirExchange ex,
      String type,
      SearchParams filters,
      Paging paging,
      SearchPage page,
      Date now) {
    Bundle b = new Bundle().setType(BundleType.SEARCHSET).setTotal(page.total());
    b.getMeta().setLastUpdated(now);
    b.addLink().setRelation("self").setUrl(pageUrl(ex, type, filters, paging));
    if (paging.count() > 0 && paging.offset() + paging.count() < page.total()) {
      b.addLink().setRelation("next").setUrl(pageUrl(ex, type, filters, paging.next()));
    }
    if (paging.offset() > 0) {
      Paging previous = new Paging(Math.max(0, paging.offset() - paging.count()), paging.count());
      b.addLink().setRelation("previous").setUrl(pageUrl(ex, type, filters, previous));
    }
    for (Resource r : page.resources()) {
      b.addEntry()
          .setFullUrl(ex.url(type, r.getIdElement().getIdPart()))
          .setResource(r)
          .getSearch()
          .setMode(SearchEntryMode.MATCH);
    }
    return b;
  }

  /** A history of one resource, newest version first, each entry with its request and response. */
  static Bundle history(
      FhirExchange ex, String type, String id, List<Resource> versions, Date now) {
    Bundle b = new Bundle().setType(BundleType.HISTORY).setTotal(versions.size());
    b.getMeta().setLastUpdated(now);
    b.addLink().setRelation("self").setUrl(ex.url(type, id) + "/_history");
    for (Resource r : versions) {
      String version = r.getMeta().getVersionId();
      boolean created = "1".equals(version);
      BundleEntryComponent e = b.addEntry().setFullUrl(ex.url(type, id)).setResource(r);
      e.getRequest()
          .setMethod(created ? HTTPVerb.POST : HTTPVerb.PUT)
          .setUrl(created ? type : type + "/" + id);
      e.getResponse()
          .setStatus(created ? "201 Created" : "200 OK")
          .setEtag("W/\"" + version + "\"")
          .setLastModified(r.getMeta().getLastUpdated());
    }
    return b;
  }

  private static String pageUrl(FhirExchange ex, String type, SearchParams filters, Paging paging) {
    SearchParams p =
        filters
            .with("_count", Integer.toString(paging.count()))
            .with("_offset", Integer.toString(paging.offset()));
    String format = ex.request().query("_format");
    if (format != null) {
      p = p.with("_format", format);
    }
    return ex.base() + "/" + type + "?" + p.toQuery();
  }
}
