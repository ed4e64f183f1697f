package org.tsumugi.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Buffered messages, found by name and correlation key, and the correlation keys of active instances that a
 * message start event began. Part of {@link EngineState}: reloaded with it and written with its batch.
 */
public final class MessageBuffer {
  private final Consumer<Entity> changed;
  private final Map<Long, BufferedMessage> messages = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> byNameAndKey = new HashMap<>();
  private final PriorityQueue<BufferedMessage> byDeadline =
      new PriorityQueue<>((a, b) -> a.deadline != b.deadline ? Long.compare(a.deadline, b.deadline)
          : Long.compare(a.key, b.key));
  private final Map<String, MessageStartLock> locksByProcessAndKey = new HashMap<>();
  private final Map<Long, MessageStartLock> locksByInstance = new HashMap<>();

  MessageBuffer(Consumer<Entity> changed) {
    this.changed = changed;
  }

  // --- buffered messages

  public void add(BufferedMessage message) {
    put(message);
    changed.accept(message);
  }

  /** Buffered messages of a name and correlation key that have not expired, oldest first. */
  public List<BufferedMessage> find(String name, String correlationKey, long now) {
    Set<Long> keys = byNameAndKey.get(index(name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    List<BufferedMessage> found = new ArrayList<>(keys.size());
    for (Long key : keys) {
      BufferedMessage message = messages.get(key);
      if (!message.expiredAt(now)) {
        found.add(message);
      }
    }
    return found;
  }

  public void correlated(BufferedMessage message, String bpmnProcessId) {
    message.correlatedProcesses.add(bpmnProcessId);
    if (messages.containsKey(message.key)) {
      changed.accept(message);
    }
  }

  /** When the next buffered message expires; {@link Long#MAX_VALUE} when none is buffered. */
  public long nextDeadline() {
    BufferedMessage next = byDeadline.peek();
    return next == null ? Long.MAX_VALUE : next.deadline;
  }

  /** Removes and returns the messages whose time to live has run out. */
  public List<BufferedMessage> expire(long now) {
    List<BufferedMessage> expired = new ArrayList<>();
    while (!byDeadline.isEmpty() && byDeadline.peek().expiredAt(now)) {
      BufferedMessage message = byDeadline.poll();
      messages.remove(message.key);
      Set<Long> keys = byNameAndKey.get(index(message.name, message.correlationKey));
      keys.remove(message.key);
      if (keys.isEmpty()) {
        byNameAndKey.remove(index(message.name, message.correlationKey));
      }
      message.expired = true;
      changed.accept(message);
      expired.add(message);
    }
    return expired;
  }

  // --- correlation keys of instances a message started

  public MessageStartLock lock(String bpmnProcessId, String correlationKey) {
    return locksByProcessAndKey.get(index(bpmnProcessId, correlationKey));
  }

  public void addLock(MessageStartLock lock) {
    putLock(lock);
    changed.accept(lock);
  }

  /** The instance ended; returns its lock, if it had one. */
  public MessageStartLock release(long processInstanceKey) {
    MessageStartLock lock = locksByInstance.remove(processInstanceKey);
    if (lock != null) {
      locksByProcessAndKey.remove(index(lock.bpmnProcessId, lock.correlationKey));
      lock.released = true;
      changed.accept(lock);
    }
    return lock;
  }

  // --- loading

  void put(BufferedMessage message) {
    messages.put(message.key, message);
    byNameAndKey.computeIfAbsent(index(message.name, message.correlationKey), k -> new LinkedHashSet<>())
        .add(message.key);
    byDeadline.add(message);
  }

  void putLock(MessageStartLock lock) {
    locksByProcessAndKey.put(index(lock.bpmnProcessId, lock.correlationKey), lock);
    locksByInstance.put(lock.key, lock);
  }

  void clear() {
    messages.clear();
    byNameAndKey.clear();
    byDeadline.clear();
    locksByProcessAndKey.clear();
    locksByInstance.clear();
  }

  private static String index(String first, String second) {
    return first + '\u0000' + second;
  }
}
