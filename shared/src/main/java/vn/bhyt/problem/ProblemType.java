package vn.bhyt.problem;

/**
 * Every problem the gateway answers with, each with a stable code, an HTTP status and a title.
 *
 * <p>Codes never change meaning and are never reused; the README's error catalogue lists them all.
 */
public enum ProblemType {
  NOT_FOUND("GEN-0001", 404, "No such resource"),
  METHOD_NOT_ALLOWED("GEN-0002", 405, "Method not allowed on this resource"),
  BODY_TOO_LARGE("GEN-0003", 413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE("GEN-0004", 415, "Unsupported content type"),
  MALFORMED_REQUEST("GEN-0005", 400, "Malformed HTTP request"),
  INTERNAL_ERROR("GEN-0006", 500, "Internal error"),
  UNAVAILABLE("GEN-0007", 503, "Service temporarily unavailable"),
  BAD_PARAMETER("GEN-0008", 400, "Invalid query parameter"),
  URI_TOO_LONG("GEN-0009", 414, "Request URI too long"),
  HEADERS_TOO_LARGE("GEN-0010", 431, "Request header fields too large"),
  TOKEN_MISSING("AUTH-0001", 401, "Bearer token required"),
  TOKEN_UNKNOWN("AUTH-0002", 401, "Unknown or revoked token"),
  ROLE_FORBIDDEN("AUTH-0003", 403, "The token's role may not use this endpoint"),
  EMPTY_BODY("VER-0001", 400, "Empty request body"),
  MALFORMED_JSON("VER-0002", 400, "Body is not valid JSON"),
  INVALID_JSON_FIELDS("VER-0003", 400, "JSON body does not match the request's fields"),
  INVALID_TEXT("VER-0004", 400, "Text body is not valid UTF-8"),
  UNREADABLE_IMAGE("VER-0005", 400, "Body is not a readable PNG or JPEG image"),
  NO_QR_CODE("VER-0006", 422, "No QR code found in the image"),
  NOT_A_CARD("VER-0007", 422, "Not a health insurance card payload"),
  CITIZEN_ID_UNKNOWN("VER-0008", 422, "Citizen ID matches no card in the registry"),
  IMAGE_TOO_LARGE("VER-0009", 422, "Image dimensions too large"),
  CHECK_NOT_FOUND("VER-0010", 404, "No such card check"),
  VISIT_CARD_INVALID("VIS-0001", 422, "The card is not valid for this visit"),
  VISIT_NOT_FOUND("VIS-0002", 404, "No such visit"),
  VISIT_FINISHED("VIS-0003", 409, "The visit is already finished"),
  VISIT_WITHOUT_SSN(
      "VIS-0004", 422, "The card has no social-insurance number to key the patient by"),
  INVALID_VISIT_FIELDS("VIS-0005", 400, "Visit fields are not valid"),
  VISIT_KEY_TAKEN("VIS-0006", 409, "The HIS visit key names another patient's visit"),
  CLAIM_NOT_XML("CLM-0001", 400, "Claim body is not well-formed UTF-8 XML"),
  CLAIM_TRUNCATED("CLM-0002", 400, "Claim XML ends before its root element closes"),
  CLAIM_DOCTYPE("CLM-0003", 400, "Claim XML carries a DOCTYPE, which is refused"),
  CLAIM_NOT_ENVELOPE("CLM-0004", 422, "Not a claim envelope (XML 130 or 4210)"),
  CLAIM_BAD_BASE64("CLM-0005", 422, "A claim table's content is not valid base64"),
  CLAIM_WITHOUT_SUMMARY("CLM-0006", 422, "A claim dossier has no XML1 summary table"),
  CLAIM_WITHOUT_KEY("CLM-0007", 422, "A claim dossier's XML1 summary has no MA_LK"),
  CLAIM_TOO_LARGE("CLM-0008", 413, "A claim table, its rows or a text exceed the limits"),
  CLAIM_TABLE_MALFORMED("CLM-0009", 422, "A claim table's inner XML is malformed"),
  CLAIM_DUPLICATE_TABLE("CLM-0010", 422, "A claim dossier has the same table twice"),
  CLAIM_FORWARDED(
      "CLM-0011", 409, "The claim was forwarded to the fund; only a correction may change it"),
  CLAIM_NOT_FOUND("CLM-0012", 404, "No such claim"),
  CLAIM_UNKEYABLE("CLM-0013", 422, "A claim dossier cannot be keyed by its facility and MA_LK"),
  CLAIM_NOT_STORABLE(
      "CLM-0014", 422, "A claim dossier holds a value larger than the claim store keeps"),
  CLAIM_NOT_RETRYABLE("CLM-0015", 409, "Only a dead or refused claim is sent again");

  private final String code;
  private final int status;
  private final String title;

  ProblemType(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem's type URI. */
  public String uri() {
    return "urn:bhyt-gateway:problem:" + code;
  }
}
