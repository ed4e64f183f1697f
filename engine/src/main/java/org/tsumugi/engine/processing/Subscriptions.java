package org.tsumugi.engine.processing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.tsumugi.engine.feel.Expression;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.model.TimerDefinition;
import org.tsumugi.engine.model.TimerSchedule;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.ProcessDefinition;

/**
 * Opens and closes the subscriptions of catch events. Timer values, message names, correlation keys and signal
 * names are evaluated once, when the subscription opens, with the variables the owner sees.
 */
final class Subscriptions {
  /** The width of the columns that store names and correlation keys. */
  private static final int MAX_TEXT = 1024;

  private final EngineState state;
  private final FeelEngine feel;
  private final LongSupplier clock;
  private final ZoneId zone;
  private final Consumer<EventSubscription> opened;

  Subscriptions(EngineState state, FeelEngine feel, LongSupplier clock, ZoneId zone, Consumer<EventSubscription> opened) {
    this.state = state;
    this.feel = feel;
    this.clock = clock;
    this.zone = zone;
    this.opened = opened;
  }

  /**
   * Opens a subscription for every event the owner waits for, replacing any it had (an activation retried after an
   * incident opens them again).
   *
   * @throws ExpressionException if a value does not evaluate; then none is left open
   */
  void open(ElementInstance owner, List<ElementModel> awaited, Map<String, Object> variables) {
    closeAll(owner.key);
    List<EventSubscription> created = new ArrayList<>();
    for (ElementModel event : awaited) {
      EventSubscription subscription = new EventSubscription(state.nextKey(), event.trigger(), owner.processDefinitionKey,
          owner.bpmnProcessId, owner.processInstanceKey, owner.key, event.id(), event.interrupting(), clock.getAsLong());
      describe(subscription, event, variables);
      created.add(subscription);
    }
    created.forEach(this::add);
  }

  /** Opens the subscriptions of a new process version's timer, message and signal start events. */
  void openStartEvents(ProcessDefinition definition) {
    for (ElementModel start : definition.model.root().triggeredStartEvents()) {
      EventSubscription subscription = new EventSubscription(state.nextKey(), start.trigger(), definition.key,
          definition.bpmnProcessId, 0, 0, start.id(), true, clock.getAsLong());
      describe(subscription, start, Map.of());
      add(subscription);
    }
  }

  /** Closes the start event subscriptions of every version of a process. */
  void closeStartEvents(String bpmnProcessId) {
    for (EventSubscription subscription : state.subscriptionsOf(0)) {
      if (subscription.bpmnProcessId.equals(bpmnProcessId)) {
        state.closeSubscription(subscription);
      }
    }
  }

  void closeAll(long ownerKey) {
    for (EventSubscription subscription : state.subscriptionsOf(ownerKey)) {
      state.closeSubscription(subscription);
    }
  }

  /**
   * After a subscription fired: a start event, a non-interrupting boundary event and a non-interrupting event
   * subprocess keep waiting (a timer only while its cycle has firings left); anything else is done.
   */
  void fired(EventSubscription subscription) {
    boolean keepsWaiting = subscription.isStartEvent() || !subscription.interrupting;
    if (keepsWaiting && subscription.trigger == Trigger.TIMER) {
      if (subscription.repetitions != TimerSchedule.UNBOUNDED) {
        subscription.repetitions--;
      }
      keepsWaiting = subscription.repetitions != 0;
      if (keepsWaiting) {
        TimerSchedule schedule = TimerSchedule.parse(TimerDefinition.Type.valueOf(subscription.timerType),
            subscription.timerValue);
        subscription.dueDate = schedule.nextDue(subscription.dueDate, clock.getAsLong(), zone);
        state.changed(subscription);
        opened.accept(subscription);
      }
    }
    if (!keepsWaiting) {
      state.closeSubscription(subscription);
    }
  }

  private void add(EventSubscription subscription) {
    state.addSubscription(subscription);
    opened.accept(subscription);
  }

  private void describe(EventSubscription subscription, ElementModel event, Map<String, Object> variables) {
    switch (event.trigger()) {
      case TIMER -> {
        TimerDefinition timer = event.timer();
        String value = timerValue(timer, variables, event);
        TimerSchedule schedule;
        try {
          schedule = TimerSchedule.parse(timer.type(), value);
        } catch (IllegalArgumentException e) {
          throw new ExpressionException("timer of '" + event.id() + "': " + e.getMessage());
        }
        subscription.timerType = timer.type().name();
        subscription.timerValue = schedule.text();
        subscription.repetitions = schedule.repetitions();
        subscription.dueDate = schedule.firstDue(clock.getAsLong(), zone);
      }
      case MESSAGE -> {
        subscription.eventName = text(event.messageName(), variables, "message name", event);
        if (event.correlationKey() != null) {
          subscription.correlationKey = bounded(correlationKey(event.correlationKey().evaluate(feel, variables), event),
              "correlation key", event);
        }
      }
      case SIGNAL -> subscription.eventName = text(event.signalName(), variables, "signal name", event);
      default -> throw new IllegalStateException(event.trigger() + " events are not waited for");
    }
  }

  /** FEEL may give a duration or date-time value; its ISO 8601 text is what the schedule reads. */
  private String timerValue(TimerDefinition timer, Map<String, Object> variables, ElementModel event) {
    Expression value = timer.value();
    Object result = value.evaluate(feel, variables);
    if (result == null || String.valueOf(result).isBlank()) {
      throw new ExpressionException("timer of '" + event.id() + "': expression '" + value.source()
          + "' gave no value; expected an ISO 8601 " + timer.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    return String.valueOf(result);
  }

  private String text(Expression expression, Map<String, Object> variables, String what, ElementModel event) {
    Object value = expression.evaluate(feel, variables);
    if (value instanceof String text && !text.isBlank()) {
      return bounded(text, what, event);
    }
    throw new ExpressionException(what + " of '" + event.id() + "' must be a non-empty string, but was '" + value + "'");
  }

  private static String bounded(String text, String what, ElementModel event) {
    if (text.length() > MAX_TEXT) {
      throw new ExpressionException(what + " of '" + event.id() + "' has " + text.length() + " characters; at most "
          + MAX_TEXT + " are accepted");
    }
    return text;
  }

  /** Camunda 8 accepts strings and numbers as correlation keys. */
  private static String correlationKey(Object value, ElementModel event) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Number number) {
      return new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    throw new ExpressionException("correlation key of '" + event.id() + "' must be a string or a number, but was '"
        + value + "'");
  }
}
