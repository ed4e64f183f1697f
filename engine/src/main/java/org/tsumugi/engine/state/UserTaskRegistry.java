package org.tsumugi.engine.state;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writer's view of open user tasks and of every deployed form version. Finished tasks leave
 * memory once written, like jobs; forms stay, since user tasks bind to them at activation.
 */
public final class UserTaskRegistry {
  private final Map<Long, UserTask> open = new HashMap<>();
  private final Map<Long, UserTask> openByElementInstance = new HashMap<>();
  private final Map<Long, FormDefinition> forms = new HashMap<>();
  private final Map<String, TreeMap<Integer, FormDefinition>> formsById = new HashMap<>();

  public void add(UserTask task) {
    open.put(task.key, task);
    openByElementInstance.put(task.elementInstanceKey, task);
  }

  public UserTask task(long key) {
    return open.get(key);
  }

  /** The open task of a waiting user task element, if it has one. */
  public UserTask taskOf(long elementInstanceKey) {
    return openByElementInstance.get(elementInstanceKey);
  }

  /** Forgets a task that completed, was canceled or failed. */
  public void finished(UserTask task) {
    open.remove(task.key);
    openByElementInstance.remove(task.elementInstanceKey);
  }

  public void addForm(FormDefinition form) {
    forms.put(form.key, form);
    formsById.computeIfAbsent(form.formId, id -> new TreeMap<>()).put(form.version, form);
  }

  public FormDefinition form(long key) {
    return forms.get(key);
  }

  public FormDefinition latestForm(String formId) {
    TreeMap<Integer, FormDefinition> versions = formsById.get(formId);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  /**
   * The version that was the latest when a deployment went in: the one deployed with it, or the
   * unchanged one it deployed again.
   */
  public FormDefinition formAsOfDeployment(String formId, long deploymentKey) {
    TreeMap<Integer, FormDefinition> versions = formsById.get(formId);
    if (versions == null) {
      return null;
    }
    return versions.descendingMap().values().stream().filter(form -> form.deploymentKey <= deploymentKey)
        .findFirst().orElse(null);
  }

  void clear() {
    open.clear();
    openByElementInstance.clear();
    forms.clear();
    formsById.clear();
  }
}
