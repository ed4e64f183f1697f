package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.server.audit.AuditEntry;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;

/** The official Camunda client with HTTP Basic works against the secured server, within its role. */
class SecuredEngineSpec extends SecuredServerTest {
  private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("secured").startEvent()
      .serviceTask("work", t -> t.zeebeJobType("secured.work")).endEvent().done();

  @Autowired
  AuditLog audit;

  CamundaClient client(String username, String password) {
    var builder = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true);
    if (username != null) {
      builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(username)
          .password(password).applyEnvironmentOverrides(false).build());
    }
    return builder.build();
  }

  @Test
  void aProcessOwnerDeploysAndStartsAnInstanceAndARobotWorksIt() {
    String owner = person(Role.PROCESS_OWNER);
    String robot = robot();
    try (CamundaClient ownerClient = client(owner, PASSWORD); CamundaClient robotClient = client(robot, PASSWORD)) {
      ownerClient.newDeployResourceCommand().addProcessModel(MODEL, "secured.bpmn").send().join();
      long instance = ownerClient.newCreateInstanceCommand().bpmnProcessId("secured").latestVersion()
          .variables(Map.of("patientName", "山田太郎")).send().join().getProcessInstanceKey();
      var jobs = robotClient.newActivateJobsCommand().jobType("secured.work").maxJobsToActivate(1).send().join()
          .getJobs();
      assertThat(jobs).hasSize(1);
      robotClient.newCompleteCommand(jobs.get(0).getKey()).send().join();
      assertThat(robotClient.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send()
          .join().items()).hasSize(1);

      var reads = audit.search(new AuditQuery(robot, "SEARCH", null, null, null, 10));
      assertThat(reads).extracting(AuditEntry::target).contains("/v2/process-instances/search");
      assertThat(audit.search(new AuditQuery(null, null, null, null, null, 1000)))
          .as("the audit log holds no patient data").noneMatch(e -> String.valueOf(e.target()).contains("山田"));
    }
  }

  @Test
  void aRobotMayNotDeployAndNobodyWithoutCredentialsMayDoAnything() {
    try (CamundaClient robotClient = client(robot(), PASSWORD); CamundaClient anonymous = client(null, null);
        CamundaClient wrongPassword = client(robot(), "not-the-password")) {
      assertThatThrownBy(() -> robotClient.newDeployResourceCommand().addProcessModel(MODEL, "secured.bpmn").send()
          .join()).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.code()).isEqualTo(403);
            assertThat(e.details().getDetail()).contains("lacks the role");
          });
      assertThatThrownBy(() -> anonymous.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(401));
      assertThatThrownBy(() -> wrongPassword.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(401));
    }
  }

  @Test
  void aPersonWithoutAnApiRoleIsRefusedByTheEngineApi() {
    try (CamundaClient nurse = client(person(Role.NURSE), PASSWORD)) {
      assertThatThrownBy(() -> nurse.newTopologyRequest().send().join())
          .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(403));
    }
  }
}
