package org.tsumugi.server.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.schema.ServerSchema;

/** The notification table: each person reads only their own. */
public class Notifications {
  private final JdbcTemplate jdbc;

  /** Takes the schema so that the table exists before the first notice. */
  Notifications(JdbcTemplate jdbc, ServerSchema schema) {
    this.jdbc = jdbc;
  }

  public void add(String recipient, String code, String message, Long processInstanceKey, String patientId) {
    jdbc.update("insert into notification (recipient, code, message, process_instance_key, patient_id, created_at) "
        + "values (?, ?, ?, ?, ?, ?)", recipient, code, message, processInstanceKey, patientId,
        Instant.now().atOffset(ZoneOffset.UTC));
  }

  /** The newest first. */
  public List<Notification> of(String recipient, int limit) {
    return jdbc.query("select * from notification where recipient = ? order by id desc limit " + limit,
        Notifications::row, recipient);
  }

  public int unread(String recipient) {
    Integer count = jdbc.queryForObject("select count(*) from notification where recipient = ? and read_at is null",
        Integer.class, recipient);
    return count == null ? 0 : count;
  }

  public void markRead(String recipient) {
    jdbc.update("update notification set read_at = ? where recipient = ? and read_at is null",
        Instant.now().atOffset(ZoneOffset.UTC), recipient);
  }

  private static Notification row(ResultSet rs, int n) throws SQLException {
    long key = rs.getLong("process_instance_key");
    Long instance = rs.wasNull() ? null : key;
    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
    return new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("code"),
        rs.getString("message"), instance, rs.getString("patient_id"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
  }
}
