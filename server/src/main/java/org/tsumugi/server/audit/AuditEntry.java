package org.tsumugi.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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
    StringBuilder canonical = new StringBuilder();
    for (String field : new String[] {Long.toString(seq), Long.toString(occurredAt.toEpochMilli()), actor, action,
        target, outcome, remoteAddress, prevHash}) {
      String value = field == null ? "" : field;
      canonical.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  String expectedHash() {
    return hashOf(seq, occurredAt, actor, action, target, outcome, remoteAddress, prevHash);
  }
}
