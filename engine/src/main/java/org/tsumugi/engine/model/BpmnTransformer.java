package org.tsumugi.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.tsumugi.engine.feel.ExpressionException;
import org.tsumugi.engine.feel.FeelEngine;

/**
 * Reads a .bpmn resource into executable {@link ProcessModel}s. Everything that would fail at run
 * time for structural reasons (unsupported elements, FEEL that does not parse, missing job types) is
 * rejected here, each problem naming the element.
 */
public final class BpmnTransformer {

  private final FeelEngine feel;

  public BpmnTransformer(FeelEngine feel) {
    this.feel = feel;
  }

  public List<ProcessModel> transform(String resourceName, byte[] content) {
    BpmnModelInstance instance = read(resourceName, content);
    List<String> problems = new ArrayList<>();
    for (var entry : instance.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().entrySet()) {
      for (ValidationResult result : entry.getValue()) {
        if (result.getType() == ValidationResultType.ERROR) {
          problems.add(describe(entry.getKey()) + ": " + result.getMessage());
        }
      }
    }
    List<ProcessModel> processes = new ArrayList<>();
    for (Process process : instance.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.add(new Builder(problems).process(process));
      }
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add("it contains no executable process (isExecutable=\"true\")");
    }
    if (!problems.isEmpty()) {
      throw new InvalidModelException(resourceName, problems);
    }
    return processes;
  }

  private static BpmnModelInstance read(String resourceName, byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
    if (head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || head.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
      throw new InvalidModelException(
          resourceName, List.of("document type declarations and entities are not allowed in BPMN"));
    }
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      throw new InvalidModelException(resourceName, List.of("not readable as BPMN XML: " + reason));
    }
  }

  private static String describe(ModelElementInstance element) {
    String id = element.getAttributeValue("id");
    String type = element.getElementType().getTypeName();
    return id == null ? "<" + type + ">" : "element '" + id + "' (" + type + ")";
  }

  /** Builds one process's graph, collecting problems instead of failing on the first one. */
  private final class Builder {
    private final List<String> problems;
    private final Map<String, ElementModel> elements = new LinkedHashMap<>();

    Builder(List<String> problems) {
      this.problems = problems;
    }

    ProcessModel process(Process process) {
      ElementModel root = new ElementModel(process.getId(), process.getName(), ElementKind.PROCESS);
      ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
      root.versionTag = versionTag == null ? null : blankToNull(versionTag.getValue());
      elements.put(root.id, root);
      container(root, process.getFlowElements());
      pendingAttachments.forEach((boundary, hostId) -> {
        ElementModel host = hostId == null ? null : elements.get(hostId);
        if (host == null) {
          problems.add("element '" + boundary.id + "' (boundaryEvent): is not attached to a supported activity");
        } else {
          boundary.attachedTo = host;
          host.boundaryEvents.add(boundary);
        }
      });
      return new ProcessModel(process.getId(), process.getName(), root, Map.copyOf(elements));
    }

    private void container(ElementModel scope, Collection<FlowElement> flowElements) {
      List<SequenceFlow> flows = new ArrayList<>();
      for (FlowElement element : flowElements) {
        if (element instanceof SequenceFlow flow) {
          flows.add(flow);
        } else if (element instanceof FlowNode node) {
          ElementModel model = node(node);
          if (model != null) {
            model.flowScope = scope;
            elements.put(model.id, model);
            if (model.kind == ElementKind.EVENT_SUB_PROCESS) {
              scope.eventSubProcesses.add(model);
            } else {
              scope.children.add(model);
            }
          }
        }
      }
      for (SequenceFlow flow : flows) {
        FlowModel model = new FlowModel(flow.getId());
        model.source = elements.get(flow.getSource().getId());
        model.target = elements.get(flow.getTarget().getId());
        if (model.source == null || model.target == null) {
          continue; // the unsupported end was reported already
        }
        if (flow.getConditionExpression() != null && flow.getConditionExpression().getTextContent() != null
            && !flow.getConditionExpression().getTextContent().isBlank()) {
          model.condition = feel(describe(flow), flow.getConditionExpression().getTextContent(), true);
        }
        model.source.outgoing.add(model);
        model.target.incoming.add(model);
      }
      for (FlowElement element : flowElements) {
        if (element instanceof ExclusiveGateway gateway && elements.containsKey(gateway.getId())) {
          exclusiveGateway(gateway, elements.get(gateway.getId()));
        } else if (element instanceof InclusiveGateway gateway && elements.containsKey(gateway.getId())) {
          inclusiveGateway(gateway, elements.get(gateway.getId()));
        }
      }
      startEvents(scope);
    }

    /**
     * A process has at most one none start event and any number of timer, message and signal start events; an
     * embedded subprocess has exactly one none start event; an event subprocess exactly one start event with a
     * trigger.
     */
    private void startEvents(ElementModel scope) {
      List<ElementModel> starts = scope.children.stream().filter(child -> child.kind == ElementKind.START_EVENT).toList();
      List<ElementModel> noneStarts = starts.stream().filter(start -> start.trigger == Trigger.NONE).toList();
      List<ElementModel> triggered = starts.stream().filter(start -> start.trigger != Trigger.NONE).toList();
      String where = "element '" + scope.id + "' (" + scope.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
      switch (scope.kind) {
        case PROCESS -> {
          if (noneStarts.size() > 1 || starts.isEmpty()) {
            problems.add(where + " must have one none start event or start events with a trigger, found "
                + noneStarts.size() + " none start events and " + triggered.size() + " others");
          }
          for (ElementModel start : triggered) {
            if (start.trigger == Trigger.ERROR) {
              problems.add("element '" + start.id + "' (startEvent): an error start event belongs in an event subprocess");
            } else {
              scope.triggeredStartEvents.add(start);
              checkStartTimer(start);
            }
          }
        }
        case EVENT_SUB_PROCESS -> {
          if (starts.size() != 1 || triggered.size() != 1) {
            problems.add(where + " must have exactly one start event with a timer, message, signal or error"
                + " definition, found " + starts.size() + " start events");
          } else {
            scope.eventStartEvent = triggered.get(0);
          }
          return;
        }
        default -> {
          if (noneStarts.size() != 1 || !triggered.isEmpty()) {
            problems.add(where + " must have exactly one none start event, found " + noneStarts.size()
                + (triggered.isEmpty() ? "" : " and " + triggered.size() + " start events with a trigger"));
          }
        }
      }
      if (noneStarts.size() == 1) {
        scope.noneStartEvent = noneStarts.get(0);
      }
    }

    private void exclusiveGateway(ExclusiveGateway gateway, ElementModel model) {
      conditionalGateway(gateway.getDefault(), model, "exclusive");
    }

    private void inclusiveGateway(InclusiveGateway gateway, ElementModel model) {
      conditionalGateway(gateway.getDefault(), model, "inclusive");
    }

    private void conditionalGateway(SequenceFlow defaultFlow, ElementModel model, String kind) {
      if (defaultFlow != null) {
        model.defaultFlow = model.outgoing.stream()
            .filter(flow -> flow.id.equals(defaultFlow.getId())).findFirst().orElse(null);
      }
      if (model.outgoing.size() > 1) {
        for (FlowModel flow : model.outgoing) {
          if (flow != model.defaultFlow && flow.condition == null) {
            problems.add("sequence flow '" + flow.id + "' leaves " + kind + " gateway '" + model.id
                + "' without a condition and is not its default flow");
          }
        }
      }
    }

    private ElementModel node(FlowNode node) {
      String id = node.getId();
      String name = node.getName();
      String where = describe(node);
      ElementModel model;
      if (node instanceof StartEvent start) {
        model = new ElementModel(id, name, ElementKind.START_EVENT);
        model.interrupting = start.isInterrupting();
        triggers(start.getEventDefinitions(), model, where, "a start event");
      } else if (node instanceof EndEvent end) {
        model = new ElementModel(id, name, ElementKind.END_EVENT);
        for (EventDefinition definition : end.getEventDefinitions()) {
          if (definition instanceof TerminateEventDefinition) {
            model.terminate = true;
          } else if (definition instanceof ErrorEventDefinition error) {
            model.thrownErrorCode = thrownCode(where, "error", error.getError() == null ? null
                : error.getError().getErrorCode());
          } else if (definition instanceof EscalationEventDefinition escalation) {
            model.thrownEscalationCode = thrownCode(where, "escalation", escalation.getEscalation() == null ? null
                : escalation.getEscalation().getEscalationCode());
          } else {
            unsupported(where, definition.getElementType().getTypeName() + " on an end event");
          }
        }
      } else if (node instanceof IntermediateThrowEvent event) {
        model = new ElementModel(id, name, ElementKind.INTERMEDIATE_THROW_EVENT);
        for (EventDefinition definition : event.getEventDefinitions()) {
          if (definition instanceof EscalationEventDefinition escalation) {
            model.thrownEscalationCode = thrownCode(where, "escalation", escalation.getEscalation() == null ? null
                : escalation.getEscalation().getEscalationCode());
          } else {
            unsupported(where, definition.getElementType().getTypeName() + " on an intermediateThrowEvent");
          }
        }
      } else if (node instanceof IntermediateCatchEvent event) {
        model = new ElementModel(id, name, ElementKind.INTERMEDIATE_CATCH_EVENT);
        triggers(event.getEventDefinitions(), model, where, "an intermediate catch event");
        if (model.trigger == Trigger.NONE || model.trigger == Trigger.ERROR) {
          problems.add(where + ": an intermediate catch event needs a timer, message or signal definition");
        }
      } else if (node instanceof ReceiveTask receive) {
        model = new ElementModel(id, name, ElementKind.RECEIVE_TASK);
        message(receive.getMessage(), receive, model, where);
      } else if (node instanceof EventBasedGateway) {
        model = new ElementModel(id, name, ElementKind.EVENT_BASED_GATEWAY);
      } else if (node instanceof BoundaryEvent boundary) {
        model = boundary(boundary, where);
      } else if (node instanceof BusinessRuleTask && node.getSingleExtensionElement(ZeebeCalledDecision.class) != null) {
        model = new ElementModel(id, name, ElementKind.BUSINESS_RULE_TASK);
        calledDecision(node.getSingleExtensionElement(ZeebeCalledDecision.class), model, where);
      } else if (node instanceof ServiceTask || node instanceof SendTask || node instanceof BusinessRuleTask) {
        model = new ElementModel(id, name, kindOf(node));
        jobDefinition(node, model, where, true);
      } else if (node instanceof ScriptTask) {
        model = new ElementModel(id, name, ElementKind.SCRIPT_TASK);
        ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
        if (script != null) {
          model.script = feel(where, script.getExpression(), true);
          model.resultVariable = script.getResultVariable();
        } else {
          jobDefinition(node, model, where, true);
        }
      } else if (node instanceof UserTask userTask) {
        model = new UserTaskReader(feel, problems).read(userTask, where);
      } else if (node instanceof ManualTask) {
        model = new ElementModel(id, name, ElementKind.MANUAL_TASK);
      } else if (node instanceof SubProcess subProcess) {
        model = new ElementModel(id, name,
            subProcess.triggeredByEvent() ? ElementKind.EVENT_SUB_PROCESS : ElementKind.SUB_PROCESS);
        elements.put(id, model);
        container(model, subProcess.getFlowElements());
      } else if (node instanceof ExclusiveGateway) {
        model = new ElementModel(id, name, ElementKind.EXCLUSIVE_GATEWAY);
      } else if (node instanceof ParallelGateway) {
        model = new ElementModel(id, name, ElementKind.PARALLEL_GATEWAY);
      } else if (node instanceof InclusiveGateway) {
        model = new ElementModel(id, name, ElementKind.INCLUSIVE_GATEWAY);
      } else if (node instanceof CallActivity) {
        model = new ElementModel(id, name, ElementKind.CALL_ACTIVITY);
        model.calledElement = calledElement(node, where);
      } else if (node instanceof Task && "task".equals(node.getElementType().getTypeName())) {
        model = new ElementModel(id, name, ElementKind.TASK);
      } else {
        unsupported(where, node.getElementType().getTypeName());
        return null;
      }
      ioMapping(node, model, where);
      if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
        model.loop = loop(activity, where);
      }
      return model;
    }

    private ElementKind kindOf(FlowNode node) {
      if (node instanceof SendTask) {
        return ElementKind.SEND_TASK;
      }
      return node instanceof BusinessRuleTask ? ElementKind.BUSINESS_RULE_TASK : ElementKind.SERVICE_TASK;
    }

    private org.tsumugi.engine.feel.Expression thrownCode(String where, String what, String code) {
      if (code == null || code.isBlank()) {
        problems.add(where + ": the thrown " + what + " needs a code");
        return null;
      }
      return feel(where, code, false);
    }

    private CalledElement calledElement(FlowNode node, String where) {
      ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
      if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
        problems.add(where + ": needs a zeebe:calledElement with a processId");
        return null;
      }
      ZeebeBindingType type = called.getBindingType() == null ? ZeebeBindingType.latest : called.getBindingType();
      CalledElement.Binding binding = switch (type) {
        case deployment -> CalledElement.Binding.DEPLOYMENT;
        case versionTag -> CalledElement.Binding.VERSION_TAG;
        default -> CalledElement.Binding.LATEST;
      };
      if (binding == CalledElement.Binding.VERSION_TAG && blankToNull(called.getVersionTag()) == null) {
        problems.add(where + ": bindingType versionTag needs a versionTag");
      }
      return new CalledElement(feel(where, called.getProcessId(), false), binding, blankToNull(called.getVersionTag()),
          called.isPropagateAllParentVariablesEnabled(), called.isPropagateAllChildVariablesEnabled());
    }

    private LoopCharacteristics loop(Activity activity, String where) {
      if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics multi)) {
        unsupported(where, "standard loop characteristics");
        return null;
      }
      ZeebeLoopCharacteristics zeebe = multi.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
      if (zeebe == null || blankToNull(zeebe.getInputCollection()) == null) {
        problems.add(where + ": a multi-instance activity needs a zeebe:loopCharacteristics inputCollection");
        return null;
      }
      String condition = multi.getCompletionCondition() == null ? null
          : blankToNull(multi.getCompletionCondition().getTextContent());
      return new LoopCharacteristics(multi.isSequential(), feel(where, zeebe.getInputCollection(), true),
          blankToNull(zeebe.getInputElement()), blankToNull(zeebe.getOutputCollection()),
          blankToNull(zeebe.getOutputElement()) == null ? null : feel(where, zeebe.getOutputElement(), true),
          condition == null ? null : feel(where, condition, true));
    }

    private ElementModel boundary(BoundaryEvent boundary, String where) {
      ElementModel model = new ElementModel(boundary.getId(), boundary.getName(), ElementKind.BOUNDARY_EVENT);
      model.interrupting = boundary.cancelActivity();
      triggers(boundary.getEventDefinitions(), model, where, "a boundary event");
      if (model.errorEvent && !model.interrupting) {
        problems.add(where + ": an error boundary event is always interrupting");
      }
      if (model.trigger == Trigger.NONE) {
        problems.add(where + ": a boundary event needs an event definition");
      }
      pendingAttachments.put(model, boundary.getAttachedTo() == null ? null : boundary.getAttachedTo().getId());
      return model;
    }

    private final Map<ElementModel, String> pendingAttachments = new LinkedHashMap<>();

    private void unsupportedDefinitions(IntermediateThrowEvent event, String where) {
      for (EventDefinition definition : event.getEventDefinitions()) {
        unsupported(where, definition.getElementType().getTypeName() + " on a " + event.getElementType().getTypeName());
      }
    }

    /** Reads the one event definition of a catching event (none, timer, message, signal or error). */
    private void triggers(Collection<EventDefinition> definitions, ElementModel model, String where, String what) {
      if (definitions.size() > 1) {
        problems.add(where + ": " + what + " with more than one event definition is not supported");
        return;
      }
      for (EventDefinition definition : definitions) {
        if (definition instanceof ErrorEventDefinition error) {
          model.trigger = Trigger.ERROR;
          model.errorEvent = true;
          model.errorCode = error.getError() == null ? null : blankToNull(error.getError().getErrorCode());
        } else if (definition instanceof EscalationEventDefinition escalation && model.kind == ElementKind.BOUNDARY_EVENT) {
          model.trigger = Trigger.ESCALATION;
          model.escalationEvent = true;
          model.escalationCode = escalation.getEscalation() == null ? null
              : blankToNull(escalation.getEscalation().getEscalationCode());
        } else if (definition instanceof TimerEventDefinition timer) {
          model.trigger = Trigger.TIMER;
          model.timer = timer(timer, where);
        } else if (definition instanceof MessageEventDefinition message) {
          message(message.getMessage(), null, model, where);
        } else if (definition instanceof SignalEventDefinition signal) {
          model.trigger = Trigger.SIGNAL;
          if (signal.getSignal() == null || signal.getSignal().getName() == null || signal.getSignal().getName().isBlank()) {
            problems.add(where + ": the signal event needs a signal with a name");
          } else {
            model.signalName = feel(where, signal.getSignal().getName(), false);
          }
        } else {
          unsupported(where, definition.getElementType().getTypeName() + " on " + what);
        }
      }
    }

    private TimerDefinition timer(TimerEventDefinition timer, String where) {
      TimerDefinition.Type type;
      String text;
      if (timer.getTimeDate() != null) {
        type = TimerDefinition.Type.DATE;
        text = timer.getTimeDate().getTextContent();
      } else if (timer.getTimeDuration() != null) {
        type = TimerDefinition.Type.DURATION;
        text = timer.getTimeDuration().getTextContent();
      } else if (timer.getTimeCycle() != null) {
        type = TimerDefinition.Type.CYCLE;
        text = timer.getTimeCycle().getTextContent();
      } else {
        problems.add(where + ": the timer needs a date, a duration or a cycle");
        return null;
      }
      if (text == null || text.isBlank()) {
        problems.add(where + ": the timer's " + type.name().toLowerCase(Locale.ROOT) + " is empty");
        return null;
      }
      org.tsumugi.engine.feel.Expression value = feel(where, text.strip(), false);
      if (value != null && value.isStatic()) {
        try {
          TimerSchedule.parse(type, value.source());
        } catch (IllegalArgumentException e) {
          problems.add(where + ": " + e.getMessage());
        }
      }
      return value == null ? null : new TimerDefinition(type, value);
    }

    /**
     * A timer start event has no instance to read variables from: its FEEL value is evaluated now, so a value that
     * can never work is refused at deployment rather than leaving the process without its timer.
     */
    private void checkStartTimer(ElementModel start) {
      if (start.timer == null || start.timer.value().isStatic()) {
        return;
      }
      String where = "element '" + start.id + "' (startEvent)";
      try {
        Object value = start.timer.value().evaluate(BpmnTransformer.this.feel, Map.of());
        TimerSchedule.parse(start.timer.type(), value == null ? "" : String.valueOf(value));
      } catch (ExpressionException | IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }

    /** A message catch: its name (literal or FEEL) and, except on start events, its correlation key. */
    private void message(Message message, FlowNode owner, ElementModel model, String where) {
      model.trigger = Trigger.MESSAGE;
      if (message == null || message.getName() == null || message.getName().isBlank()) {
        problems.add(where + ": the message event needs a message with a name");
        return;
      }
      model.messageName = feel(where, message.getName(), false);
      ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
      if (subscription != null && subscription.getCorrelationKey() != null && !subscription.getCorrelationKey().isBlank()) {
        model.correlationKey = feel(where, subscription.getCorrelationKey(), false);
      } else if (model.kind != ElementKind.START_EVENT) {
        problems.add(where + ": the message '" + message.getName() + "' needs a zeebe:subscription correlationKey");
      }
    }

    private void unsupported(String where, String what) {
      problems.add(where + ": " + what + " is not supported by Tsumugi's engine yet");
    }

    private void jobDefinition(FlowNode node, ElementModel model, String where, boolean required) {
      ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
        if (required) {
          problems.add(where + ": needs a zeebe:taskDefinition with a job type");
        }
        return;
      }
      model.jobType = feel(where, definition.getType(), false);
      model.jobRetries = feel(where, definition.getRetries() == null ? ZeebeTaskDefinition.DEFAULT_RETRIES : definition.getRetries(), false);
      ZeebeTaskHeaders headers = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
      if (headers != null) {
        for (ZeebeHeader header : headers.getHeaders()) {
          model.taskHeaders.put(header.getKey(), header.getValue());
        }
      }
    }

    private void calledDecision(ZeebeCalledDecision called, ElementModel model, String where) {
      if (called.getDecisionId() == null || called.getDecisionId().isBlank()) {
        problems.add(where + ": zeebe:calledDecision needs a decisionId");
      } else {
        model.calledDecisionId = feel(where, called.getDecisionId(), false);
      }
      if (called.getResultVariable() == null || called.getResultVariable().isBlank()) {
        problems.add(where + ": zeebe:calledDecision needs a resultVariable");
      }
      model.resultVariable = called.getResultVariable();
      model.decisionBinding = called.getBindingType() == null ? ZeebeBindingType.latest.name()
          : called.getBindingType().name();
      model.decisionVersionTag = blankToNull(called.getVersionTag());
      if (called.getBindingType() == ZeebeBindingType.versionTag && model.decisionVersionTag == null) {
        problems.add(where + ": zeebe:calledDecision with bindingType versionTag needs a versionTag");
      }
    }

    private void ioMapping(FlowNode node, ElementModel model, String where) {
      ZeebeIoMapping mapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
      if (mapping == null) {
        return;
      }
      for (ZeebeInput input : mapping.getInputs()) {
        model.inputs.add(new Mapping(mappingSource(where, input.getSource()), input.getTarget()));
      }
      for (ZeebeOutput output : mapping.getOutputs()) {
        model.outputs.add(new Mapping(mappingSource(where, output.getSource()), output.getTarget()));
      }
    }

    /** A mapping source is FEEL when it starts with '=', else a literal string (as in Camunda 8.x). */
    private org.tsumugi.engine.feel.Expression mappingSource(String where, String source) {
      return feel(where, source == null ? "=null" : source, false);
    }

    private org.tsumugi.engine.feel.Expression feel(String where, String text, boolean alwaysFeel) {
      try {
        return alwaysFeel ? BpmnTransformer.this.feel.parseFeel(text) : BpmnTransformer.this.feel.parse(text);
      } catch (ExpressionException e) {
        problems.add(where + ": " + e.getMessage());
        return null;
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
