package org.tsumugi.server.audit;

import java.time.Instant;

/**
 * One audit record: who did what to which target, when, from where, and how it ended. Its hash
 * covers every field and the previous entry's hash, so changing or removing any entry breaks the chain.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
    String remoteAddress, String prevHash, String hash) {

  static final String GENESIS = "0".repeat(64);

  /** Length-prefixed fields: no choice of content can make two different entries hash alike. */
  static String hashOf(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
      String remoteAddress, String prevHash) {
    return FieldHash.of(Long.toString(seq), Long.toString(occurredAt.toEpochMilli()), actor, action, target, outcome,
        remoteAddress, prevHash);
  }

  String expectedHash() {
    return hashOf(seq, occurredAt, actor, action, target, outcome, remoteAddress, prevHash);
  }
}
