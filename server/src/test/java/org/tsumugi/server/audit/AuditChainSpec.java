package org.tsumugi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.TsumugiApplication;

/**
 * The audit log's hash chain shows an entry altered or deleted straight in the database, by someone
 * who went around the application.
 */
@SpringBootTest(classes = TsumugiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:audit-chain;DB_CLOSE_DELAY=-1",
        "tsumugi.deploy.folders=target/no-models", "tsumugi.security.initial-admin-password=audit-admin-password"})
class AuditChainSpec {
  @Autowired
  AuditLog audit;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void anAlteredAndThenADeletedEntryBreakTheChainWhereTheyHappened() {
    long first = audit.record("nurse1", "VIEW", "/v2/process-instances/1", "200", "10.0.0.5").seq();
    for (int i = 2; i <= 5; i++) {
      audit.record("nurse1", "VIEW", "/v2/process-instances/" + i, "200", "10.0.0.5");
    }
    AuditLogSnapshot snapshot = new AuditLogSnapshot(jdbc);
    ChainVerification intact = audit.verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.entries()).isGreaterThanOrEqualTo(5);

    long altered = first + 2;
    jdbc.update("update audit_log set actor = 'someone-else' where seq = ?", altered);
    ChainVerification afterAlteration = audit.verify();
    assertThat(afterAlteration.intact()).isFalse();
    assertThat(afterAlteration.brokenAtSeq()).isEqualTo(altered);
    assertThat(afterAlteration.problem()).contains("altered");
    jdbc.update("update audit_log set actor = 'nurse1' where seq = ?", altered);
    assertThat(audit.verify().intact()).as("put back as it was").isTrue();

    Map<String, Object> deleted = jdbc.queryForMap("select * from audit_log where seq = ?", first + 1);
    jdbc.update("delete from audit_log where seq = ?", first + 1);
    ChainVerification afterDeletion = audit.verify();
    assertThat(afterDeletion.intact()).isFalse();
    assertThat(afterDeletion.brokenAtSeq()).isEqualTo(first + 1);
    assertThat(afterDeletion.problem()).contains("missing");

    jdbc.update("insert into audit_log (seq, occurred_at, actor, action, target, outcome, remote_address, prev_hash, "
        + "hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", deleted.get("SEQ"), deleted.get("OCCURRED_AT"),
        deleted.get("ACTOR"), deleted.get("ACTION"), "/v2/process-instances/999", deleted.get("OUTCOME"),
        deleted.get("REMOTE_ADDRESS"), deleted.get("PREV_HASH"), deleted.get("HASH"));
    assertThat(audit.verify().problem()).as("a forged replacement").contains("altered");
    snapshot.restore();
  }

  @Test
  void aRecomputedHashOnAnAlteredEntryStillBreaksTheLinkToTheNext() {
    AuditEntry entry = audit.record("clerk1", "VIEW", "/v2/variables/7", "200", "10.0.0.6");
    audit.record("clerk1", "VIEW", "/v2/variables/8", "200", "10.0.0.6");
    AuditLogSnapshot snapshot = new AuditLogSnapshot(jdbc);
    String forgedHash = AuditEntry.hashOf(entry.seq(), entry.occurredAt(), "clerk1", "VIEW", "/v2/variables/9",
        "200", "10.0.0.6", entry.prevHash());
    jdbc.update("update audit_log set target = '/v2/variables/9', hash = ? where seq = ?", forgedHash, entry.seq());
    ChainVerification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenAtSeq()).isEqualTo(entry.seq() + 1);
    assertThat(result.problem()).contains("does not link");
    snapshot.restore();
    assertThat(audit.verify().intact()).isTrue();
  }

  /** The whole table, to put back after a test tampered with it. */
  record AuditLogSnapshot(JdbcTemplate jdbc, java.util.List<Map<String, Object>> rows) {
    AuditLogSnapshot(JdbcTemplate jdbc) {
      this(jdbc, jdbc.queryForList("select * from audit_log"));
    }

    void restore() {
      jdbc.update("delete from audit_log");
      for (Map<String, Object> row : rows) {
        jdbc.update("insert into audit_log (seq, occurred_at, actor, action, target, outcome, remote_address, "
            + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("SEQ"), row.get("OCCURRED_AT"),
            row.get("ACTOR"), row.get("ACTION"), row.get("TARGET"), row.get("OUTCOME"), row.get("REMOTE_ADDRESS"),
            row.get("PREV_HASH"), row.get("HASH"));
      }
    }
  }
}
