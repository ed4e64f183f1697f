package org.tsumugi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Script in any displayed value (variables, names, error messages) is shown as text and never runs. */
class EscapingSpec extends WebSpec {
  private static final String SCRIPT = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

  @Test
  void scriptInVariablesNamesAndErrorsIsShownAsTextAndNeverRuns() {
    deployForm("xss.form", """
        {"id": "xss", "type": "default", "components": [
          {"type": "textfield", "id": "f1", "key": "note", "label": "メモ"}]}
        """);
    deploy(Bpmn.createExecutableProcess("xss").name(SCRIPT).startEvent().parallelGateway("fork")
        .userTask("task", t -> t.name(SCRIPT).zeebeUserTask().zeebeFormId("xss").zeebeAssignee("clerk")).endEvent()
        .moveToNode("fork").serviceTask("robot", t -> t.zeebeJobType("xss.robot").zeebeJobRetries("1")).endEvent()
        .done(), "xss.bpmn");
    long instance = start("xss", Map.of("note", SCRIPT, "patientName", SCRIPT));
    ActivatedJob job = client.newActivateJobsCommand().jobType("xss.robot").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(10)).send().join().getJobs().get(0);
    client.newFailCommand(job.getKey()).retries(0).errorMessage(SCRIPT).send().join();
    long task = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
        .get(0).getUserTaskKey();

    browser.login("clerk");
    for (String page : new String[] {"/inbox", "/inbox/tasks/" + task}) {
      browser.open(page);
      browser.await("main");
      assertThat(browser.find("main").getText()).as(page).contains("<script>");
      assertThat(browser.script("return window.__xss")).as(page).isNull();
    }
    assertThat(browser.await("#task-form .fjs-form-field-textfield input").getAttribute("value")).isEqualTo(SCRIPT);
    assertThat(browser.script("return window.__xss")).isNull();

    browser.login("owner");
    for (String page : new String[] {"/processes", "/processes/xss", "/processes/instances?process=xss",
        "/processes/instances/" + instance, "/dashboard", "/dashboard/xss"}) {
      browser.open(page);
      browser.await("main");
      assertThat(browser.script("return window.__xss")).as(page).isNull();
    }
    browser.open("/processes/instances/" + instance);
    assertThat(browser.find("#incidents").getText()).contains("<script>");
    assertThat(browser.find("#variables").getText()).contains("<script>");
  }
}
