package org.tsumugi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official Camunda Java client on its gRPC transport works the embedded engine through the gateway:
 * deploy, start, job workers, failures and incidents, BPMN errors, messages, topology; it is refused
 * without credentials or the role for a call. What the engine did is read back over REST.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tsumugi.engine.grpc.enabled=true", "tsumugi.engine.grpc.port=0",
        "spring.datasource.url=jdbc:h2:mem:gateway;DB_CLOSE_DELAY=-1"})
class GatewaySpec {
  @Autowired
  GatewayServer gateway;
  @LocalServerPort
  int httpPort;

  CamundaClient owner;
  CamundaClient robot;
  CamundaClient rest;

  @BeforeEach
  void clients() {
    owner = grpcClient("owner", GatewayTestApplication.PASSWORD);
    robot = grpcClient("robot", GatewayTestApplication.PASSWORD);
    rest = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + httpPort))
        .preferRestOverGrpc(true).build();
  }

  @AfterEach
  void close() {
    owner.close();
    robot.close();
    rest.close();
  }

  /** As zbctl and older clients call: gRPC only, HTTP Basic credentials in the call's metadata. */
  CamundaClient grpcClient(String username, String password) {
    var builder = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://localhost:" + gateway.port()))
        .restAddress(URI.create("http://localhost:1")).preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10));
    if (username != null) {
      builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
          .applyEnvironmentOverrides(false).username(username).password(password).build());
    }
    return builder.build();
  }

  static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  long deploy(BpmnModelInstance model, String id) {
    return owner.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join().getProcesses().get(0)
        .getProcessDefinitionKey();
  }

  List<ActivatedJob> activate(String type) {
    return robot.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).workerName("spec")
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
  }

  static Status.Code code(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof ClientStatusException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a gRPC status from %s", thrown).isNotNull();
    return ((ClientStatusException) cause).getStatusCode();
  }

  static String description(Throwable thrown) {
    Throwable cause = thrown;
    while (!(cause instanceof ClientStatusException)) {
      cause = cause.getCause();
    }
    return ((ClientStatusException) cause).getStatus().getDescription();
  }

  @Test
  void theTopologyShowsOneHealthyBrokerOnTheGatewayPort() {
    var topology = robot.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo(GatewayResponses.VERSION);
    var broker = topology.getBrokers().get(0);
    assertThat(broker.getPort()).isEqualTo(gateway.port());
    assertThat(broker.getPartitions()).singleElement().satisfies(partition -> {
      assertThat(partition.isLeader()).isTrue();
      assertThat(partition.getHealth().name()).isEqualTo("HEALTHY");
    });
  }

  @Test
  void aJobWorkerCompletesTheJobsOfInstancesStartedOverGrpc() {
    String id = uniqueId("grpc-work");
    String type = id + ".work";
    long definitionKey = deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(type).zeebeTaskHeader("template", "letter")).endEvent().done(), id);
    List<String> headers = new CopyOnWriteArrayList<>();

    try (var worker = robot.newWorker().jobType(type).handler((client, job) -> {
      headers.add(job.getCustomHeaders().get("template"));
      client.newCompleteCommand(job).variables(Map.of("greeting", "こんにちは、" + job.getVariablesAsMap().get("name")))
          .send().join();
    }).name("spec-worker").pollInterval(Duration.ofMillis(100)).open()) {
      var started = owner.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
          .variables(Map.of("name", "鈴木")).send().join();
      var awaited = owner.newCreateInstanceCommand().processDefinitionKey(definitionKey)
          .variables(Map.of("name", "山田")).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

      assertThat(started.getProcessDefinitionKey()).isEqualTo(definitionKey);
      assertThat(awaited.getVariablesAsMap()).containsEntry("greeting", "こんにちは、山田");
      assertThat(rest.newProcessInstanceGetRequest(started.getProcessInstanceKey()).send().join().getState())
          .isIn(ProcessInstanceState.ACTIVE, ProcessInstanceState.COMPLETED);
      assertThat(headers).contains("letter");
    }
  }

  @Test
  void aFailedJobIsRetriedAndWithoutRetriesRaisesAnIncidentThatCanBeResolved() {
    String id = uniqueId("grpc-fail");
    String type = id + ".work";
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("work", t -> t.zeebeJobType(type)).endEvent()
        .done(), id);
    long instance = owner.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join()
        .getProcessInstanceKey();

    ActivatedJob first = activate(type).get(0);
    robot.newFailCommand(first).retries(1).errorMessage("EMR did not answer").send().join();
    ActivatedJob second = activate(type).get(0);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(1);
    robot.newFailCommand(second).retries(0).errorMessage("EMR still down").send().join();

    var incidents = rest.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items();
    assertThat(incidents).singleElement().satisfies(incident ->
        assertThat(incident.getErrorMessage()).isEqualTo("EMR still down"));

    robot.newUpdateRetriesCommand(second.getKey()).retries(2).send().join();
    robot.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    ActivatedJob third = activate(type).get(0);
    robot.newCompleteCommand(third).send().join();
    assertThat(rest.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void aBpmnErrorThrownOverGrpcIsCaughtByTheBoundaryEvent() {
    String id = uniqueId("grpc-error");
    String type = id + ".check";
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("check", t -> t.zeebeJobType(type))
        .boundaryEvent("noPatient", b -> b.error("NO_PATIENT")).serviceTask("clerk", t -> t.zeebeJobType(id + ".clerk"))
        .endEvent().moveToActivity("check").endEvent().done(), id);
    owner.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

    ActivatedJob check = activate(type).get(0);
    robot.newThrowErrorCommand(check).errorCode("NO_PATIENT").errorMessage("患者が見つかりません")
        .variables(Map.of("reason", "unknown id")).send().join();

    ActivatedJob clerk = activate(id + ".clerk").get(0);
    assertThat(clerk.getElementId()).isEqualTo("clerk");
    assertThat(clerk.getVariablesAsMap()).containsEntry("reason", "unknown id");
  }

  @Test
  void aMessagePublishedOverGrpcReachesTheWaitingInstance() {
    String id = uniqueId("grpc-message");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("reply", e -> e.message(m -> m.name("lab-result").zeebeCorrelationKeyExpression("order")))
        .serviceTask("read", t -> t.zeebeJobType(id + ".read")).endEvent().done(), id);
    owner.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("order", id)).send().join();

    var published = robot.newPublishMessageCommand().messageName("lab-result").correlationKey(id)
        .variables(Map.of("hba1c", 6.1)).timeToLive(Duration.ofMinutes(1)).send().join();

    assertThat(published.getMessageKey()).isPositive();
    assertThat(activate(id + ".read")).singleElement()
        .satisfies(job -> assertThat(job.getVariablesAsMap()).containsEntry("hba1c", 6.1));
  }

  @Test
  void badRequestsAnswerWithTheStatusAndTheRestApisDetail() {
    String broken = "<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'><process id='x' isExecutable='true'>"
        + "<serviceTask id='noType'/></process></definitions>";
    assertThatThrownBy(() -> owner.newDeployResourceCommand()
        .addResourceBytes(broken.getBytes(StandardCharsets.UTF_8), "broken.bpmn").send().join())
        .satisfies(e -> {
          assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(description(e)).contains("broken.bpmn");
        });
    assertThatThrownBy(() -> robot.newCompleteCommand(123456789L).send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> owner.newCreateInstanceCommand().bpmnProcessId("no-such-process").latestVersion()
        .send().join()).satisfies(e -> {
          assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(description(e)).contains("no-such-process");
        });
    assertThatThrownBy(() -> owner.newCreateInstanceCommand().bpmnProcessId("x").latestVersion()
        .variables("[1, 2]").send().join()).satisfies(e -> {
          assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(description(e)).contains("variables must be a JSON object");
        });
    assertThatThrownBy(() -> robot.newModifyProcessInstanceCommand(1L).activateElement("x").send().join())
        .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.UNIMPLEMENTED));
  }

  @Test
  void callsWithoutCredentialsOrWithoutTheRoleAreRefused() {
    try (CamundaClient anonymous = grpcClient(null, null);
        CamundaClient wrongPassword = grpcClient("robot", "not-the-password");
        CamundaClient nurse = grpcClient("nurse", GatewayTestApplication.PASSWORD)) {
      assertThatThrownBy(() -> anonymous.newTopologyRequest().send().join()).satisfies(e -> {
        assertThat(code(e)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(description(e)).isEqualTo(GatewayTestApplication.NEEDS_CREDENTIALS);
      });
      assertThatThrownBy(() -> wrongPassword.newTopologyRequest().send().join())
          .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThatThrownBy(() -> nurse.newTopologyRequest().send().join())
          .satisfies(e -> assertThat(code(e)).isEqualTo(Status.Code.PERMISSION_DENIED));
      assertThatThrownBy(() -> robot.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("robot-deploy").startEvent().endEvent().done(), "r.bpmn")
          .send().join()).satisfies(e -> {
            assertThat(code(e)).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(description(e)).contains("robot lacks the role for gateway_protocol.Gateway/DeployResource");
          });
    }
  }
}
