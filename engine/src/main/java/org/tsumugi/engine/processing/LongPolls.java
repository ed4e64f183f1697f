package org.tsumugi.engine.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.tsumugi.engine.processing.Command.ActivateJobs;
import org.tsumugi.engine.processing.Results.ActivatedJob;

/**
 * Job activations that found no job and wait for one of their type (long polling), oldest first. Jobs a batch makes
 * activatable go to them in the same transaction; a waiting activation answers empty when it must answer before
 * its client gives up. Owned by the writer thread; a batch that runs again parks its requests again.
 */
final class LongPolls {
  /** A job activation waiting for jobs of its type, until its wall-clock deadline. */
  private record Parked(long id, ActivateJobs command, CompletableFuture<Object> future, long deadline) {}

  private final Map<String, LinkedHashMap<Long, Parked>> parkedByType = new HashMap<>();
  private final PriorityQueue<Parked> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline(), b.deadline()));
  private long lastId;
  // per batch
  private final List<Parked> newParked = new ArrayList<>();
  private final Map<CompletableFuture<Object>, List<ActivatedJob>> handed = new LinkedHashMap<>();

  void park(ActivateJobs command, CompletableFuture<Object> future) {
    Parked parked = new Parked(++lastId, command, future, command.answerBy());
    parkedByType.computeIfAbsent(command.type(), type -> new LinkedHashMap<>()).put(parked.id(), parked);
    newParked.add(parked);
  }

  /** Hands jobs of the given types to the activations waiting for them, oldest first, until none are left. */
  void serve(Set<String> types, Function<ActivateJobs, List<ActivatedJob>> activate) {
    long now = System.currentTimeMillis();
    for (String type : types) {
      LinkedHashMap<Long, Parked> waiting = parkedByType.get(type);
      while (waiting != null && !waiting.isEmpty()) {
        Parked parked = waiting.values().iterator().next();
        if (parked.deadline() <= now) { // its answer would come too late for its client: it answers empty
          waiting.remove(parked.id());
          handed.put(parked.future(), List.of());
          continue;
        }
        List<ActivatedJob> jobs = activate.apply(parked.command());
        if (jobs.isEmpty()) {
          break;
        }
        waiting.remove(parked.id());
        handed.put(parked.future(), jobs);
      }
      if (waiting != null && waiting.isEmpty()) {
        parkedByType.remove(type);
      }
    }
  }

  /** Forgets what the batch parked and handed out, before it runs again. */
  void resetBatch() {
    for (Parked parked : newParked) {
      LinkedHashMap<Long, Parked> waiting = parkedByType.get(parked.command().type());
      if (waiting != null) {
        waiting.remove(parked.id());
      }
    }
    newParked.clear();
    handed.clear();
  }

  /** The batch is stored: waiting activations get their jobs. */
  void committed() {
    deadlines.addAll(newParked);
    newParked.clear();
    handed.forEach(CompletableFuture::complete);
    handed.clear();
  }

  /** The batch could not be stored: activations that were handed jobs, or parked by it, fail with it. */
  void failed(Throwable failure) {
    handed.keySet().forEach(future -> future.completeExceptionally(failure));
    resetBatch();
  }

  /** Waiting activations whose deadline passed answer with no jobs. */
  void expire() {
    long now = System.currentTimeMillis();
    while (!deadlines.isEmpty() && deadlines.peek().deadline() <= now) {
      Parked parked = deadlines.poll();
      LinkedHashMap<Long, Parked> waiting = parkedByType.get(parked.command().type());
      if (waiting != null && waiting.remove(parked.id()) != null) {
        if (waiting.isEmpty()) {
          parkedByType.remove(parked.command().type());
        }
        parked.future().complete(List.of());
      }
    }
  }

  /** Millis until the next waiting activation must answer, at most the given bound. */
  long millisUntilNextDeadline(long bound) {
    Parked next = deadlines.peek();
    return next == null ? bound : Math.min(bound, next.deadline() - System.currentTimeMillis());
  }
}
