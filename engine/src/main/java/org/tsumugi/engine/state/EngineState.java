package org.tsumugi.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.decision.DecisionState;

/**
 * The runtime state, owned by the single writer thread. Finished element instances, jobs and
 * incidents leave memory once written; the database keeps them for queries and history.
 */
public final class EngineState {
  /** Zeebe-style keys: partition 1 in the upper bits, so keys look like the real ones. */
  static final long KEY_BASE = 1L << 51;

  private long lastKey = KEY_BASE;
  private final Map<Long, ProcessDefinition> definitions = new HashMap<>();
  private final Map<String, TreeMap<Integer, ProcessDefinition>> definitionsById = new HashMap<>();
  private final Map<Long, ElementInstance> elementInstances = new HashMap<>();
  private final Map<Long, Set<Long>> childrenByScope = new HashMap<>();
  private final Map<Long, Map<String, Variable>> variablesByScope = new HashMap<>();
  private final Map<Long, Job> jobs = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> activatableJobsByType = new HashMap<>();
  private final Map<Long, Incident> incidents = new LinkedHashMap<>();
  private final Map<Long, EventSubscription> subscriptions = new LinkedHashMap<>();
  private final Map<Long, Set<Long>> subscriptionsByOwner = new HashMap<>();
  /** Open message and signal subscriptions by trigger and name, so a publication or broadcast scans no others. */
  private final Map<String, Set<Long>> subscriptionsByName = new HashMap<>();
  /** Buffered messages and the correlation keys of instances that message start events began. */
  public final MessageBuffer messages = new MessageBuffer(this::changed);
  private final DecisionState decisions = new DecisionState();
  private final UserTaskRegistry userTasks = new UserTaskRegistry();

  final Set<Entity> dirty = new LinkedHashSet<>();
  final List<ProcessDefinition> newDefinitions = new ArrayList<>();
  final List<HistoryRecord> history = new ArrayList<>();

  public long nextKey() {
    return ++lastKey;
  }

  long lastKey() {
    return lastKey;
  }

  void restoreLastKey(long key) {
    lastKey = Math.max(KEY_BASE, key);
  }

  public void record(HistoryRecord record) {
    history.add(record);
  }

  public void changed(Entity entity) {
    dirty.add(entity);
  }

  public boolean hasPendingChanges() {
    return !dirty.isEmpty() || !newDefinitions.isEmpty() || !history.isEmpty() || decisions.hasPendingChanges();
  }

  /** Deployed decisions, and decision instances waiting to be written. */
  public DecisionState decisions() {
    return decisions;
  }

  // --- definitions

  public void addDefinition(ProcessDefinition definition) {
    putDefinition(definition);
    newDefinitions.add(definition);
  }

  void putDefinition(ProcessDefinition definition) {
    definitions.put(definition.key, definition);
    definitionsById.computeIfAbsent(definition.bpmnProcessId, id -> new TreeMap<>()).put(definition.version, definition);
  }

  public ProcessDefinition definition(long key) {
    return definitions.get(key);
  }

  public ProcessDefinition latestDefinition(String bpmnProcessId) {
    TreeMap<Integer, ProcessDefinition> versions = definitionsById.get(bpmnProcessId);
    return versions == null ? null : versions.lastEntry().getValue();
  }

  /** Every version of a process, oldest first. */
  public Collection<ProcessDefinition> definitions(String bpmnProcessId) {
    TreeMap<Integer, ProcessDefinition> versions = definitionsById.get(bpmnProcessId);
    return versions == null ? List.of() : versions.values();
  }

  public ProcessDefinition definition(String bpmnProcessId, int version) {
    TreeMap<Integer, ProcessDefinition> versions = definitionsById.get(bpmnProcessId);
    return versions == null ? null : versions.get(version);
  }

  // --- element instances

