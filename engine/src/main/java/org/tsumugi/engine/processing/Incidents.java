package org.tsumugi.engine.processing;

import java.util.function.LongSupplier;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Incident;

/** Opens incidents on element instances and closes them, keeping each process instance's incident count. */
final class Incidents {
  private final EngineState state;
  private final LongSupplier clock;
  private final History history;

  Incidents(EngineState state, LongSupplier clock, History history) {
    this.state = state;
    this.clock = clock;
    this.history = history;
  }

  void raise(ElementInstance instance, String type, String message, long jobKey, Incident.Retry retry) {
    Incident incident = new Incident(state.nextKey(), type, message, instance, jobKey, clock.getAsLong(), retry);
    state.putIncident(incident);
    instance.incidentKey = incident.key;
    state.changed(instance);
    ElementInstance root = state.elementInstance(instance.processInstanceKey);
    root.openIncidents++;
    state.changed(root);
    history.incident(incident, "CREATED");
  }

  /** A value the element needs on activation did not evaluate: resolving the incident activates it again. */
  void activationFailed(ElementInstance instance, String type, String message) {
    raise(instance, type, message, 0, Incident.Retry.ACTIVATE_ELEMENT);
  }

  /** A value did not evaluate, or what the element links to is missing (an {@link IncidentCause} names which). */
  void activationFailed(ElementInstance instance, RuntimeException failure) {
    String type = failure instanceof IncidentCause cause ? cause.errorType() : "EXTRACT_VALUE_ERROR";
    activationFailed(instance, type, failure.getMessage());
  }

  void clear(Incident incident, ElementInstance instance) {
    state.incidentResolved(incident);
    history.incident(incident, "RESOLVED");
    instance.incidentKey = 0;
    state.changed(instance);
    ElementInstance root = state.elementInstance(instance.processInstanceKey);
    if (root != null) {
      root.openIncidents = Math.max(0, root.openIncidents - 1);
      state.changed(root);
    }
  }

  /** Closes the open incident of an element instance that ends otherwise. */
  void clearOf(ElementInstance instance) {
    if (instance.incidentKey != 0) {
      Incident incident = state.incident(instance.incidentKey);
      if (incident != null) {
        clear(incident, instance);
      }
    }
  }
}
