package org.tsumugi.engine.processing;

import java.util.Map;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;

/**
 * Broadcasts signals: every subscription waiting for the signal's name when it arrives is triggered (one new instance
 * per process with a matching start event); nothing is buffered, so a catch event reached later misses it.
 */
final class Signals {
  private final EngineState state;
  private final BpmnExecutor executor;
  private final History history;

  Signals(EngineState state, BpmnExecutor executor, History history) {
    this.state = state;
    this.executor = executor;
    this.history = history;
  }

  long broadcast(String name, Map<String, Object> variables) {
    long signalKey = state.nextKey();
    history.event("SIGNAL", signalKey, "BROADCAST", name);
    Map<String, Object> payload = variables == null ? Map.of() : variables;
    // the list is taken before any is triggered: catch events that the signal's own effects reach do not receive it
    for (EventSubscription subscription : state.subscriptionsNamed(Trigger.SIGNAL, name)) {
      if (subscription.open && !executor.trigger(subscription, payload)) {
        state.closeSubscription(subscription);
      }
    }
    return signalKey;
  }
}
