package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.gateway.GatewayServer;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;

/**
 * The gRPC gateway opens for the same users and roles as /v2: the official client sends HTTP Basic
 * credentials over gRPC (its BasicAuthCredentialsProvider puts them in the authorization metadata).
 */
class GrpcGatewayAccessSpec extends SecuredServerTest {
  private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("grpc-secured").startEvent()
      .serviceTask("work", t -> t.zeebeJobType("grpc-secured.work")).endEvent().done();

  @Autowired
  GatewayServer gateway;
  @Autowired
  AuditLog audit;

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

  static void refused(ThrowingCallable call, Status.Code code, String detail) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ClientStatusException.class, e -> {
      assertThat(e.getStatusCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(detail);
    });
  }

  @Test
  void aProcessOwnerDeploysAndStartsOverGrpcAndARobotWorksTheJob() {
    try (CamundaClient owner = grpcClient(person(Role.PROCESS_OWNER), PASSWORD);
        CamundaClient robot = grpcClient(robot(), PASSWORD)) {
      owner.newDeployResourceCommand().addProcessModel(MODEL, "grpc-secured.bpmn").send().join();
      owner.newCreateInstanceCommand().bpmnProcessId("grpc-secured").latestVersion()
          .variables(Map.of("patientName", "山田太郎")).send().join();

      var jobs = robot.newActivateJobsCommand().jobType("grpc-secured.work").maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
      assertThat(jobs).singleElement().satisfies(job ->
          assertThat(job.getVariablesAsMap()).containsEntry("patientName", "山田太郎"));
      robot.newCompleteCommand(jobs.get(0)).send().join();
    }
  }

  @Test
  void callersWithoutCredentialsTheRoleOrAValidAccountAreRefused() {
    String robotName = robot();
    String nurse = person(Role.NURSE);
    String newcomerWithOneTimePassword = "onetime" + System.nanoTime();
    users.create(Actor.system(), newcomerWithOneTimePassword, "One time", null, PASSWORD,
        EnumSet.of(Role.PROCESS_OWNER), Set.of());
    String leaver = robot();
    repository.setActive(leaver, false);

    try (CamundaClient anonymous = grpcClient(null, null);
        CamundaClient wrongPassword = grpcClient(robotName, "not-the-password");
        CamundaClient robot = grpcClient(robotName, PASSWORD);
        CamundaClient nurseClient = grpcClient(nurse, PASSWORD);
        CamundaClient oneTime = grpcClient(newcomerWithOneTimePassword, PASSWORD);
        CamundaClient deactivated = grpcClient(leaver, PASSWORD)) {
      refused(() -> anonymous.newTopologyRequest().send().join(), Status.Code.UNAUTHENTICATED,
          SecurityProblems.NEEDS_CREDENTIALS);
      refused(() -> wrongPassword.newTopologyRequest().send().join(), Status.Code.UNAUTHENTICATED,
          SecurityProblems.NEEDS_CREDENTIALS);
      refused(() -> deactivated.newTopologyRequest().send().join(), Status.Code.UNAUTHENTICATED,
          SecurityProblems.NEEDS_CREDENTIALS);
      refused(() -> nurseClient.newTopologyRequest().send().join(), Status.Code.PERMISSION_DENIED,
          "lacks the role");
      refused(() -> oneTime.newTopologyRequest().send().join(), Status.Code.PERMISSION_DENIED,
          "must change the one-time password");
      refused(() -> robot.newDeployResourceCommand().addProcessModel(MODEL, "grpc-secured.bpmn").send().join(),
          Status.Code.PERMISSION_DENIED, robotName + " lacks the role for gateway_protocol.Gateway/DeployResource");
      assertThat(robot.newTopologyRequest().send().join().getBrokers()).hasSize(1);
    }
    assertThat(audit.search(new AuditQuery(robotName, "LOGIN_FAILED", null, null, null, 10)))
        .as("a wrong password over gRPC counts and is audited as over HTTP").isNotEmpty();
  }
}
