package org.tsumugi.server.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.server.web.WebSpec;

/** A process owner sees processes, instances and incidents, repairs a failed instance and starts new ones. */
class ProcessViewsBrowserSpec extends WebSpec {
  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;


  @Test
  void anIncidentIsRetriedFromTheInstancePageAndTheDiagramMarksWhereTheTokenStands() {
    deploy(Bpmn.createExecutableProcess("views-retry").name("夜間点検").startEvent("begin")
        .serviceTask("check", t -> t.name("レセプト点検").zeebeJobType("views.check").zeebeJobRetries("1"))
        .userTask("review", t -> t.name("確認").zeebeUserTask()).endEvent().done(), "views-retry.bpmn");
    long instance = start("views-retry", Map.of());
    ActivatedJob job = activate("views.check");
    client.newFailCommand(job.getKey()).retries(0).errorMessage("EMR が応答しません").send().join();
    await(() -> openIncidents(instance) == 1, "the failed job raises an incident");

    browser.login("owner");
    browser.open("/processes");
    assertThat(browser.find("#open-incidents").getText()).contains("views-retry", "check");
    browser.open("/processes/instances/" + instance);
    browser.await(".bpmn-diagram[data-rendered=true]");
    assertThat(browser.present("[data-element-id=check].marker-incident")).isTrue();
    assertThat(browser.present("[data-element-id=check].marker-active")).isTrue();
    assertThat(browser.present("[data-element-id=begin].marker-completed")).isTrue();
    assertThat(browser.find("#incidents").getText()).contains("JOB_NO_RETRIES", "EMR が応答しません");
    browser.screenshot("instance-incident");

    // the cause is corrected first: a value that is not JSON is refused and changes nothing
    browser.find("#variable-name").sendKeys("emrTimeout");
    browser.find("#variable-value").sendKeys("{thirty");
    browser.find("#variable-save").click();
    assertThat(browser.await("#flash-error").getText()).contains("emrTimeout", "JSON");
    assertThat(variable(instance, "emrTimeout")).isNull();
    browser.find("#variable-name").sendKeys("emrTimeout");
    browser.find("#variable-value").sendKeys("{\"seconds\": 30}");
    browser.find("#variable-save").click();
    assertThat(browser.await("#flash-info").getText()).contains("emrTimeout");
    assertThat(variable(instance, "emrTimeout")).isEqualTo("{\"seconds\":30}");
    assertThat(jdbc.queryForList("SELECT target FROM audit_log WHERE actor = 'owner' AND action = 'VARIABLE_SET'",
        String.class)).contains("process_instance:" + instance + "/emrTimeout");

    browser.find("#incidents button.retry").click();
    assertThat(browser.await("#flash-info").getText()).contains("再試行");
    assertThat(openIncidents(instance)).isZero();
    client.newCompleteCommand(activate("views.check").getKey()).send().join();

    browser.open("/processes/instances/" + instance);
    browser.await(".bpmn-diagram[data-rendered=true]");
    assertThat(browser.present("[data-element-id=review].marker-active")).isTrue();
    assertThat(browser.present("[data-element-id=check].marker-completed")).isTrue();
    assertThat(browser.find("#history").getText()).contains("JOB FAILED", "INCIDENT RESOLVED", "JOB COMPLETED");
  }

