package org.tsumugi.engine.processing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.decision.DrgModel;
import org.tsumugi.engine.model.ProcessModel;
import org.tsumugi.engine.state.Job;

/** What commands answer. */
public final class Results {
  private Results() {}

  /** A deployment resource with the processes it defines, or the decision requirements graph (.dmn). */
  public record ParsedResource(String name, byte[] content, String checksum, List<ProcessModel> processes,
      DrgModel decisions) {
    public ParsedResource(String name, byte[] content, String checksum, List<ProcessModel> processes) {
      this(name, content, checksum, processes, null);
    }
  }

  public record DeployedProcess(long key, String bpmnProcessId, int version, String resourceName) {}

  public record Deployment(long key, List<DeployedProcess> processes, List<DecisionRequirements> decisionRequirements,
      List<DecisionDefinition> decisions, List<DeployedForm> forms) {
    public Deployment(long key, List<DeployedProcess> processes) {
      this(key, processes, List.of(), List.of(), List.of());
    }
  }

  /** A .form resource, checked to be a Camunda form, with the id user tasks link to. */
  public record ParsedForm(String name, byte[] content, String checksum, String formId) {}

  public record DeployedForm(long key, String formId, int version, String resourceName) {}

  public record CreatedInstance(long processInstanceKey, long definitionKey, String bpmnProcessId, int version) {}

  /** A created instance whose completion the caller waits for; the future carries its variables. */
  public record AwaitedInstance(CreatedInstance created, CompletableFuture<Map<String, Object>> completion) {}

  public record ActivatedJob(Job job, long deadline, Map<String, Object> variables, String worker, int retries) {}

  /** A correlated message and the first process instance it reached. */
  public record CorrelatedMessage(long messageKey, long processInstanceKey) {}
}
