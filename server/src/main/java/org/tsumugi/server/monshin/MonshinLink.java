package org.tsumugi.server.monshin;

/**
 * An issued link as staff see it: no token (only its hash is stored) and no patient data beyond the
 * reception id the clinic already uses at its desk. Times are epoch milliseconds.
 */
public record MonshinLink(long id, Kind kind, String receptionId, String label, String createdBy, long createdAt,
    long expiresAt, Long usedAt, Long revokedAt, String revokedBy, int submissions) {

  /** VISIT: bound to one reception, used once. CLINIC: reusable, a fresh reception per submission. */
  public enum Kind { VISIT, CLINIC }

  /** Why a link does not open the questionnaire now, or null when it does. */
  public Refusal refusal(long now) {
    if (revokedAt != null) {
      return Refusal.REVOKED;
    }
    if (now >= expiresAt) {
      return Refusal.EXPIRED;
    }
    if (kind == Kind.VISIT && usedAt != null) {
      return Refusal.USED;
    }
    return null;
  }

  public boolean open(long now) {
    return refusal(now) == null;
  }

  /** The reasons a patient is turned away; each has its own page text. */
  public enum Refusal { UNKNOWN, REVOKED, EXPIRED, USED }
}
