package org.tsumugi.engine.processing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.processing.Command.CorrelateMessage;
import org.tsumugi.engine.processing.Command.PublishMessage;
import org.tsumugi.engine.processing.Results.CorrelatedMessage;
import org.tsumugi.engine.state.BufferedMessage;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.MessageBuffer;
import org.tsumugi.engine.state.MessageStartLock;

/**
 * Correlates messages to the subscriptions that wait for them, as Camunda 8 does: by name and correlation key; each
 * process (by BPMN process id, across versions) receives a message at most once; a message with a time to live
 * waits in the buffer for catch events reached later; a message start event starts no second active instance for
 * one correlation key.
 */
final class Messages {
  private final EngineState state;
  private final MessageBuffer buffer;
  private final BpmnExecutor executor;
  private final History history;
  private final LongSupplier clock;

  // within one command: subscriptions that opened and instances that ended, to be offered buffered messages
  private final Deque<EventSubscription> opened = new ArrayDeque<>();
  private final Deque<MessageStartLock> released = new ArrayDeque<>();

  Messages(EngineState state, BpmnExecutor executor, History history, LongSupplier clock) {
    this.state = state;
    this.buffer = state.messages;
    this.executor = executor;
    this.history = history;
    this.clock = clock;
  }

  long publish(PublishMessage publish) {
    long now = clock.getAsLong();
    String correlationKey = publish.correlationKey() == null ? "" : publish.correlationKey();
    if (publish.messageId() != null && !publish.messageId().isEmpty()) {
      for (BufferedMessage buffered : buffer.find(publish.name(), correlationKey, now)) {
        if (publish.messageId().equals(buffered.messageId)) {
          throw Rejection.alreadyExists("a message with id '" + publish.messageId() + "' and the same name and"
              + " correlation key is already buffered (message " + buffered.key + "); it expires at "
              + Instant.ofEpochMilli(buffered.deadline));
        }
      }
    }
    BufferedMessage message = new BufferedMessage(state.nextKey(), publish.name(), correlationKey, publish.messageId(),
        variables(publish.variables()), now, deadline(now, publish.timeToLive()));
    if (publish.timeToLive() > 0) {
      buffer.add(message);
    }
    history.event("MESSAGE", message.key, "PUBLISHED", message.name);
    correlate(message);
    return message.key;
  }

  CorrelatedMessage correlate(CorrelateMessage correlate) {
    String correlationKey = correlate.correlationKey() == null ? "" : correlate.correlationKey();
    BufferedMessage message = new BufferedMessage(state.nextKey(), correlate.name(), correlationKey, null,
        variables(correlate.variables()), clock.getAsLong(), clock.getAsLong());
    List<Long> instances = correlate(message);
    if (instances.isEmpty()) {
      throw Rejection.notFound("no subscription is waiting for a message named '" + message.name + "' with correlation"
          + " key '" + correlationKey + "'; the message was not correlated and is not buffered");
    }
    history.event("MESSAGE", message.key, "CORRELATED", message.name);
    return new CorrelatedMessage(message.key, instances.get(0));
  }

  /** A message subscription opened; a buffered message may be waiting for it. */
  void opened(EventSubscription subscription) {
    if (subscription.trigger == Trigger.MESSAGE && !subscription.isStartEvent()) {
      opened.add(subscription);
    }
  }

  /** A process instance ended; if a message started it, the next buffered message with its key may start another. */
  void instanceEnded(ElementInstance root) {
    MessageStartLock lock = buffer.release(root.key);
    if (lock != null) {
      released.add(lock);
    }
  }

  /**
   * Offers buffered messages to the subscriptions that opened and the start events that a finished instance freed,
   * until none is left; called at the end of each command, so a catch event reached by a command receives its
   * buffered message in the same command.
   */
  void settle() {
    long now = clock.getAsLong();
    while (!opened.isEmpty() || !released.isEmpty()) {
      if (!opened.isEmpty()) {
        EventSubscription subscription = opened.poll();
        if (!subscription.open) {
          continue;
        }
        for (BufferedMessage message : buffer.find(subscription.eventName, keyOf(subscription), now)) {
          if (!message.correlatedTo(subscription.bpmnProcessId)) {
            deliver(message, subscription);
            break;
          }
        }
      } else {
        startNext(released.poll(), now);
      }
    }
  }

  /** Forgets what a command left to settle, when its batch runs again. */
  void reset() {
    opened.clear();
    released.clear();
  }

  /** Removes the buffered messages whose time to live ran out. */
  void expire() {
    for (BufferedMessage message : buffer.expire(clock.getAsLong())) {
      history.event("MESSAGE", message.key, "EXPIRED", message.name);
    }
  }

  /** The oldest buffered message with the freed key and the name of one of the process's start events. */
  private void startNext(MessageStartLock freed, long now) {
    BufferedMessage next = null;
    EventSubscription startEvent = null;
    for (EventSubscription subscription : state.subscriptionsOf(0)) {
      if (subscription.trigger != Trigger.MESSAGE || !subscription.bpmnProcessId.equals(freed.bpmnProcessId)) {
        continue;
      }
      for (BufferedMessage message : buffer.find(subscription.eventName, freed.correlationKey, now)) {
        if (!message.correlatedTo(freed.bpmnProcessId) && (next == null || message.key < next.key)) {
          next = message;
          startEvent = subscription;
        }
      }
    }
    if (next != null) {
      deliver(next, startEvent);
    }
  }

  /** Correlates a message to every subscription waiting for it now; returns the process instances it reached. */
  private List<Long> correlate(BufferedMessage message) {
    List<Long> instances = new ArrayList<>();
    for (EventSubscription subscription : state.subscriptionsNamed(Trigger.MESSAGE, message.name)) {
      boolean matches = subscription.isStartEvent() || keyOf(subscription).equals(message.correlationKey);
      if (subscription.open && matches && !message.correlatedTo(subscription.bpmnProcessId)) {
        long instance = deliver(message, subscription);
        if (instance != 0) {
          instances.add(instance);
        }
      }
    }
    return instances;
  }

  /** Returns the process instance the message reached, or 0 when the subscription could not take it. */
  private long deliver(BufferedMessage message, EventSubscription subscription) {
    if (subscription.isStartEvent()) {
      boolean keyed = !message.correlationKey.isEmpty();
      if (keyed && buffer.lock(subscription.bpmnProcessId, message.correlationKey) != null) {
        return 0; // stays buffered until the instance with this key ends
      }
      buffer.correlated(message, subscription.bpmnProcessId);
      ElementInstance root = executor.startAt(subscription, message.variables);
      if (keyed && !root.state.isFinal()) {
        buffer.addLock(new MessageStartLock(root.key, subscription.bpmnProcessId, message.correlationKey));
      }
      return root.key;
    }
    if (!executor.trigger(subscription, message.variables)) {
      state.closeSubscription(subscription);
      return 0;
    }
    buffer.correlated(message, subscription.bpmnProcessId);
    return subscription.processInstanceKey;
  }

  /** A time to live beyond the end of time keeps the message until then, rather than overflowing into the past. */
  private static long deadline(long now, long timeToLive) {
    return timeToLive > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeToLive;
  }

  /** Subscriptions without a correlation key (event subprocess starts may lack one) match the empty key. */
  private static String keyOf(EventSubscription subscription) {
    return subscription.correlationKey == null ? "" : subscription.correlationKey;
  }

  private static Map<String, Object> variables(Map<String, Object> variables) {
    return variables == null ? Map.of() : variables;
  }
}
