package org.tsumugi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tsumugi.server.web.WebSpec;

/** The dashboard counts instances, robot runs and failures, and the staff time the robots saved. */
class DashboardBrowserSpec extends WebSpec {

  @Test
  void theDashboardShowsChartsRobotRatesAndTheTimeSavedAndExportsThemAsCsv() {
    deploy(Bpmn.createExecutableProcess("dash").name("紹介状の転記").startEvent()
        .serviceTask("enter", t -> t.name("電子カルテへ転記").zeebeJobType("dash.enter").zeebeJobRetries("3"))
        .userTask("approve", t -> t.name("承認").zeebeUserTask().zeebeAssignee("clerk")).endEvent().done(),
        "dash.bpmn");
    long first = start("dash", Map.of());
    long second = start("dash", Map.of());
    ActivatedJob failing = activate();
    client.newFailCommand(failing.getKey()).retries(2).errorMessage("timeout").send().join();
    client.newCompleteCommand(activate().getKey()).send().join();
    client.newCompleteCommand(activate().getKey()).send().join();
    for (long instance : List.of(first, second)) {
      await(() -> !client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join()
          .items().isEmpty(), "the approval waits");
      long task = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
          .get(0).getUserTaskKey();
      client.newCompleteUserTaskCommand(task).send().join();
    }
    await(() -> client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("dash")
        .state(ProcessInstanceState.COMPLETED)).send().join().items().size() == 2, "both instances complete");

    browser.login("owner");
    browser.open("/dashboard/dash");
    assertThat(browser.find("#robots").getText()).contains("dash.enter 2 1 0 66.7 %");
    assertThat(browser.find("#task-leads").getText()).contains("承認 2");
    browser.find("#saved form.minutes input[name=minutes]").clear();
    browser.find("#saved form.minutes input[name=minutes]").sendKeys("5");
    browser.find("#saved form.minutes button").click();
    assertThat(browser.await("#total-saved").getText()).isEqualTo("10 分");
    assertThat(browser.find("#saved").getText()).contains("enter 2");
    browser.await("#chart-instances[data-rendered=true]");
    browser.await("#chart-jobs[data-rendered=true]");
    browser.screenshot("dashboard");

    // the browser's own check (min 0) is bypassed, as a hand-made request would
    browser.script("document.querySelector('#saved form.minutes input[name=minutes]').removeAttribute('min')");
    browser.find("#saved form.minutes input[name=minutes]").clear();
    browser.find("#saved form.minutes input[name=minutes]").sendKeys("-3");
    browser.find("#saved form.minutes button").click();
    assertThat(browser.await("#flash-error").getText()).contains("0 から 1440");
    assertThat(browser.find("#total-saved").getText()).isEqualTo("10 分");

    String csv = (String) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/dashboard/dash/csv', {credentials: 'same-origin'}).then(r => r.text()).then(done);
        """);
    assertThat(csv.replace("\r\n", "\n")).contains("robot_task,runs,minutes_per_run,minutes_saved\nenter,2,5,10")
        .contains("dash.enter,2,1,0,66.7");

    // every role reads it; only process owners and admins set minutes
    browser.login("nurse");
    browser.open("/dashboard/dash");
    assertThat(browser.find("#total-saved").getText()).isEqualTo("10 分");
    assertThat(browser.driver().findElements(By.cssSelector("#saved form.minutes"))).isEmpty();
  }

  private ActivatedJob activate() {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("dash.enter").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }
}
