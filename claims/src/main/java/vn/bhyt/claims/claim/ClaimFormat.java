package vn.bhyt.claims.claim;

/** The claim file formats the gateway accepts. */
public enum ClaimFormat {
  /** Decision 130/QĐ-BYT (2023, amended by 4750 and 3176): hospital and insured prices apart. */
  QD130,
  /** Decision 4210/QĐ-BYT (2017): {@code MA_THE}, one price per line. */
  QD4210
}
