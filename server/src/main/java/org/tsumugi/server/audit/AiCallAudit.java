package org.tsumugi.server.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.referral.ai.AiAudit;
import org.tsumugi.server.schema.ServerSchema;

/**
 * The referral AI calls in the server's audit: the masked request and answer go to the ai_call table
 * (too long for an audit entry), and an entry in the hash-chained audit log carries the record's
 * SHA-256, so changing or removing a recorded prompt or answer shows against the chain. Both are
 * written in one transaction; when they cannot be, the call does not count (the caller falls back).
 */
public class AiCallAudit implements AiAudit {
  static final String ACTOR = "referral-ai";
  static final String ACTION = "AI_CALL";
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;

  AiCallAudit(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, ServerSchema schema) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
  }

  @Override
  public void record(long processInstanceKey, String maskedRequest, String maskedAnswer, String outcome) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String hash = hash(processInstanceKey, at, outcome, maskedRequest, maskedAnswer);
    transactions.executeWithoutResult(status -> {
      GeneratedKeyHolder key = new GeneratedKeyHolder();
      jdbc.update(connection -> {
        var insert = connection.prepareStatement("insert into ai_call (process_instance_key, occurred_at, outcome, "
            + "masked_request, masked_answer, sha256) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
        insert.setLong(1, processInstanceKey);
        insert.setObject(2, at.atOffset(ZoneOffset.UTC));
        insert.setString(3, clip(outcome, 200));
        insert.setString(4, maskedRequest);
        insert.setString(5, maskedAnswer);
        insert.setString(6, hash);
        return insert;
      }, key);
      audit.record(ACTOR, ACTION, target(key.getKey().longValue(), processInstanceKey, hash),
          clip(outcome.split("[: ]", 2)[0], 20), null);
    });
  }

  /** The ids of recorded calls whose stored text no longer matches the hash the audit chain holds for them. */
  public List<Long> altered() {
    Map<Long, String> chained = new java.util.HashMap<>();
    jdbc.query("select target from audit_log where action = ?", rs -> {
      String[] parts = rs.getString(1).split(" ");
      chained.put(Long.parseLong(parts[0].substring("ai_call:".length())), parts[2].substring("sha256:".length()));
    }, ACTION);
    return jdbc.query("select * from ai_call order by id", (rs, n) -> {
      long id = rs.getLong("id");
      String recomputed = hash(rs.getLong("process_instance_key"),
          rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("outcome"),
          rs.getString("masked_request"), rs.getString("masked_answer"));
      return recomputed.equals(chained.get(id)) ? null : id;
    }).stream().filter(java.util.Objects::nonNull).toList();
  }

  static String target(long id, long processInstanceKey, String hash) {
    return "ai_call:" + id + " instance:" + processInstanceKey + " sha256:" + hash;
  }

  static String hash(long processInstanceKey, Instant at, String outcome, String request, String answer) {
    return FieldHash.of(Long.toString(processInstanceKey), Long.toString(at.toEpochMilli()), clip(outcome, 200),
        request, answer);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
