package org.tsumugi.engine.state;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A published message. One with a time to live waits in the buffer until it expires, so that catch events reached
 * later still receive it; one without is correlated at once and never stored.
 */
public final class BufferedMessage extends Entity {
  public final String name;
  /** Empty when the publisher gave none, as Camunda 8 treats a missing key. */
  public final String correlationKey;
  /** Null when the publisher gave none. */
  public final String messageId;
  public final Map<String, Object> variables;
  public final long publishTime;
  public final long deadline;
  /** Processes (by BPMN process id) the message was correlated to: each receives it at most once. */
  final Set<String> correlatedProcesses = new LinkedHashSet<>();
  boolean expired;

  public BufferedMessage(long key, String name, String correlationKey, String messageId, Map<String, Object> variables,
      long publishTime, long deadline) {
    super(key);
    this.name = name;
    this.correlationKey = correlationKey;
    this.messageId = messageId;
    this.variables = variables;
    this.publishTime = publishTime;
    this.deadline = deadline;
  }

  public boolean correlatedTo(String bpmnProcessId) {
    return correlatedProcesses.contains(bpmnProcessId);
  }

  public boolean expiredAt(long now) {
    return deadline <= now;
  }
}
