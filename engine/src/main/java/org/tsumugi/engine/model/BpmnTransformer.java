package org.tsumugi.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
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
            scope.children.add(model);
            elements.put(model.id, model);
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
        }
      }
      List<ElementModel> noneStarts = scope.children.stream()
          .filter(child -> child.kind == ElementKind.START_EVENT).toList();
      if (noneStarts.size() != 1) {
        problems.add("element '" + scope.id + "' (" + scope.kind.name().toLowerCase(Locale.ROOT)
            + ") must have exactly one none start event, found " + noneStarts.size());
      } else {
        scope.noneStartEvent = noneStarts.get(0);
      }
    }

    private void exclusiveGateway(ExclusiveGateway gateway, ElementModel model) {
      if (gateway.getDefault() != null) {
        model.defaultFlow = model.outgoing.stream()
            .filter(flow -> flow.id.equals(gateway.getDefault().getId())).findFirst().orElse(null);
      }
      if (model.outgoing.size() > 1) {
        for (FlowModel flow : model.outgoing) {
          if (flow != model.defaultFlow && flow.condition == null) {
            problems.add("sequence flow '" + flow.id + "' leaves exclusive gateway '" + model.id
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
        unsupportedDefinitions(start, where);
        model = new ElementModel(id, name, ElementKind.START_EVENT);
      } else if (node instanceof EndEvent end) {
        model = new ElementModel(id, name, ElementKind.END_EVENT);
        for (EventDefinition definition : end.getEventDefinitions()) {
          if (definition instanceof TerminateEventDefinition) {
            model.terminate = true;
          } else {
            unsupported(where, definition.getElementType().getTypeName() + " on an end event");
          }
        }
      } else if (node instanceof IntermediateThrowEvent event) {
        unsupportedDefinitions(event, where);
        model = new ElementModel(id, name, ElementKind.INTERMEDIATE_THROW_EVENT);
      } else if (node instanceof BoundaryEvent boundary) {
        model = boundary(boundary, where);
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
        if (subProcess.triggeredByEvent()) {
          unsupported(where, "event subprocesses");
          return null;
        }
        model = new ElementModel(id, name, ElementKind.SUB_PROCESS);
        elements.put(id, model);
        container(model, subProcess.getFlowElements());
      } else if (node instanceof ExclusiveGateway) {
        model = new ElementModel(id, name, ElementKind.EXCLUSIVE_GATEWAY);
      } else if (node instanceof ParallelGateway) {
        model = new ElementModel(id, name, ElementKind.PARALLEL_GATEWAY);
      } else if (node instanceof Task && "task".equals(node.getElementType().getTypeName())) {
        model = new ElementModel(id, name, ElementKind.TASK);
      } else {
        unsupported(where, node.getElementType().getTypeName());
        return null;
      }
      ioMapping(node, model, where);
      return model;
    }

    private ElementKind kindOf(FlowNode node) {
      if (node instanceof SendTask) {
        return ElementKind.SEND_TASK;
      }
      return node instanceof BusinessRuleTask ? ElementKind.BUSINESS_RULE_TASK : ElementKind.SERVICE_TASK;
    }

    private ElementModel boundary(BoundaryEvent boundary, String where) {
      ElementModel model = new ElementModel(boundary.getId(), boundary.getName(), ElementKind.BOUNDARY_EVENT);
      model.interrupting = boundary.cancelActivity();
      for (EventDefinition definition : boundary.getEventDefinitions()) {
        if (definition instanceof ErrorEventDefinition error) {
          model.errorEvent = true;
          model.errorCode = error.getError() == null ? null : blankToNull(error.getError().getErrorCode());
        } else {
          unsupported(where, definition.getElementType().getTypeName() + " on a boundary event");
        }
      }
      if (!model.errorEvent && boundary.getEventDefinitions().isEmpty()) {
        problems.add(where + ": a boundary event needs an event definition");
      }
      pendingAttachments.put(model, boundary.getAttachedTo() == null ? null : boundary.getAttachedTo().getId());
      return model;
    }

    private final Map<ElementModel, String> pendingAttachments = new LinkedHashMap<>();

    private void unsupportedDefinitions(Event event, String where) {
      Collection<EventDefinition> definitions = event instanceof StartEvent start ? start.getEventDefinitions()
          : ((IntermediateThrowEvent) event).getEventDefinitions();
      for (EventDefinition definition : definitions) {
        unsupported(where, definition.getElementType().getTypeName() + " on a " + event.getElementType().getTypeName());
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
