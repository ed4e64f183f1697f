package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tsumugi.engine.feel.Expression;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ElementKind;
import org.tsumugi.engine.model.ElementModel;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Incident;

/**
 * End and intermediate throw events, and the BPMN errors and escalations they (or jobs, or called processes) throw:
 * each goes to the innermost matching catch around the thrower.
 */
final class ThrowEvents {
  private final BpmnExecutor executor;
  private final EngineState state;
  private final FeelEngine feel;
  private final Events events;
  private final Incidents incidents;

  /**
   * What catches a thrown error or escalation: a boundary event and the activity instance it is attached to, or the
   * start event of an event subprocess and the scope instance it runs in.
   */
  private record Catch(ElementInstance host, ElementModel boundary) {
    boolean startsEventSubProcess() {
      return boundary.kind() == ElementKind.START_EVENT;
    }
  }

  ThrowEvents(BpmnExecutor executor, EngineState state, FeelEngine feel, Events events, Incidents incidents) {
    this.executor = executor;
    this.state = state;
    this.feel = feel;
    this.events = events;
    this.incidents = incidents;
  }

  /** An end event: throws its error (and stops), or its escalation, or terminates its scope's other elements. */
  void activateEndEvent(ElementInstance instance, ElementModel element) {
    if (element.thrownErrorCode() != null) {
      String code = thrownCode(instance, element.thrownErrorCode(), "error code");
      if (code != null) {
        throwError(instance, code, null, null, 0, Incident.Retry.ACTIVATE_ELEMENT);
      }
      return;
    }
    if (!escalate(instance, element)) {
      return;
    }
    executor.activated(instance);
    if (element.isTerminateEndEvent()) {
      terminateSiblings(instance);
    }
    executor.complete(instance, null, null);
  }

  /**
   * Throws a BPMN error from an element instance (a job's task, an error end event, or, through the
   * chain of callers, a called process). The innermost matching error boundary event around the
   * thrower catches it: on the thrower itself, on an enclosing subprocess or multi-instance body, or on
   * the call activity that started the thrower's process, and so on up. The catching activity is
   * terminated with everything inside it (including called processes). An error nobody catches is an
   * UNHANDLED_ERROR_EVENT incident on the thrower; resolving it retries the throwing step.
   */
  boolean throwError(ElementInstance thrower, String errorCode, String errorMessage,
      Map<String, Object> errorVariables, long jobKey, Incident.Retry retry) {
    Catch found = findCatch(thrower, boundary -> boundary.catchesError(errorCode), ElementModel::catchesEveryError);
    if (found != null) {
      trigger(found, errorVariables);
      return true;
    }
    String detail = "an error with code '" + errorCode + "'" + (errorMessage == null || errorMessage.isBlank() ? ""
        : " and message '" + errorMessage + "'") + " was thrown, but no error boundary event catches it";
    incidents.raise(thrower, "UNHANDLED_ERROR_EVENT", detail, jobKey, retry);
    return false;
  }

  /**
   * Throws the event's escalation, if it has one: the innermost matching escalation catch around it (crossing into
   * calling processes) catches it, interrupting or not. Unlike an error, an escalation nobody catches is no incident:
   * the thrower just goes on, as in Camunda 8. False when the thrower cannot go on (interrupted, or an incident).
   */
  boolean escalate(ElementInstance instance, ElementModel element) {
    if (element.thrownEscalationCode() == null) {
      return true;
    }
    String code = thrownCode(instance, element.thrownEscalationCode(), "escalation code");
    if (code == null) {
      return false;
    }
    Catch found = findCatch(instance, boundary -> boundary.catchesEscalation(code),
        ElementModel::catchesEveryEscalation);
    if (found != null) {
      trigger(found, null);
    }
    return !instance.state.isFinal();
  }

  private String thrownCode(ElementInstance instance, Expression code, String what) {
    try {
      return BpmnExecutor.asText(code.evaluate(feel, executor.variables().visible(instance)), what,
          executor.model(instance));
    } catch (ExpressionException e) {
      incidents.activationFailed(instance, "EXTRACT_VALUE_ERROR", e.getMessage());
      return null;
    }
  }

  /**
   * Walks outwards from the thrower: in each scope, its event subprocesses catch first (they are inside it), then
   * the boundary events on it. An error thrown inside an event subprocess is not caught by its sibling event
   * subprocesses, only further out. Within one scope a catch naming the thrown code wins over a catch-all, wherever
   * the two stand in the file, as in Zeebe: a process owner adds a catch-all for "anything else" without shadowing
   * the specific handlers beside it.
   */
  private Catch findCatch(ElementInstance thrower, Predicate<ElementModel> catches,
      Predicate<ElementModel> catchesEvery) {
    ElementInstance previous = null;
    for (ElementInstance current = thrower; current != null; previous = current, current = enclosing(current)) {
      boolean fromEventSubProcess = previous != null && previous.kind == ElementKind.EVENT_SUB_PROCESS;
      List<ElementModel> candidates = new ArrayList<>();
      if (current.kind.isContainer() && !fromEventSubProcess) {
        executor.model(current).eventSubProcesses().forEach(sub -> candidates.add(sub.eventStartEvent()));
      }
      candidates.addAll(boundaryEventsOf(current));
      ElementModel catchAll = null;
      for (ElementModel candidate : candidates) {
        if (!catches.test(candidate)) {
          continue;
        }
        if (!catchesEvery.test(candidate)) {
          return new Catch(current, candidate);
        }
        if (catchAll == null) {
          catchAll = candidate;
        }
      }
      if (catchAll != null) {
        return new Catch(current, catchAll);
      }
    }
    return null;
  }

  private void trigger(Catch found, Map<String, Object> eventVariablesToSet) {
    if (found.startsEventSubProcess()) {
      events.startEventSubProcess(found.host(), found.boundary(),
          eventVariablesToSet == null ? Map.of() : eventVariablesToSet);
      return;
    }
    ElementInstance scope = executor.parent(found.host());
    if (found.boundary().interrupting()) {
      executor.terminate(found.host());
    }
    ElementInstance event = executor.activate(found.boundary(), scope);
    if (eventVariablesToSet != null && !eventVariablesToSet.isEmpty()) {
      events.carry(event, eventVariablesToSet);
    }
  }

  /** Boundary events attach to a multi-instance body, not to its inner instances. */
  private List<ElementModel> boundaryEventsOf(ElementInstance instance) {
    ElementModel element = executor.model(instance);
    return element.isMultiInstance() && instance.kind != ElementKind.MULTI_INSTANCE_BODY ? List.of()
        : element.boundaryEvents();
  }

  /** The flow scope, or for the root of a called process, the call activity that started it. */
  private ElementInstance enclosing(ElementInstance instance) {
    if (!instance.isRoot()) {
      return executor.parent(instance);
    }
    return instance.parentElementInstanceKey == 0 ? null : state.elementInstance(instance.parentElementInstanceKey);
  }

  private void terminateSiblings(ElementInstance endEvent) {
    ElementInstance scope = executor.parent(endEvent);
    for (ElementInstance sibling : state.children(scope.key)) {
      if (sibling.key != endEvent.key) {
        executor.terminate(sibling);
      }
    }
    scope.joinTokens.clear();
    state.changed(scope);
  }
}
