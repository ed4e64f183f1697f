package org.tsumugi.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tsumugi.engine.processing.Command.ActivateJobs;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Results.ActivatedJob;

/**
 * Long-polling job activation: a request that finds no job waits until the engine reports new jobs
 * of its type (or its request timeout passes), then tries again. Nothing polls on a timer.
 */
public final class JobLongPolling implements Consumer<Set<String>>, AutoCloseable {
  private final Map<String, List<Runnable>> waiters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "tsumugi-job-long-polling");
    thread.setDaemon(true);
    return thread;
  });
  private volatile CommandProcessor processor;

  public void attach(CommandProcessor processor) {
    this.processor = processor;
  }

  /** Completes with the activated jobs, or with none when the request timeout passes first. */
  CompletableFuture<List<ActivatedJob>> activate(ActivateJobs command, long requestTimeoutMillis) {
    CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    if (requestTimeoutMillis > 0) {
      timeouts.schedule(() -> result.complete(List.of()), requestTimeoutMillis, TimeUnit.MILLISECONDS);
    }
    attempt(command, result, requestTimeoutMillis > 0);
    return result;
  }

  @SuppressWarnings("unchecked")
  private void attempt(ActivateJobs command, CompletableFuture<List<ActivatedJob>> result, boolean wait) {
    if (result.isDone()) {
      return;
    }
    long generation = generation(command.type()).get();
    processor.submit(command).whenComplete((jobs, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      List<ActivatedJob> activated = (List<ActivatedJob>) jobs;
      if (!activated.isEmpty() || !wait) {
        // if the caller gave up meanwhile, these jobs time out and go to the next worker
        result.complete(activated);
        return;
      }
      waiters.computeIfAbsent(command.type(), type -> new CopyOnWriteArrayList<>())
          .add(() -> attempt(command, result, true));
      if (generation(command.type()).get() != generation) {
        wake(command.type()); // jobs arrived while we asked
      }
    });
  }

  @Override
  public void accept(Set<String> types) {
    for (String type : types) {
      generation(type).incrementAndGet();
      wake(type);
    }
  }

  private void wake(String type) {
    List<Runnable> waiting = waiters.remove(type);
    if (waiting != null) {
      waiting.forEach(Runnable::run);
    }
  }

  private AtomicLong generation(String type) {
    return generations.computeIfAbsent(type, t -> new AtomicLong());
  }

  @Override
  public void close() {
    timeouts.shutdownNow();
  }
}
