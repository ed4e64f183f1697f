package org.tsumugi.engine.processing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.ProcessModel;
import org.tsumugi.engine.model.Trigger;
import org.tsumugi.engine.processing.Command.ActivateJobs;
import org.tsumugi.engine.processing.Command.CancelInstance;
import org.tsumugi.engine.processing.Command.CompleteJob;
import org.tsumugi.engine.processing.Command.CreateInstance;
import org.tsumugi.engine.processing.Command.FailJob;
import org.tsumugi.engine.processing.Command.JobDue;
import org.tsumugi.engine.processing.Command.PinClock;
import org.tsumugi.engine.processing.Command.ResolveIncident;
import org.tsumugi.engine.processing.Command.SetVariables;
import org.tsumugi.engine.processing.Command.ThrowError;
import org.tsumugi.engine.processing.Command.TimerDue;
import org.tsumugi.engine.processing.Command.UpdateJob;
import org.tsumugi.engine.processing.Results.ActivatedJob;
import org.tsumugi.engine.processing.Results.AwaitedInstance;
import org.tsumugi.engine.processing.Results.CreatedInstance;
import org.tsumugi.engine.processing.Results.DeployedProcess;
import org.tsumugi.engine.processing.Results.Deployment;
import org.tsumugi.engine.processing.Results.ParsedResource;
import org.tsumugi.engine.state.ElementInstance;
import org.tsumugi.engine.state.EngineState;
import org.tsumugi.engine.state.EventSubscription;
import org.tsumugi.engine.state.Incident;
import org.tsumugi.engine.state.Job;
import org.tsumugi.engine.state.JobState;
import org.tsumugi.engine.state.ProcessDefinition;
import org.tsumugi.engine.state.StateStore;

/**
 * The single writer. Commands queue up; the writer takes them in batches, applies each to the
 * in-memory state, writes the whole batch in one transaction, and only then answers the callers. A
 * failed write reloads the state from the database, so memory never runs ahead of what is stored.
 */