  @Test
  void aProcessShowsItsDiagramAndVersionsAndAnInstanceIsCanceled() {
    deploy(Bpmn.createExecutableProcess("views-versions").name("検査予約").startEvent()
        .userTask("a", t -> t.zeebeUserTask()).endEvent().done(), "views-versions.bpmn");
    deploy(Bpmn.createExecutableProcess("views-versions").name("検査予約").startEvent()
        .userTask("b", t -> t.zeebeUserTask()).endEvent().done(), "views-versions.bpmn");
    long instance = start("views-versions", Map.of());

    browser.login("owner");
    browser.open("/processes/views-versions");
    browser.await(".bpmn-diagram[data-rendered=true]");
    assertThat(browser.present("[data-element-id=b]")).isTrue();
    assertThat(browser.find("#versions").getText()).contains("1", "2");
    browser.screenshot("process");
    browser.open("/processes/views-versions?version=1");
    browser.await(".bpmn-diagram[data-rendered=true]");
    assertThat(browser.present("[data-element-id=a]")).isTrue();

    browser.open("/processes/instances?process=views-versions&state=ACTIVE");
    assertThat(browser.find("#instances").getText()).contains(Long.toString(instance));
    browser.open("/processes/instances/" + instance);
    browser.find("#cancel-instance").click();
    assertThat(browser.await("#cancel-question").getText()).contains(Long.toString(instance), "元に戻せません");
    browser.find("#keep-instance").click();
    browser.await("#instance-state");
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
        .as("going back cancels nothing").isEqualTo(ProcessInstanceState.ACTIVE);
    browser.find("#cancel-instance").click();
    browser.await("#confirm-cancel").click();
    browser.await("#flash-info");
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
  }

  private String variable(long instance, String name) {
    return client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name(name)).send().join()
        .items().stream().map(v -> v.getValue()).findFirst().orElse(null);
  }

  @Test
  void theInstanceListPagesBeyondTwoHundred() {
    deploy(Bpmn.createExecutableProcess("views-paging").startEvent().endEvent().done(), "views-paging.bpmn");
    long oldest = start("views-paging", Map.of());
    for (int i = 0; i < 200; i++) {
      start("views-paging", Map.of());
    }

    browser.login("owner");
    browser.open("/processes/instances?process=views-paging");
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#instances tbody tr"))).hasSize(200);
    assertThat(browser.find("#instances").getText()).doesNotContain(Long.toString(oldest));
    assertThat(browser.present("#previous-page")).isFalse();
    browser.find("#next-page").click();
    browser.await("#previous-page");
    assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#instances tbody tr"))).hasSize(1);
    assertThat(browser.find("#instances").getText()).contains(Long.toString(oldest));
    assertThat(browser.present("#next-page")).isFalse();
  }

  @Test
  void anInstanceIsStartedFromTheStartFormOrWithJsonVariables() {
    deployForm("request.form", """
        {"id": "request", "type": "default", "components": [
          {"type": "textfield", "id": "f1", "key": "ward", "label": "病棟", "validate": {"required": true}}]}
        """);
    deploy(Bpmn.createExecutableProcess("views-start-form").startEvent("s").zeebeFormId("request")
        .userTask("t", t -> t.zeebeUserTask()).endEvent().done(), "views-start-form.bpmn");
    deploy(Bpmn.createExecutableProcess("views-start-json").startEvent().userTask("t", t -> t.zeebeUserTask())
        .endEvent().done(), "views-start-json.bpmn");

    browser.login("owner");
    browser.open("/processes/views-start-form/start");
    browser.await("#start-form .fjs-form-field-textfield input").sendKeys("3階東");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> d.getCurrentUrl().contains("/processes/instances/"), "the new instance's page");
    long formInstance = Long.parseLong(browser.path().replaceAll(".*/", ""));
    assertThat(variable(formInstance, "ward")).isEqualTo("\"3階東\"");

    browser.open("/processes/views-start-json/start");
    browser.await("#start-json").clear();
    browser.find("#start-json").sendKeys("{not json");
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("JSON");
    browser.find("#start-json").clear();
    browser.find("#start-json").sendKeys("{\"count\": 3}");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> d.getCurrentUrl().contains("/processes/instances/"), "the new instance's page");
    assertThat(variable(Long.parseLong(browser.path().replaceAll(".*/", "")), "count")).isEqualTo("3");
  }

  private ActivatedJob activate(String type) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private long openIncidents(long instance) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
        .send().join().items().size();
  }
}
