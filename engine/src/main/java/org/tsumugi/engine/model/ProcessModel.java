package org.tsumugi.engine.model;

import java.util.Map;

/** An executable process: its root element and every element by id. */
public record ProcessModel(String bpmnProcessId, String name, ElementModel root, Map<String, ElementModel> elements) {

  public ElementModel element(String id) {
    ElementModel element = elements.get(id);
    if (element == null) {
      throw new IllegalStateException("process " + bpmnProcessId + " has no element " + id);
    }
    return element;
  }
}
