package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.Variable;

/**
 * Camunda 8 variable scoping: a scope sees its own variables and those of every enclosing scope;
 * merged variables go to the nearest scope that already has them, else to the process instance.
 */
final class Variables {
  private final EngineState state;
  private final History history;

  Variables(EngineState state, History history) {
    this.state = state;
    this.history = history;
  }

  /** Everything visible from a scope, inner scopes shadowing outer ones. */
  Map<String, Object> visible(ElementInstance scope) {
    List<ElementInstance> chain = new ArrayList<>();
    for (ElementInstance current = scope; current != null; current = parent(current)) {
      chain.add(current);
    }
    Map<String, Object> result = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      state.variables(chain.get(i).key).forEach((name, variable) -> result.put(name, variable.value));
    }
    return result;
  }

  /** The visible variables, or only the named ones when a worker asks for some. */
  Map<String, Object> visible(ElementInstance scope, List<String> names) {
    Map<String, Object> all = visible(scope);
    if (names == null || names.isEmpty()) {
      return all;
    }
    Map<String, Object> selected = new LinkedHashMap<>();
    for (String name : names) {
      if (all.containsKey(name)) {
        selected.put(name, all.get(name));
      }
    }
    return selected;
  }

  void setLocal(ElementInstance scope, Map<String, Object> values) {
    if (values != null) {
      values.forEach((name, value) -> set(scope, name, value));
    }
  }

  /** Merges variables upward from a scope, each to the nearest scope that has it, else the root. */
  void propagate(ElementInstance from, Map<String, Object> values) {
    if (values == null) {
      return;
    }
    values.forEach((name, value) -> {
      ElementInstance target = null;
      ElementInstance root = from;
      for (ElementInstance current = from; current != null; current = parent(current)) {
        if (state.variable(current.key, name) != null) {
          target = current;
          break;
        }
        root = current;
      }
      set(target != null ? target : root, name, value);
    });
  }

  private void set(ElementInstance scope, String name, Object value) {
    Variable existing = state.variable(scope.key, name);
    if (existing == null) {
      Variable variable = new Variable(state.nextKey(), scope.key, scope.processInstanceKey, name, value);
      state.putVariable(variable);
      history.variable(variable, "CREATED");
    } else if (!Objects.equals(existing.value, value)) {
      existing.value = value;
      state.changed(existing);
      history.variable(existing, "UPDATED");
    }
  }

  private ElementInstance parent(ElementInstance instance) {
    return instance.isRoot() ? null : state.elementInstance(instance.flowScopeKey);
  }

  /** Writes a value at a dotted path ("customer.address.city"), creating or copying objects on the way. */
  @SuppressWarnings("unchecked")
  static void assign(Map<String, Object> target, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> current = target;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      Map<String, Object> copy = next instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map)
          : new LinkedHashMap<>();
      current.put(parts[i], copy);
      current = copy;
    }
    current.put(parts[parts.length - 1], value);
  }
}
