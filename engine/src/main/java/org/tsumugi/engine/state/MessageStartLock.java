package org.tsumugi.engine.state;

/**
 * The correlation key a message start event started a process instance with. While the instance is active, no
 * further message with that key starts another instance of the same process (any version); the key is the
 * instance's.
 */
public final class MessageStartLock extends Entity {
  public final String bpmnProcessId;
  public final String correlationKey;
  boolean released;

  /** Keyed by the process instance it belongs to. */
  public MessageStartLock(long processInstanceKey, String bpmnProcessId, String correlationKey) {
    super(processInstanceKey);
    this.bpmnProcessId = bpmnProcessId;
    this.correlationKey = correlationKey;
  }
}
