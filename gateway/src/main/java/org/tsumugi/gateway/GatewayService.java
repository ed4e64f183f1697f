package org.tsumugi.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.tsumugi.engine.Deployer;
import org.tsumugi.engine.api.EventPayloads;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.AwaitedInstance;
import org.tsumugi.engine.processing.Results.CreatedInstance;
import org.tsumugi.engine.processing.Results;

/**
 * Deployments, process instances, messages, signals, variables and incidents over gRPC; jobs are
 * {@link JobCalls}'. Calls not overridden here answer UNIMPLEMENTED, as the generated base does.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
  /** Used when a create-with-result request names no timeout, as in the REST API. */
  private static final long DEFAULT_AWAIT_MILLIS = 15_000;

  private final CommandProcessor engine;
  private final Deployer deployer;
  private final EventPayloads payloads;
  private final JsonDocuments json;
  private final Answers answers;
  private final JobCalls jobs;
  private final String host;
  private final IntSupplier port;

  GatewayService(CommandProcessor engine, Deployer deployer, EventPayloads payloads, JsonDocuments json,
      Answers answers, String host, IntSupplier port) {
    this.engine = engine;
    this.deployer = deployer;
    this.payloads = payloads;
    this.json = json;
    this.answers = answers;
    this.jobs = new JobCalls(engine, json, answers);
    this.host = host;
    this.port = port;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    observer.onNext(GatewayResponses.topology(host, port.getAsInt()));
    observer.onCompleted();
  }

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    answers.answer(observer, () -> deployer.deploy(request.getResourcesList().stream()
            .map(resource -> new Deployer.Resource(resource.getName(), resource.getContent().toByteArray())).toList()),
        deployment -> GatewayResponses.deployment((Results.Deployment) deployment));
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> observer) {
    answers.answer(observer, () -> engine.submit(creation(request, false, null)), created -> {
      CreatedInstance instance = (CreatedInstance) created;
      return CreateProcessInstanceResponse.newBuilder().setProcessInstanceKey(instance.processInstanceKey())
          .setProcessDefinitionKey(instance.definitionKey()).setBpmnProcessId(instance.bpmnProcessId())
          .setVersion(instance.version()).setTenantId(GatewayResponses.TENANT).build();
    });
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    long timeout = request.getRequestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS : request.getRequestTimeout();
    answers.answer(observer, () -> engine.submit(creation(request.getRequest(), true, request.getFetchVariablesList()))
        .thenCompose(outcome -> {
          AwaitedInstance awaited = (AwaitedInstance) outcome;
          return awaited.completion().orTimeout(timeout, TimeUnit.MILLISECONDS).handle((variables, failure) -> {
            if (failure == null) {
              CreatedInstance instance = awaited.created();
              return CreateProcessInstanceWithResultResponse.newBuilder()
                  .setProcessInstanceKey(instance.processInstanceKey())
                  .setProcessDefinitionKey(instance.definitionKey()).setBpmnProcessId(instance.bpmnProcessId())
                  .setVersion(instance.version()).setVariables(json.write(variables))
                  .setTenantId(GatewayResponses.TENANT).build();
            }
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            if (failure instanceof TimeoutException || cause instanceof TimeoutException) {
              throw Rejection.timeout("process instance " + awaited.created().processInstanceKey()
                  + " did not complete within " + timeout + " ms");
            }
            throw GatewayErrors.of(failure);
          });
        }), CreateProcessInstanceWithResultResponse.class::cast);
  }

  private Command.CreateInstance creation(CreateProcessInstanceRequest request, boolean await, List<String> fetch) {
    if (request.getStartInstructionsCount() > 0 || request.getRuntimeInstructionsCount() > 0) {
      throw GatewayErrors.unsupported("starting an instance at given elements (start or runtime instructions)");
    }
    String processId = request.getBpmnProcessId().isEmpty() ? null : request.getBpmnProcessId();
    // proto3 sends 0 for an unset version: both that and the clients' -1 mean the latest
    int version = request.getVersion() > 0 ? request.getVersion() : -1;
    Map<String, Object> variables = json.read(request.getVariables(), "variables");
    return new Command.CreateInstance(processId, version, request.getProcessDefinitionKey(),
        variables == null ? new HashMap<>() : variables, await, fetch);
  }

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.CancelInstance(request.getProcessInstanceKey())),
        done -> CancelProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    answers.answer(observer, () -> {
      payloads.checkName(request.getName(), "name");
      payloads.checkText(request.getCorrelationKey(), "correlationKey");
      payloads.checkText(request.getMessageId(), "messageId");
      Map<String, Object> variables = json.read(request.getVariables(), "variables");
      payloads.checkVariables(variables, "message");
      if (request.getTimeToLive() < 0) {
        throw Rejection.invalidArgument("timeToLive must not be negative, but was " + request.getTimeToLive());
      }
      String messageId = request.getMessageId().isEmpty() ? null : request.getMessageId();
      return engine.submit(new Command.PublishMessage(request.getName(), request.getCorrelationKey(),
          request.getTimeToLive(), messageId, variables));
    }, key -> PublishMessageResponse.newBuilder().setKey((Long) key).setTenantId(GatewayResponses.TENANT).build());
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    answers.answer(observer, () -> {
      payloads.checkName(request.getSignalName(), "signalName");
      Map<String, Object> variables = json.read(request.getVariables(), "variables");
      payloads.checkVariables(variables, "signal");
      return engine.submit(new Command.BroadcastSignal(request.getSignalName(), variables));
    }, key -> BroadcastSignalResponse.newBuilder().setKey((Long) key).setTenantId(GatewayResponses.TENANT).build());
  }

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    answers.answer(observer, () -> {
      Map<String, Object> variables = json.read(request.getVariables(), "variables");
      if (variables == null) {
        throw Rejection.invalidArgument("variables must be a JSON object");
      }
      return engine.submit(new Command.SetVariables(request.getElementInstanceKey(), variables, request.getLocal()));
    }, key -> SetVariablesResponse.newBuilder().setKey((Long) key).build());
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    answers.answer(observer, () -> engine.submit(new Command.ResolveIncident(request.getIncidentKey())),
        done -> ResolveIncidentResponse.getDefaultInstance());
  }

  // ------------------------------------------------------------------ jobs, answered by JobCalls

  @Override
  public void activateJobs(ActivateJobsRequest request,
      StreamObserver<ActivateJobsResponse> observer) {
    jobs.activate(request, observer);
  }

  @Override
  public void completeJob(CompleteJobRequest request,
      StreamObserver<CompleteJobResponse> observer) {
    jobs.complete(request, observer);
  }

  @Override
  public void failJob(FailJobRequest request,
      StreamObserver<FailJobResponse> observer) {
    jobs.fail(request, observer);
  }

  @Override
  public void throwError(ThrowErrorRequest request,
      StreamObserver<ThrowErrorResponse> observer) {
    jobs.throwError(request, observer);
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request,
      StreamObserver<UpdateJobRetriesResponse> observer) {
    jobs.updateRetries(request, observer);
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request,
      StreamObserver<UpdateJobTimeoutResponse> observer) {
    jobs.updateTimeout(request, observer);
  }
}
