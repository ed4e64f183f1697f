package org.tsumugi.engine.state;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes and reads the rows of {@link MessageBuffer}: buffered messages and message start locks. */
final class MessageStore {
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  /** For its JSON conversions. */
  private final StateStore store;

  MessageStore(JdbcTemplate jdbc, StateStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /** Writes the messages and locks among a batch's changed entities; called inside its transaction. */
  void write(Collection<Entity> dirty) {
    List<Object[]> newMessages = new ArrayList<>();
    List<Object[]> changedMessages = new ArrayList<>();
    List<Object[]> expiredMessages = new ArrayList<>();
    List<Object[]> newLocks = new ArrayList<>();
    List<Object[]> releasedLocks = new ArrayList<>();
    for (Entity entity : dirty) {
      if (entity instanceof BufferedMessage m) {
        if (m.expired) {
          if (m.persisted) {
            expiredMessages.add(new Object[] {m.key});
          }
        } else if (m.persisted) {
          changedMessages.add(new Object[] {store.toJson(m.correlatedProcesses), m.key});
        } else {
          newMessages.add(new Object[] {m.key, m.name, m.correlationKey, m.messageId, store.toJson(m.variables),
              m.publishTime, m.deadline, store.toJson(m.correlatedProcesses)});
        }
      } else if (entity instanceof MessageStartLock lock) {
        if (lock.released) {
          if (lock.persisted) {
            releasedLocks.add(new Object[] {lock.key});
          }
        } else if (!lock.persisted) {
          newLocks.add(new Object[] {lock.key, lock.bpmnProcessId, lock.correlationKey});
        }
      }
    }
    batch("INSERT INTO message (message_key, name, correlation_key, message_id, variables, publish_time, deadline,"
        + " correlated_processes) VALUES (?,?,?,?,?,?,?,?)", newMessages);
    batch("UPDATE message SET correlated_processes = ? WHERE message_key = ?", changedMessages);
    batch("DELETE FROM message WHERE message_key = ?", expiredMessages);
    batch("INSERT INTO message_start_lock (process_instance_key, bpmn_process_id, correlation_key) VALUES (?,?,?)",
        newLocks);
    batch("DELETE FROM message_start_lock WHERE process_instance_key = ?", releasedLocks);
  }

  /** Reads buffered messages, expired or not (the writer expires them), and the locks of active instances. */
  void load(EngineState state) {
    MessageBuffer buffer = state.messages;
    jdbc.query("SELECT message_key, name, correlation_key, message_id, variables, publish_time, deadline,"
        + " correlated_processes FROM message ORDER BY message_key", rs -> {
          BufferedMessage message = new BufferedMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getString(4), store.fromJson(rs.getString(5), VARIABLES), rs.getLong(6), rs.getLong(7));
          message.correlatedProcesses.addAll(store.fromJson(rs.getString(8), NAMES));
          message.persisted = true;
          buffer.put(message);
        });
    jdbc.query("SELECT process_instance_key, bpmn_process_id, correlation_key FROM message_start_lock", rs -> {
      MessageStartLock lock = new MessageStartLock(rs.getLong(1), rs.getString(2), rs.getString(3));
      lock.persisted = true;
      if (state.elementInstance(lock.key) != null) { // released in the batch its instance ended in
        buffer.putLock(lock);
      }
    });
  }

  private void batch(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
    }
  }
}
