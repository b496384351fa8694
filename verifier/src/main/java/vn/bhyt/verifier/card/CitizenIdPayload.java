package vn.bhyt.verifier.card;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.bhyt.domain.PartialDate;
import vn.bhyt.domain.Sex;

/**
 * The QR code of a chip citizen-ID card (CCCD): it identifies a person, not an insurance card.
 *
 * @param citizenId the 12-digit citizen ID
 * @param oldId the 9-digit identity-card number it replaced, or null
 */
public record CitizenIdPayload(
    String citizenId,
    @Nullable String oldId,
    @Nullable String name,
    @Nullable PartialDate birthDate,
    @Nullable Sex sex,
    @Nullable String address,
    @Nullable LocalDate issuedOn)
    implements Scan {}