public final class CommandProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 256;
  private static final int QUEUE_CAPACITY = 20_000;

  private record Pending(Command command, CompletableFuture<Object> future) {}

  private record Awaiter(CompletableFuture<Map<String, Object>> completion, List<String> fetchVariables) {}

  /** What an activation that found no job and may wait answers, instead of an empty list. */
  private static final Object PARK = new Object();

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final EngineState state = new EngineState();
  private final StateStore store;
  private final EngineClock clock;
  private final BiFunction<String, byte[], ProcessModel> parser;
  private final BpmnExecutor executor;
  private final History history;
  private final Messages messages;
  private final Signals signals;
  private final DecisionDeployment decisionDeployment;
  private final UserTaskOperations userTasks;
  private final JobCommands jobs;
  private final LongPolls longPolls = new LongPolls();

  /** Job deadlines and back-off ends: {due time, job key}. Stale entries are skipped when due. */
  private final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  /** Due dates of timers, as {due date, subscription key}; an entry whose timer moved or closed is skipped. */
  private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
  private final Map<Long, Awaiter> awaiters = new HashMap<>();

  // per batch, reset when a batch is run again
  private final Set<String> newJobTypes = new HashSet<>();
  private final Map<Long, Awaiter> newAwaiters = new HashMap<>();
  private final Map<Long, Map<String, Object>> completedInstances = new LinkedHashMap<>();
  private final Set<Long> terminatedInstances = new HashSet<>();

  private final Thread writer;
  private volatile boolean running = true;

  public CommandProcessor(StateStore store, FeelEngine feel, EngineClock clock,
      BiFunction<String, byte[], ProcessModel> parser) {
    this.store = store;
    this.clock = clock;
    this.parser = parser;
    this.history = new History(state, clock::millis);
    Variables variables = new Variables(state, history);
    this.executor = new BpmnExecutor(state, feel, clock::millis, ZoneId.systemDefault(), history, variables,
        new BpmnExecutor.Listener() {
      @Override
      public void jobCreated(Job job) {
        newJobTypes.add(job.type);
      }

      @Override
      public void processCompleted(ElementInstance root, Map<String, Object> result) {
        completedInstances.put(root.key, result);
        messages.instanceEnded(root);
      }

      @Override
      public void processTerminated(ElementInstance root) {
        terminatedInstances.add(root.key);
        messages.instanceEnded(root);
      }

      @Override
      public void subscriptionOpened(EventSubscription subscription) {
        if (subscription.trigger == Trigger.TIMER) {
          timers.add(new long[] {subscription.dueDate, subscription.key});
        }
        messages.opened(subscription);
      }
    });
    this.messages = new Messages(state, executor, history, clock::millis);
    this.signals = new Signals(state, executor, history);
    this.decisionDeployment = new DecisionDeployment(state, history);
    this.userTasks = new UserTaskOperations(state, executor, clock::millis, history);
    this.jobs = new JobCommands(state, executor, history, clock::millis, new JobCommands.Listener() {
      @Override
      public void activatable(Job job) {
        newJobTypes.add(job.type);
      }

      @Override
      public void schedule(Job job) {
        CommandProcessor.this.schedule(job);
      }
    });
    reload();
    this.writer = new Thread(this::run, "tsumugi-engine-writer");
    writer.setDaemon(false);
    writer.start();
  }

  /** Queues a command; the future completes once its effects are stored. */
  public CompletableFuture<Object> submit(Command command) {
    CompletableFuture<Object> future = new CompletableFuture<>();
    if (!running) {
      future.completeExceptionally(Rejection.unavailable("the engine is shutting down"));
    } else if (!queue.offer(new Pending(command, future))) {
      future.completeExceptionally(Rejection.unavailable("the engine is overloaded; retry shortly"));
    }
    return future;
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.future.completeExceptionally(Rejection.unavailable("the engine is shutting down"));
    }
  }

  private void reload() {
    store.load(state, parser);
    due.clear();
    for (Job job : state.jobs()) {
      schedule(job);
    }
    timers.clear();
    for (EventSubscription subscription : state.subscriptions()) {
      if (subscription.trigger == Trigger.TIMER) {
        timers.add(new long[] {subscription.dueDate, subscription.key});
      }
    }
  }

  private void run() {
    long lastSweep = System.currentTimeMillis();
    while (running) {
      try {
        List<Pending> batch = new ArrayList<>();
        Pending first = queue.poll(waitMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        addDueJobs(batch);
        if (!batch.isEmpty()) {
          process(batch);
        }
        longPolls.expire();
        if (System.currentTimeMillis() - lastSweep > 1000) {
          awaiters.values().removeIf(awaiter -> awaiter.completion.isDone());
          lastSweep = System.currentTimeMillis();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("engine writer failed; reloading state from the database", e);
        safeReload();
      }
    }
  }

  private long waitMillis() {
    long wait = 1000;
    long[] next = due.peek();
    if (next != null) {
      wait = Math.min(wait, next[0] - clock.millis());
    }
    long[] nextTimer = timers.peek();
    if (nextTimer != null) {
      wait = Math.min(wait, nextTimer[0] - clock.millis());
    }
    wait = Math.min(wait, state.messages.nextDeadline() - clock.millis());
    return Math.max(0, longPolls.millisUntilNextDeadline(wait));
  }

  private void addDueJobs(List<Pending> batch) {
    long now = clock.millis();
    while (!due.isEmpty() && due.peek()[0] <= now && batch.size() < MAX_BATCH * 2) {
      batch.add(new Pending(new JobDue(due.poll()[1]), null));
    }
    while (!timers.isEmpty() && timers.peek()[0] <= now && batch.size() < MAX_BATCH * 2) {
      batch.add(new Pending(new TimerDue(timers.poll()[1]), null));
    }
    if (state.messages.nextDeadline() <= now) {
      batch.add(new Pending(new Command.ExpireMessages(), null));
    }
  }

  /** Runs the batch; a command that fails with a bug is dropped and the rest run again on clean state. */
  private void process(List<Pending> batch) {
    List<Pending> remaining = new ArrayList<>(batch);
    while (true) {
      resetBatch();
      List<Object> outcomes = new ArrayList<>(remaining.size());
      int failedAt = -1;
      RuntimeException failure = null;
      for (int i = 0; i < remaining.size(); i++) {
        try {
          Object outcome = apply(remaining.get(i).command);
          messages.settle();
          if (outcome == PARK) {
            longPolls.park((ActivateJobs) remaining.get(i).command, remaining.get(i).future);
          }
          outcomes.add(outcome);
        } catch (Rejection rejection) {
          outcomes.add(rejection);
        } catch (RuntimeException e) {
          failedAt = i;
          failure = e;
          break;
        }
      }
      if (failure != null) {
        LOG.error("command {} failed; it is rejected and the rest of its batch runs again",
            remaining.get(failedAt).command.getClass().getSimpleName(), failure);
        Pending bad = remaining.remove(failedAt);
        if (bad.future != null) {
          bad.future.completeExceptionally(failure);
        }
        safeReload();
        continue;
      }
      try {
        longPolls.serve(newJobTypes, jobs::activate);
        if (state.hasPendingChanges()) {
          store.flush(state);
        }
      } catch (RuntimeException e) {
        LOG.error("writing a batch of {} commands failed; state is reloaded", remaining.size(), e);
        Rejection unavailable = Rejection.unavailable("the engine could not store the change: "
            + e.getClass().getSimpleName());
        for (Pending pending : remaining) {
          if (pending.future != null) {
            pending.future.completeExceptionally(unavailable);
          }
        }
        longPolls.failed(unavailable);
        safeReload();
        return;
      }
      afterCommit(remaining, outcomes);
      return;
    }
  }

  private void resetBatch() {
    longPolls.resetBatch(); // a batch that runs again parks its requests again
    newJobTypes.clear();
    newAwaiters.clear();
    completedInstances.clear();
    terminatedInstances.clear();
    messages.reset();
  }

  private void safeReload() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.error("reloading the engine state failed", e);
    }
  }

  private void afterCommit(List<Pending> batch, List<Object> outcomes) {
    awaiters.putAll(newAwaiters);
    longPolls.committed();
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<Object> future = batch.get(i).future;
      Object outcome = outcomes.get(i);
      if (future == null || outcome == PARK) {
        continue;
      }
      if (outcome instanceof Rejection rejection) {
        future.completeExceptionally(rejection);
      } else {
        future.complete(outcome);
      }
    }
    completedInstances.forEach((key, variables) -> {
      Awaiter awaiter = awaiters.remove(key);
      if (awaiter != null) {
        awaiter.completion.complete(select(variables, awaiter.fetchVariables));
      }
    });
    for (Long key : terminatedInstances) {
      Awaiter awaiter = awaiters.remove(key);
      if (awaiter != null) {
        awaiter.completion.completeExceptionally(
            Rejection.invalidState("process instance " + key + " was terminated before it completed"));
      }
    }
  }

  private static Map<String, Object> select(Map<String, Object> variables, List<String> names) {
    if (names == null || names.isEmpty()) {
      return variables;
    }
    Map<String, Object> selected = new LinkedHashMap<>();
    names.stream().filter(variables::containsKey).forEach(name -> selected.put(name, variables.get(name)));
    return selected;
  }

  private void schedule(Job job) {
    if (job.state == JobState.ACTIVATED && job.deadline > 0) {
      due.add(new long[] {job.deadline, job.key});
    } else if (job.state == JobState.FAILED && job.retries > 0 && job.recurAt > 0) {
      due.add(new long[] {job.recurAt, job.key});
    }
  }

  // ---------------------------------------------------------------- commands

  private Object apply(Command command) {
    if (command instanceof Command.Deploy deploy) {
      return deploy(deploy);
    } else if (command instanceof CreateInstance create) {
      return create(create);
    } else if (command instanceof CancelInstance cancel) {
      return cancel(cancel.processInstanceKey());
    } else if (command instanceof ActivateJobs activate) {
      if (activate.longPolls() && System.currentTimeMillis() >= activate.answerBy()) {
        return List.of(); // waited in the queue until its client is about to give up: hand it nothing
      }
      List<ActivatedJob> activated = jobs.activate(activate);
      return activated.isEmpty() && activate.longPolls() ? PARK : activated;
    } else if (command instanceof Command.YieldJobs yield) {
      return jobs.yieldJobs(yield);
    } else if (command instanceof CompleteJob complete) {
      return jobs.complete(complete);
    } else if (command instanceof FailJob fail) {
      return jobs.fail(fail);
    } else if (command instanceof ThrowError error) {
      return jobs.throwError(error);
    } else if (command instanceof UpdateJob update) {
      return jobs.update(update);
    } else if (command instanceof ResolveIncident resolve) {
      return resolve(resolve.incidentKey());
    } else if (command instanceof SetVariables set) {
      return setVariables(set);
    } else if (command instanceof Command.EvaluateDecision evaluate) {
      return executor.decisions().evaluate(evaluate);
    } else if (command instanceof JobDue jobDue) {
      return jobs.due(jobDue.jobKey());
    } else if (command instanceof TimerDue timerDue) {
      return timerDue(timerDue.subscriptionKey());
    } else if (command instanceof Command.PublishMessage publish) {
      return messages.publish(publish);
    } else if (command instanceof Command.CorrelateMessage correlate) {
      return messages.correlate(correlate);
    } else if (command instanceof Command.ExpireMessages) {
      messages.expire();
      return null;
    } else if (command instanceof Command.BroadcastSignal broadcast) {
      return signals.broadcast(broadcast.name(), broadcast.variables());
    } else if (command instanceof PinClock pin) {
      if (pin.epochMillis() < 0) {
        clock.reset();
      } else {
        clock.pin(pin.epochMillis());
      }
      return null;
    } else if (command instanceof Command.CompleteUserTask complete) {
      return userTasks.complete(complete);
    } else if (command instanceof Command.AssignUserTask assign) {
      return userTasks.assign(assign);
    } else if (command instanceof Command.UnassignUserTask unassign) {
      return userTasks.unassign(unassign);
    } else if (command instanceof Command.UpdateUserTask update) {
      return userTasks.update(update);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private Deployment deploy(Command.Deploy deploy) {
    List<ParsedResource> resources = deploy.resources();
    decisionDeployment.check(resources);
    long deploymentKey = state.nextKey();
    List<Results.DeployedForm> forms = new FormDeployment(state, history).deploy(deploy.forms(), deploymentKey);
    List<DecisionRequirements> drgs = new ArrayList<>();
    List<DecisionDefinition> decisions = new ArrayList<>();
    decisionDeployment.deploy(resources, deploymentKey, drgs, decisions);
    List<DeployedProcess> deployed = new ArrayList<>();
    for (ParsedResource resource : deploy.resources()) {
      for (ProcessModel model : resource.processes()) {
        ProcessDefinition latest = state.latestDefinition(model.bpmnProcessId());
        if (latest != null && latest.checksum.equals(resource.checksum())
            && latest.resourceName.equals(resource.name())) {
          deployed.add(new DeployedProcess(latest.key, latest.bpmnProcessId, latest.version, latest.resourceName));
          continue;
        }
        int version = latest == null ? 1 : latest.version + 1;
        ProcessDefinition definition = new ProcessDefinition(state.nextKey(), model.bpmnProcessId(), version,
            model.name(), resource.name(), resource.checksum(), deploymentKey, resource.content(), model);
        state.addDefinition(definition);
        executor.deployed(definition);
        history.deployment(definition.key, "CREATED", definition.bpmnProcessId);
        deployed.add(new DeployedProcess(definition.key, definition.bpmnProcessId, version, resource.name()));
      }
    }
    return new Deployment(deploymentKey, deployed, drgs, decisions, forms);
  }

  private Object create(CreateInstance create) {
    ProcessDefinition definition;
    if (create.definitionKey() > 0) {
      definition = state.definition(create.definitionKey());
      if (definition == null) {
        throw Rejection.notFound("no process definition found with key " + create.definitionKey());
      }
    } else if (create.bpmnProcessId() == null || create.bpmnProcessId().isBlank()) {
      throw Rejection.invalidArgument("either processDefinitionId or processDefinitionKey must be given");
    } else if (create.version() < 0) {
      definition = state.latestDefinition(create.bpmnProcessId());
      if (definition == null) {
        throw Rejection.notFound("no process definition found with id '" + create.bpmnProcessId() + "'");
      }
    } else {
      definition = state.definition(create.bpmnProcessId(), create.version());
      if (definition == null) {
        throw Rejection.notFound("no process definition found with id '" + create.bpmnProcessId() + "' and version "
            + create.version());
      }
    }
    if (definition.model.root().noneStartEvent() == null) {
      throw Rejection.invalidArgument("process '" + definition.bpmnProcessId + "' has no none start event: it starts"
          + " only by its timer, message or signal start events");
    }
    ElementInstance root = executor.startProcess(definition, create.variables());
    CreatedInstance created = new CreatedInstance(root.key, definition.key, definition.bpmnProcessId,
        definition.version);
    if (!create.awaitCompletion()) {
      return created;
    }
    Awaiter awaiter = new Awaiter(new CompletableFuture<>(), create.fetchVariables());
    newAwaiters.put(root.key, awaiter);
    return new AwaitedInstance(created, awaiter.completion);
  }

  private Object cancel(long processInstanceKey) {
    ElementInstance root = state.elementInstance(processInstanceKey);
    if (root == null || !root.isRoot()) {
      throw Rejection.notFound("no active process instance found with key " + processInstanceKey);
    }
    if (root.parentProcessInstanceKey != 0) {
      throw Rejection.invalidState("process instance " + processInstanceKey + " was started by call activity "
          + root.parentElementInstanceKey + " of process instance " + root.parentProcessInstanceKey
          + "; cancel that root process instance instead");
    }
    executor.cancel(root);
    return processInstanceKey;
  }

  private Object resolve(long incidentKey) {
    Incident incident = state.incident(incidentKey);
    if (incident == null) {
      throw Rejection.notFound("no open incident found with key " + incidentKey);
    }
    executor.resolve(incident);
    return incidentKey;
  }

  private Object setVariables(SetVariables set) {
    ElementInstance scope = state.elementInstance(set.elementInstanceKey());
    if (scope == null) {
      throw Rejection.notFound("no active element instance found with key " + set.elementInstanceKey());
    }
    if (set.local()) {
      executor.variables().setLocal(scope, set.variables());
    } else {
      executor.variables().propagate(scope, set.variables());
    }
    return set.elementInstanceKey();
  }

  private Object timerDue(long subscriptionKey) {
    EventSubscription timer = state.subscription(subscriptionKey);
    if (timer == null || timer.trigger != Trigger.TIMER || timer.dueDate > clock.millis()) {
      return null; // closed, or moved to a later date
    }
    if (!executor.trigger(timer, Map.of())) {
      state.closeSubscription(timer);
    }
    return null;
  }
}