  public void addElementInstance(ElementInstance instance) {
    elementInstances.put(instance.key, instance);
    if (!instance.isRoot()) {
      childrenByScope.computeIfAbsent(instance.flowScopeKey, k -> new LinkedHashSet<>()).add(instance.key);
    }
    changed(instance);
  }

  public ElementInstance elementInstance(long key) {
    return elementInstances.get(key);
  }

  /** Active children of a scope, in the order they were activated. */
  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> children = new ArrayList<>(keys.size());
    for (Long key : keys) {
      children.add(elementInstances.get(key));
    }
    return children;
  }

  public int activeChildCount(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    return keys == null ? 0 : keys.size();
  }

  /** Forgets a finished element instance (and its variables) once it has been marked changed. */
  public void removeElementInstance(ElementInstance instance) {
    elementInstances.remove(instance.key);
    Set<Long> siblings = childrenByScope.get(instance.flowScopeKey);
    if (siblings != null) {
      siblings.remove(instance.key);
      if (siblings.isEmpty()) {
        childrenByScope.remove(instance.flowScopeKey);
      }
    }
    childrenByScope.remove(instance.key);
    variablesByScope.remove(instance.key);
  }

  // --- variables

  public Map<String, Variable> variables(long scopeKey) {
    return variablesByScope.getOrDefault(scopeKey, Map.of());
  }

  public Variable variable(long scopeKey, String name) {
    Map<String, Variable> scope = variablesByScope.get(scopeKey);
    return scope == null ? null : scope.get(name);
  }

  public void putVariable(Variable variable) {
    variablesByScope.computeIfAbsent(variable.scopeKey, k -> new LinkedHashMap<>()).put(variable.name, variable);
    changed(variable);
  }

  // --- jobs

  public void putJob(Job job) {
    jobs.put(job.key, job);
    indexJob(job);
    changed(job);
  }

  public Job job(long key) {
    return jobs.get(key);
  }

  public Collection<Job> jobs() {
    return jobs.values();
  }

  /** Call after every change of a job's state so the activatable index stays right. */
  public void jobChanged(Job job) {
    indexJob(job);
    if (job.state.isFinal()) {
      jobs.remove(job.key);
    }
    changed(job);
  }

  private void indexJob(Job job) {
    if (job.state == JobState.ACTIVATABLE) {
      activatableJobsByType.computeIfAbsent(job.type, t -> new LinkedHashSet<>()).add(job.key);
    } else {
      LinkedHashSet<Long> keys = activatableJobsByType.get(job.type);
      if (keys != null) {
        keys.remove(job.key);
        if (keys.isEmpty()) {
          activatableJobsByType.remove(job.type);
        }
      }
    }
  }

  /** Activatable jobs of a type, oldest first. */
  public List<Job> activatableJobs(String type, int max) {
    LinkedHashSet<Long> keys = activatableJobsByType.get(type);
    if (keys == null) {
      return List.of();
    }
    List<Job> result = new ArrayList<>(Math.min(max, keys.size()));
    for (Long key : keys) {
      if (result.size() == max) {
        break;
      }
      result.add(jobs.get(key));
    }
    return result;
  }

  // --- incidents

  public void putIncident(Incident incident) {
    incidents.put(incident.key, incident);
    changed(incident);
  }

  public Incident incident(long key) {
    return incidents.get(key);
  }

  public void incidentResolved(Incident incident) {
    incident.resolved = true;
    incidents.remove(incident.key);
    changed(incident);
  }

  // --- event subscriptions

  public void addSubscription(EventSubscription subscription) {
    subscriptions.put(subscription.key, subscription);
    subscriptionsByOwner.computeIfAbsent(subscription.ownerKey, k -> new LinkedHashSet<>()).add(subscription.key);
    indexByName(subscription);
    changed(subscription);
  }

  public EventSubscription subscription(long key) {
    return subscriptions.get(key);
  }

  /** Open subscriptions of an owner; owner 0 holds the start events of processes. */
  public List<EventSubscription> subscriptionsOf(long ownerKey) {
    Set<Long> keys = subscriptionsByOwner.get(ownerKey);
    if (keys == null) {
      return List.of();
    }
    List<EventSubscription> result = new ArrayList<>(keys.size());
    keys.forEach(key -> result.add(subscriptions.get(key)));
    return result;
  }

  /** Open message or signal subscriptions of a name, oldest first. */
  public List<EventSubscription> subscriptionsNamed(Trigger trigger, String name) {
    Set<Long> keys = subscriptionsByName.get(trigger + ":" + name);
    if (keys == null) {
      return List.of();
    }
    List<EventSubscription> result = new ArrayList<>(keys.size());
    keys.forEach(key -> result.add(subscriptions.get(key)));
    return result;
  }

  private void indexByName(EventSubscription subscription) {
    if (subscription.eventName != null) {
      subscriptionsByName.computeIfAbsent(subscription.trigger + ":" + subscription.eventName,
          k -> new LinkedHashSet<>()).add(subscription.key);
    }
  }

  /** Every open subscription, oldest first. */
  public Collection<EventSubscription> subscriptions() {
    return subscriptions.values();
  }

  public void closeSubscription(EventSubscription subscription) {
    subscription.open = false;
    subscriptions.remove(subscription.key);
    Set<Long> keys = subscriptionsByOwner.get(subscription.ownerKey);
    if (keys != null) {
      keys.remove(subscription.key);
      if (keys.isEmpty()) {
        subscriptionsByOwner.remove(subscription.ownerKey);
      }
    }
    Set<Long> named = subscriptionsByName.get(subscription.trigger + ":" + subscription.eventName);
    if (named != null) {
      named.remove(subscription.key);
      if (named.isEmpty()) {
        subscriptionsByName.remove(subscription.trigger + ":" + subscription.eventName);
      }
    }
    changed(subscription);
  }

  void loaded(EventSubscription subscription) {
    subscription.persisted = true;
    subscriptions.put(subscription.key, subscription);
    subscriptionsByOwner.computeIfAbsent(subscription.ownerKey, k -> new LinkedHashSet<>()).add(subscription.key);
    indexByName(subscription);
  }

  // --- user tasks and forms

  public UserTaskRegistry userTasks() {
    return userTasks;
  }

  void clear() {
    userTasks.clear();
    definitions.clear();
    definitionsById.clear();
    elementInstances.clear();
    childrenByScope.clear();
    variablesByScope.clear();
    jobs.clear();
    activatableJobsByType.clear();
    incidents.clear();
    subscriptions.clear();
    subscriptionsByOwner.clear();
    subscriptionsByName.clear();
    messages.clear();
    dirty.clear();
    newDefinitions.clear();
    history.clear();
    lastKey = KEY_BASE;
  }

  void loaded(ElementInstance instance) {
    instance.persisted = true;
    elementInstances.put(instance.key, instance);
    if (!instance.isRoot()) {
      childrenByScope.computeIfAbsent(instance.flowScopeKey, k -> new LinkedHashSet<>()).add(instance.key);
    }
    // a called instance's key is larger than its call activity's, so the call activity is loaded already
    ElementInstance callActivity = instance.parentElementInstanceKey == 0 ? null
        : elementInstances.get(instance.parentElementInstanceKey);
    if (callActivity != null) {
      callActivity.calledInstanceKey = instance.key;
    }
  }

  void loaded(Variable variable) {
    variable.persisted = true;
    variablesByScope.computeIfAbsent(variable.scopeKey, k -> new LinkedHashMap<>()).put(variable.name, variable);
  }

  void loaded(Job job) {
    job.persisted = true;
    jobs.put(job.key, job);
    indexJob(job);
  }

  void loaded(Incident incident) {
    incident.persisted = true;
    incidents.put(incident.key, incident);
  }

  Collection<ElementInstance> elementInstances() {
    return elementInstances.values();
  }
}
