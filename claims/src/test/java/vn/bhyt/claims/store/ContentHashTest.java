package vn.bhyt.claims.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bhyt.claims.claim.ClaimDossier;
import vn.bhyt.claims.claim.ClaimDossiers;
import vn.bhyt.claims.claim.VerbatimTable;

class ContentHashTest {
  private final ClaimDossier visit = ClaimDossiers.aVisit().seed(5).withLines(4).build();

  private static ClaimDossier withTables(ClaimDossier d, List<VerbatimTable> tables) {
    return new ClaimDossier(d.format(), d.facilityCode(), d.index(), d.tables(), tables);
  }

  @Test
  void theSameTablesWrappedOrUnpaddedHashTheSame() {
    List<VerbatimTable> wrapped =
        visit.verbatim().stream()
            .map(
                t ->
                    new VerbatimTable(
                        t.name(), t.base64().replaceAll("(.{76})", "$1\r\n").replace("=", "")))
            .toList();
    assertThat(ContentHash.of(withTables(visit, wrapped))).isEqualTo(ContentHash.of(visit));
    assertThat(ContentHash.of(visit)).hasSize(32);
  }

  @Test
  void anyChangedFieldOrTableOrderChangesTheHash() {
    ClaimDossier changed =
        ClaimDossiers.aVisit().seed(5).withLines(4).with("XML1", 1, "CAN_NANG", "1").build();
    assertThat(ContentHash.of(changed)).isNotEqualTo(ContentHash.of(visit));
    List<VerbatimTable> reversed = new java.util.ArrayList<>(visit.verbatim());
    java.util.Collections.reverse(reversed);
    assertThat(ContentHash.of(withTables(visit, reversed))).isNotEqualTo(ContentHash.of(visit));
  }

  @Test
  void aDossierWithoutTablesAsReceivedHashesItsParsedTables() {
    ClaimDossier parsed = ClaimDossiers.aVisit().seed(5).withLines(4).withoutVerbatim().build();
    assertThat(ContentHash.of(parsed)).isEqualTo(ContentHash.of(parsed)).hasSize(32);
  }
}
