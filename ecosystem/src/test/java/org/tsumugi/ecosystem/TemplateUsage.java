package org.tsumugi.ecosystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Whether the tasks of a model that call a Tsumugi worker use an element template that describes them, as
 * Camunda Modeler would show them: the template named by {@code zeebe:modelerTemplate} and
 * {@code zeebe:modelerTemplateVersion} exists, its fixed values (the job type) are the task's, its
 * dropdowns hold the task's values, what it requires is there, and the task sets no header (the worker's
 * settings) that the template does not show. Inputs and outputs may go beyond the template: a browser
 * scenario takes the variables it names, and a model maps a worker's results its own way.
 */
final class TemplateUsage {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Templates by "id@version". */
  private final Map<String, JsonNode> templates = new HashMap<>();

  TemplateUsage(List<Path> templateFiles) throws IOException {
    for (Path file : templateFiles) {
      JsonNode read = JSON.readTree(file.toFile());
      for (JsonNode template : read.isArray() ? read : JSON.createArrayNode().add(read)) {
        templates.put(template.path("id").asText() + "@" + template.path("version").asInt(), template);
      }
    }
  }

  /** Problems of one model, each naming the file, the task and what does not match. */
  List<String> problems(Path model) throws IOException {
    List<String> problems = new ArrayList<>();
    NodeList definitions = parse(model).getElementsByTagNameNS(ZEEBE, "taskDefinition");
    for (int i = 0; i < definitions.getLength(); i++) {
      Element definition = (Element) definitions.item(i);
      Element task = (Element) definition.getParentNode().getParentNode();
      String type = definition.getAttribute("type");
      if (!type.startsWith("tsumugi.")) {
        continue;
      }
      String where = model.getFileName() + " " + task.getAttribute("id") + " (" + type + "): ";
      String id = task.getAttributeNS(ZEEBE, "modelerTemplate");
      String version = task.getAttributeNS(ZEEBE, "modelerTemplateVersion");
      JsonNode template = templates.get(id + "@" + version);
      if (id.isEmpty()) {
        problems.add(where + "uses no element template");
      } else if (template == null) {
        problems.add(where + "uses template " + id + " version " + version + ", which element-templates/ lacks");
      } else {
        check(template, task, definition, where, problems);
      }
    }
    return problems;
  }

  private static void check(JsonNode template, Element task, Element definition, String where,
      List<String> problems) {
    String elementType = template.path("elementType").path("value").asText("");
    String taskType = "bpmn:" + Character.toUpperCase(task.getLocalName().charAt(0)) + task.getLocalName().substring(1);
    if (!elementType.isEmpty() && !elementType.equals(taskType)) {
      problems.add(where + "is a " + taskType + ", the template makes a " + elementType);
    }
    Map<String, String> headers = pairs(task, "header", "key", "value");
    Map<String, String> inputs = pairs(task, "input", "target", "source");
    Map<String, String> declaredHeaders = new LinkedHashMap<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      String actual;
      String name;
      switch (binding.path("type").asText()) {
        case "zeebe:taskDefinition", "zeebe:taskDefinition:type" -> {
          name = binding.path("property").asText("type");
          actual = definition.hasAttribute(name) ? definition.getAttribute(name) : null;
        }
        case "zeebe:taskHeader" -> {
          name = "header " + binding.path("key").asText();
          actual = headers.get(binding.path("key").asText());
          declaredHeaders.put(binding.path("key").asText(), name);
        }
        case "zeebe:input" -> {
          name = "input " + binding.path("name").asText();
          actual = inputs.get(binding.path("name").asText());
        }
        default -> {
          continue;
        }
      }
      String kind = property.path("type").asText();
      if (kind.equals("Hidden") && !property.path("value").asText().equals(actual)) {
        problems.add(where + name + " is " + actual + ", the template fixes it to " + property.path("value").asText());
      }
      if (kind.equals("Dropdown") && actual != null) {
        List<String> choices = new ArrayList<>();
        property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
        if (!choices.contains(actual)) {
          problems.add(where + name + " is " + actual + ", not one of the template's choices " + choices);
        }
      }
      boolean required = property.path("constraints").path("notEmpty").asBoolean(false)
          && !property.path("optional").asBoolean(false);
      if (required && (actual == null || actual.isBlank())) {
        problems.add(where + name + " is missing; the template requires it");
      }
    }
    headers.keySet().stream().filter(key -> !declaredHeaders.containsKey(key))
        .forEach(key -> problems.add(where + "header " + key + " is not in the template, so Modeler does not show it"));
  }

  private static Map<String, String> pairs(Element task, String element, String key, String value) {
    Map<String, String> found = new LinkedHashMap<>();
    NodeList nodes = task.getElementsByTagNameNS(ZEEBE, element);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element node = (Element) nodes.item(i);
      found.put(node.getAttribute(key), node.getAttribute(value));
    }
    return found;
  }

  private static org.w3c.dom.Document parse(Path model) throws IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = Files.newInputStream(model)) {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(model + " is not readable BPMN XML: " + e.getMessage(), e);
    }
  }
}
