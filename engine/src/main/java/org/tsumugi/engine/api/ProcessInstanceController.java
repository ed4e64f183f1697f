package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.AwaitedInstance;
import org.tsumugi.engine.processing.Results.CreatedInstance;

@RestController
@RequestMapping("/v2/process-instances")
class ProcessInstanceController {
  /** Used when a create-with-result request names no timeout. */
  private static final long DEFAULT_AWAIT_MILLIS = 15_000;


  private final CommandProcessor engine;

  ProcessInstanceController(CommandProcessor engine) {
    this.engine = engine;
  }

  /** Answers at once unless asked to await completion, which may take long and so answers asynchronously. */
  @PostMapping
  Object create(@RequestBody ProcessInstanceCreationInstruction request) {
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    CompletableFuture<Object> submitted = engine.submit(command(request));
    if (!await) {
      return result((CreatedInstance) submitted.join(), null);
    }
    long timeout = request.getRequestTimeout() == null || request.getRequestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS
        : request.getRequestTimeout();
    return submitted.thenCompose(outcome -> {
      AwaitedInstance awaited = (AwaitedInstance) outcome;
      return awaited.completion().orTimeout(timeout, TimeUnit.MILLISECONDS)
          .exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
              throw Rejection.timeout("process instance " + awaited.created().processInstanceKey()
                  + " did not complete within " + timeout + " ms");
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
          })
          .thenApply(variables1 -> result(awaited.created(), variables1));
    });
  }

  /** The command a creation request asks for; {@link DirectCommands} shares it. */
  static Command.CreateInstance command(ProcessInstanceCreationInstruction request) {
    long definitionKey = request.getProcessDefinitionKey() == null ? 0
        : Keys.parse(request.getProcessDefinitionKey(), "processDefinitionKey");
    int version = request.getProcessDefinitionVersion() == null ? -1 : request.getProcessDefinitionVersion();
    Map<String, Object> variables = request.getVariables() == null ? new HashMap<>() : request.getVariables();
    return new Command.CreateInstance(request.getProcessDefinitionId(), version, definitionKey, variables,
        Boolean.TRUE.equals(request.getAwaitCompletion()), request.getFetchVariables());
  }

  static CreateProcessInstanceResult result(CreatedInstance created, Map<String, Object> variables) {
    return new CreateProcessInstanceResult().processInstanceKey(Keys.format(created.processInstanceKey()))
        .processDefinitionKey(Keys.format(created.definitionKey())).processDefinitionId(created.bpmnProcessId())
        .processDefinitionVersion(created.version()).tenantId(TENANT).variables(variables == null ? Map.of() : variables)
        .tags(Set.of());
  }

  @PostMapping("/{key}/cancellation")
  ResponseEntity<Void> cancel(@PathVariable String key) {
    return JobController.noContent(engine.submit(new Command.CancelInstance(Keys.parse(key, "processInstanceKey"))));
  }


}
