package org.tsumugi.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.tsumugi.server.schema.ServerSchema;

/**
 * The append-only, hash-chained access log the MHLW guideline asks for (who, what, when, from
 * where). Record a target by its key or path, never by patient data: the log is itself read by admins.
 */
public class AuditLog {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  /** Takes the schema so that the table exists before the first entry. */
  AuditLog(JdbcTemplate jdbc, TransactionTemplate transactions, ServerSchema schema) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * Appends an entry. Serialised in this process so that each entry links to the one before; the
   * primary key on seq refuses a second writer's fork rather than letting the chain branch.
   */
  public synchronized AuditEntry record(String actor, String action, String target, String outcome,
      String remoteAddress) {
    return transactions.execute(status -> {
      List<String[]> head = jdbc.query("select seq, hash from audit_log order by seq desc limit 1",
          (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
      long seq = head.isEmpty() ? 1 : Long.parseLong(head.get(0)[0]) + 1;
      String prev = head.isEmpty() ? AuditEntry.GENESIS : head.get(0)[1];
      // milliseconds: what every database keeps exactly, so the hash recomputes after a round trip
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String who = clip(actor == null || actor.isBlank() ? "anonymous" : actor, 100);
      String what = clip(action, 50);
      String on = clip(target, 500);
      String how = clip(outcome, 20);
      String from = clip(remoteAddress, 100);
      String hash = AuditEntry.hashOf(seq, at, who, what, on, how, from, prev);
      jdbc.update("insert into audit_log (seq, occurred_at, actor, action, target, outcome, remote_address, "
          + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at.atOffset(ZoneOffset.UTC), who, what, on,
          how, from, prev, hash);
      return new AuditEntry(seq, at, who, what, on, how, from, prev, hash);
    });
  }

  public List<AuditEntry> search(AuditQuery query) {
    StringBuilder sql = new StringBuilder("select * from audit_log where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (query.actor() != null && !query.actor().isBlank()) {
      sql.append(" and actor = ?");
      args.add(query.actor().trim());
    }
    if (query.action() != null && !query.action().isBlank()) {
      sql.append(" and action = ?");
      args.add(query.action().trim());
    }
    if (query.target() != null && !query.target().isBlank()) {
      sql.append(" and target like ?");
      args.add("%" + query.target().trim().replace("%", "") + "%");
    }
    if (query.from() != null) {
      sql.append(" and occurred_at >= ?");
      args.add(query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.to() != null) {
      sql.append(" and occurred_at < ?");
      args.add(query.to().atOffset(ZoneOffset.UTC));
    }
    sql.append(" order by seq desc limit ").append(query.limit());
    return jdbc.query(sql.toString(), AuditLog::entry, args.toArray());
  }

  /** Walks the whole chain in order of seq, streaming so a long log does not fill the memory. */
  public ChainVerification verify() {
    Walk walk = new Walk();
    jdbc.query("select * from audit_log order by seq", (RowCallbackHandler) rs -> walk.next(entry(rs, 0)));
    return walk.problem == null ? new ChainVerification(true, walk.count, null, null, walk.lastHash)
        : new ChainVerification(false, walk.count, walk.brokenAt, walk.problem, walk.lastHash);
  }

  private static final class Walk {
    long count;
    long expectedSeq = 1;
    String lastHash = AuditEntry.GENESIS;
    Long brokenAt;
    String problem;

    void next(AuditEntry entry) {
      count++;
      if (problem != null) {
        lastHash = entry.hash();
        return;
      }
      if (entry.seq() != expectedSeq) {
        fail(expectedSeq, "entries " + expectedSeq + " to " + (entry.seq() - 1) + " are missing");
      } else if (!entry.prevHash().equals(lastHash)) {
        fail(entry.seq(), "entry " + entry.seq() + " does not link to the entry before it");
      } else if (!entry.expectedHash().equals(entry.hash())) {
        fail(entry.seq(), "entry " + entry.seq() + " was altered after it was written");
      }
      expectedSeq = entry.seq() + 1;
      lastHash = entry.hash();
    }

    private void fail(long seq, String what) {
      brokenAt = seq;
      problem = what;
    }
  }

  private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
        rs.getString("remote_address"), rs.getString("prev_hash").trim(), rs.getString("hash").trim());
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
