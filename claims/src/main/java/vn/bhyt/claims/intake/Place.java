package vn.bhyt.claims.intake;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.bhyt.claims.intake.ClaimParseException.Reason;

/**
 * Where in an envelope a problem lies: the dossier (from 1; 0 for the envelope itself) and the
 * table. Table names are repeated in messages only when they look like one ({@code XML3}), so that
 * a message never carries arbitrary file content.
 */
record Place(int dossier, @Nullable String table) {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,20}");
  static final Place ENVELOPE = new Place(0, null);

  static Place dossier(int index) {
    return new Place(index, null);
  }

  Place table(String name) {
    return new Place(dossier, name);
  }

  ClaimParseException error(Reason reason, String what) {
    return new ClaimParseException(reason, dossier, safeTable(), what + where());
  }

  private @Nullable String safeTable() {
    return table != null && TABLE_NAME.matcher(table).matches() ? table : null;
  }

  private String where() {
    if (dossier == 0) {
      return "";
    }
    String name = safeTable();
    return table == null
        ? " (dossier " + dossier + ")"
        : " (dossier "
            + dossier
            + ", table "
            + (name == null ? "of an unreadable type" : name)
            + ")";
  }
}
