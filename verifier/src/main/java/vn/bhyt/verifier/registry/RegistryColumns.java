package vn.bhyt.verifier.registry;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.bhyt.csv.UpsertTable;
import vn.bhyt.domain.CardNumber;
import vn.bhyt.domain.FacilityCode;
import vn.bhyt.domain.LivingArea;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;
import vn.bhyt.verifier.rules.CardStatus;
import vn.bhyt.verifier.rules.RegistryEntry;

/** The {@code registry_card} columns and their mapping to {@link RegistryEntry}. */
final class RegistryColumns {
  static final String LIST =
      "card_number, ssn, citizen_id, name, birth_date, sex, address, registered_facility,"
          + " valid_from, valid_to, issued_on, status, replaced_by, five_years_from, living_area,"
          + " benefit_level, group_code";
  static final int COUNT = 17;

  /** The columns of {@link #LIST}, in order. */
  static final List<String> NAMES = List.of(LIST.split(",\\s*"));

  /** {@link #LIST} and when the row was last confirmed, as {@link #read} takes them. */
  static final String READ = LIST + ", GREATEST(changed_at, COALESCE(fund_checked_at, changed_at))";

  private RegistryColumns() {}

  static RegistryEntry read(ResultSet rs) throws SQLException {
    String birth = rs.getString(5);
    String sex = rs.getString(6);
    String facility = rs.getString(8);
    String status = rs.getString(12);
    String area = rs.getString(15);
    int level = rs.getInt(16);
    return new RegistryEntry(
        new CardNumber(rs.getString(1)),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        birth == null ? null : PartialDate.parse(birth),
        sex == null ? null : Sex.parse(sex),
        rs.getString(7),
        facility == null ? null : new FacilityCode(facility),
        date(rs, 9),
        date(rs, 10),
        date(rs, 11),
        status == null ? null : CardStatus.parse(status),
        rs.getString(13),
        date(rs, 14),
        area == null ? null : LivingArea.parse(area),
        rs.wasNull() ? null : level,
        rs.getString(17),
        rs.getTimestamp(18).toInstant());
  }

  /** Binds an entry's 17 values starting at a parameter index; returns the next index. */
  static int bind(PreparedStatement ps, int at, RegistryEntry e) throws SQLException {
    int i = at;
    ps.setString(i++, e.cardNumber().value());
    ps.setString(i++, e.ssn());
    ps.setString(i++, e.citizenId());
    ps.setString(i++, e.name());
    ps.setString(i++, e.birthDate() == null ? null : e.birthDate().toString());
    ps.setString(i++, e.sex() == null ? null : e.sex().code());
    ps.setString(i++, e.address());
    ps.setString(i++, e.registeredFacility() == null ? null : e.registeredFacility().value());
    UpsertTable.setDate(ps, i++, e.validFrom());
    UpsertTable.setDate(ps, i++, e.validTo());
    UpsertTable.setDate(ps, i++, e.issuedOn());
    ps.setString(i++, e.status() == null ? null : e.status().code());
    ps.setString(i++, e.replacedBy());
    UpsertTable.setDate(ps, i++, e.fiveYearsFrom());
    ps.setString(i++, e.livingArea() == null ? null : e.livingArea().name());
    if (e.benefitLevel() == null) {
      ps.setNull(i++, Types.TINYINT);
    } else {
      ps.setInt(i++, e.benefitLevel());
    }
    ps.setString(i++, e.groupCode());
    return i;
  }

  private static @Nullable LocalDate date(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
