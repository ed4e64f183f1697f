package org.tsumugi.server.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;
import org.tsumugi.server.web.Browser;
import org.tsumugi.server.web.TestUsers;

/**
 * The inbox, the robots and the start-up deployment of a server in remote mode, against a real Camunda 8
 * REST API: a second Tsumugi server in embedded mode plays the cluster (its /v2 is that API), and the
 * remote-mode server reaches it only through its one Camunda client with Basic credentials. A nurse works
 * the task in a real browser on the remote-mode server; the cluster shows the result.
 */
class RemoteInboxSpec {
  private static final String FORM = """
      {"id": "remote-findings", "type": "default", "components": [
        {"type": "text", "id": "intro", "text": "所見を入力してください"},
        {"type": "textfield", "id": "f1", "key": "findings", "label": "所見", "validate": {"required": true}}]}
      """;

  @Test
  void aNurseWorksAClusterTaskThroughTheRemoteModeInboxWhileItsRobotTakesTheClustersJobs(@TempDir Path data)
      throws Exception {
    Path models = Files.createDirectories(data.resolve("models"));
    Files.writeString(models.resolve("remote-findings.form"), FORM);
    Files.writeString(models.resolve("remote-intake.bpmn"), Bpmn.convertToString(
        Bpmn.createExecutableProcess("remote-intake").name("遠隔の受付").startEvent()
            .serviceTask("import", t -> t.zeebeJobType("tsumugi.claims.import"))
            .userTask("check", t -> t.name("所見の確認").zeebeUserTask().zeebeFormId("remote-findings")
                .zeebeCandidateGroups("nurses"))
            .endEvent().done()));

    try (ConfigurableApplicationContext cluster = TestServers.start("cluster", data,
        "--tsumugi.robots.enabled=false", "--tsumugi.deploy.folders=");
        CamundaClient onCluster = TestServers.client(TestServers.port(cluster));
        ConfigurableApplicationContext remote = TestServers.start("remote", data, "--tsumugi.mode=remote",
            "--camunda.client.rest-address=http://127.0.0.1:" + TestServers.port(cluster),
            "--camunda.client.auth.username=admin", "--camunda.client.auth.password=" + TestUsers.PASSWORD,
            "--tsumugi.deploy.folders=" + models,
            "--tsumugi.claims.nightly.inbox-dir=" + data.resolve("claims-inbox"),
            "--tsumugi.claims.nightly.archive-dir=" + data.resolve("claims-imported"),
            "--tsumugi.document.data-dir=" + data.resolve("documents"));
        Browser browser = new Browser("http://127.0.0.1:" + TestServers.port(remote))) {

      assertThat(remote.getBeanNamesForType(CamundaClient.class)).as("one client in remote mode").hasSize(1);
      assertThat(onCluster.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId("remote-intake"))
          .send().join().items()).as("the remote-mode server deployed its folder to the cluster").hasSize(1);

      long instance = onCluster.newCreateInstanceCommand().bpmnProcessId("remote-intake").latestVersion()
          .variables(Map.of("patientName", "山田 花子")).send().join().getProcessInstanceKey();
      UserTask waiting = await(() -> onCluster.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED)).send().join().items()
          .stream().findFirst().orElse(null), "the remote-mode server's claims robot to do the cluster's job");
      long task = waiting.getUserTaskKey();
      assertThat(onCluster.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("ukeFiles"))
          .send().join().items()).extracting(v -> v.getValue()).containsExactly("[]");

      browser.login("clerk");
      browser.open("/inbox");
      assertThat(browser.await("#no-tasks").isDisplayed()).as("offered to the nurses only").isTrue();
      assertThat(status(TestServers.port(remote), "/inbox/tasks/" + task)).as("not even by its address").isEqualTo(403);

      browser.login("nurse");
      browser.open("/inbox?process=remote-intake");
      assertThat(browser.find("#tasks").getText()).contains("所見の確認");
      assertThat(browser.present("header a[href='/dashboard']")).as("no links to the pages remote mode lacks")
          .isFalse();
      browser.find("#task-" + task + " button.claim").click();
      assertThat(browser.await("#assignee").getText()).isEqualTo("nurse");
      assertThat(onCluster.newUserTaskGetRequest(task).send().join().getAssignee()).isEqualTo("nurse");

      // the cluster knows only Tsumugi's client account: Tsumugi itself keeps a colleague off a claimed task
      browser.login("nurse2");
      browser.open("/inbox/tasks/" + task);
      browser.await("#task-form .fjs-form-field-textfield input").sendKeys("横取り");
      browser.find("#form-submit").click();
      assertThat(browser.await("#form-message").getText()).contains("権限がありません");
      assertThat(onCluster.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.CREATED);

      browser.login("nurse");
      browser.open("/inbox/tasks/" + task);
      WebElement field = browser.await("#task-form .fjs-form-field-textfield input");
      assertThat(browser.find("#task-form").getText()).contains("所見を入力してください");
      assertThat(browser.find("body").getText()).as("the task's variables").contains("山田 花子");
      browser.find("#form-submit").click();
      assertThat(browser.await(".fjs-form-field-error").getText()).isEqualTo("必須項目です。");
      field.sendKeys("異常なし");
      browser.find("#form-submit").click();
      browser.await("#completed");

      assertThat(onCluster.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.COMPLETED);
      assertThat(onCluster.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("findings"))
          .send().join().items()).extracting(v -> v.getValue()).containsExactly("\"異常なし\"");
      assertThat(remote.getBean(AuditLog.class).search(new AuditQuery("nurse", "VIEW", "user_task:" + task, null,
          null, 10))).as("the view of the task is in the remote-mode server's audit log").isNotEmpty();
    }
  }

  /** The status of a page as a clerk signed in through the login form (pages take no HTTP Basic). */
  private static int status(int port, String path) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=clerk&password=" + TestUsers.PASSWORD + "&_csrf="
            + csrf.group(1))).build(), HttpResponse.BodyHandlers.discarding());
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static <T> T await(Supplier<T> found, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      T value = found.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
