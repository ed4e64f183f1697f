package org.tsumugi.server.audit;

import java.time.Instant;

/** Search criteria; null means any. Newest first, at most limit entries. */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to, int limit) {

  public AuditQuery {
    limit = limit <= 0 ? 100 : Math.min(limit, 1000);
  }
}
