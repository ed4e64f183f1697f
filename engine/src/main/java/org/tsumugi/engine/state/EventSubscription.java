package org.tsumugi.engine.state;

import org.tsumugi.engine.model.Trigger;

/**
 * A catch event waiting for its timer, message or signal. It is owned by the element instance whose life bounds
 * it (the catch event itself, the activity a boundary event is attached to, the container of an event
 * subprocess, an event-based gateway); a start event of a process has no owner and waits for as long as its
 * process version is the latest.
 */
public final class EventSubscription extends Entity {
  public final Trigger trigger;
  public final long processDefinitionKey;
  public final String bpmnProcessId;
  /** 0 for a start event of a process. */
  public final long processInstanceKey;
  /** 0 for a start event of a process. */
  public final long ownerKey;
  public final String catchElementId;
  public final boolean interrupting;
  public final long creationTime;
  public boolean open = true;

  // timers
  public long dueDate;
  /** Firings left; {@link org.tsumugi.engine.model.TimerSchedule#UNBOUNDED} for an endless cycle. */
  public int repetitions;
  /** DATE, DURATION or CYCLE, and the value as evaluated when the subscription opened. */
  public String timerType;
  public String timerValue;

  // messages and signals
  public String eventName;
  public String correlationKey;

  public EventSubscription(long key, Trigger trigger, long processDefinitionKey, String bpmnProcessId,
      long processInstanceKey, long ownerKey, String catchElementId, boolean interrupting, long creationTime) {
    super(key);
    this.trigger = trigger;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.processInstanceKey = processInstanceKey;
    this.ownerKey = ownerKey;
    this.catchElementId = catchElementId;
    this.interrupting = interrupting;
    this.creationTime = creationTime;
  }

  public boolean isStartEvent() {
    return ownerKey == 0;
  }
}
