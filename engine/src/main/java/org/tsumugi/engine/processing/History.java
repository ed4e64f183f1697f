package org.tsumugi.engine.processing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.function.LongSupplier;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.FormDefinition;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.HistoryRecord;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.UserTask;
import org.tsumugi.engine.state.Variable;

/**
 * Appends one history record per settled state change (activated, completed, terminated; not the
 * transitional steps between them, which cost writes and tell an auditor nothing). Records name what changed but never copy variable
 * values: those may be patient data and stay in the variable table only.
 */
final class History {
  private final EngineState state;
  private final LongSupplier clock;

  History(EngineState state, LongSupplier clock) {
    this.state = state;
    this.clock = clock;
  }

  void element(ElementInstance instance, String intent) {
    state.record(new HistoryRecord(instance.key, "PROCESS_INSTANCE", intent, instance.processInstanceKey,
        instance.elementId, clock.getAsLong(),
        "{\"elementType\":\"" + instance.kind + "\",\"flowScopeKey\":" + instance.flowScopeKey + "}"));
  }

  void job(Job job, String intent) {
    state.record(new HistoryRecord(job.key, "JOB", intent, job.processInstanceKey, job.elementId, clock.getAsLong(),
        "{\"type\":" + quote(job.type) + ",\"retries\":" + job.retries + ",\"worker\":" + quote(job.worker) + "}"));
  }

  void incident(Incident incident, String intent) {
    state.record(new HistoryRecord(incident.key, "INCIDENT", intent, incident.processInstanceKey, incident.elementId,
        clock.getAsLong(), "{\"errorType\":\"" + incident.errorType + "\"}"));
  }

  void variable(Variable variable, String intent) {
    state.record(new HistoryRecord(variable.key, "VARIABLE", intent, variable.processInstanceKey, null,
        clock.getAsLong(), "{\"name\":" + quote(variable.name) + ",\"scopeKey\":" + variable.scopeKey + "}"));
  }

  /** A timer fired, or a message or signal was correlated; names and due dates only, never payloads or keys. */
  void triggered(EventSubscription subscription) {
    String valueType = switch (subscription.trigger) {
      case TIMER -> "TIMER";
      case MESSAGE -> "MESSAGE_SUBSCRIPTION";
      default -> "SIGNAL_SUBSCRIPTION";
    };
    String payload = subscription.trigger == Trigger.TIMER ? "{\"dueDate\":" + subscription.dueDate + "}"
        : "{\"name\":" + quote(subscription.eventName) + "}";
    state.record(new HistoryRecord(subscription.key, valueType, "TRIGGERED", subscription.processInstanceKey,
        subscription.catchElementId, clock.getAsLong(), payload));
  }

  /** A message was published or expired, or a signal broadcast: by name only, never key or payload. */
  void event(String valueType, long key, String intent, String name) {
    state.record(new HistoryRecord(key, valueType, intent, 0, null, clock.getAsLong(), "{\"name\":" + quote(name) + "}"));
  }

  /** Who the task is assigned to and why it changed; never the variables it completed with. */
  void userTask(UserTask task, String intent, String action) {
    state.record(new HistoryRecord(task.key, "USER_TASK", intent, task.processInstanceKey, task.elementId,
        clock.getAsLong(), "{\"assignee\":" + quote(task.assignee) + ",\"action\":" + quote(action) + "}"));
  }

  void form(FormDefinition form) {
    state.record(new HistoryRecord(form.key, "FORM", "CREATED", 0, form.formId, clock.getAsLong(), null));
  }

  void deployment(long key, String intent, String bpmnProcessId) {
    state.record(new HistoryRecord(key, "PROCESS", intent, 0, bpmnProcessId, clock.getAsLong(), null));
  }

  void decisionDeployed(long key, String valueType, String id) {
    state.record(new HistoryRecord(key, valueType, "CREATED", 0, id, clock.getAsLong(), null));
  }

  /** Names the decision instance, whose own table holds the evaluated values; this record holds none. */
  void decisionEvaluated(long evaluationKey, boolean failed, long processInstanceKey, String elementId,
      String decisionInstanceKey, String decisionId) {
    state.record(new HistoryRecord(evaluationKey, "DECISION_EVALUATION", failed ? "DECISION_EVALUATION_FAILED"
        : "DECISION_EVALUATED", processInstanceKey, elementId, clock.getAsLong(), "{\"decisionInstanceKey\":"
        + quote(decisionInstanceKey) + ",\"decisionId\":" + quote(decisionId) + "}"));
  }

  private static String quote(String text) {
    return text == null ? "null" : "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }
}
