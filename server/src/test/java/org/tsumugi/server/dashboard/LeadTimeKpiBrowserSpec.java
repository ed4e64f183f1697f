package org.tsumugi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tsumugi.server.web.WebSpec;

/**
 * Each shipped workflow's dashboard shows its own measure, median and 90th percentile over the chosen
 * period and per day, from the variables its completed instances recorded.
 */
// its own database, so other specs' instances of the same workflows do not shift the figures, and a clock to move
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:kpi;DB_CLOSE_DELAY=-1",
    "tsumugi.engine.clock-control=true"})
class LeadTimeKpiBrowserSpec extends WebSpec {

  @Test
  void eachWorkflowShowsItsOwnLeadTimeOrNightlyFindingsOverThePeriodAndInTheCsv() {
    for (String id : List.of("referral-letter", "monshin-intake", "claim-check-nightly")) {
      deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done(), id + ".bpmn");
    }
    // one referral approved long before the last 30 days: only a longer period counts it
    client.newPinClockCommand().time(Instant.now().minus(Duration.ofDays(40)).toEpochMilli()).send().join();
    try {
      start("referral-letter", Map.of("leadTime", Map.of("minutes", 5000)));
    } finally {
      client.newResetClockCommand().send().join();
    }
    for (int minutes : List.of(30, 60, 90, 120, 600)) {
      start("referral-letter", Map.of("leadTime", Map.of("minutes", minutes)));
    }
    for (String lead : List.of("PT10M", "PT20M", "PT1H")) {
      start("monshin-intake", Map.of("receptionLeadTime", lead));
    }
    start("claim-check-nightly", Map.of("reportData", Map.of("指摘件数", 12, "修正済件数", 5)));
    start("claim-check-nightly", Map.of("reportData", Map.of("指摘件数", 8, "修正済件数", 3)));
    awaitCompleted("referral-letter", 6);
    awaitCompleted("monshin-intake", 3);
    awaitCompleted("claim-check-nightly", 2);

    browser.login("nurse");
    browser.open("/dashboard/referral-letter");
    assertThat(browser.find("#kpi-referralLeadTime").getText()).isEqualTo("紹介状の依頼から承認までの時間（分） 5 90.0 408.0");
    browser.await("#chart-kpi-referralLeadTime[data-rendered=true]");
    browser.open("/dashboard/referral-letter?days=90");
    assertThat(browser.find("#kpi-referralLeadTime").getText()).endsWith(" 6 105.0 2800.0");

    browser.open("/dashboard/monshin-intake");
    assertThat(browser.find("#kpi-receptionLeadTime").getText())
        .isEqualTo("問診票の送信から電子カルテ登録までの時間（分） 3 20.0 52.0");

    browser.open("/dashboard/claim-check-nightly");
    assertThat(browser.find("#kpi-findingsFound").getText()).isEqualTo("一晩の指摘件数 2 10.0 11.6");
    assertThat(browser.find("#kpi-findingsFixed").getText()).isEqualTo("一晩の修正済件数（再点検で解消） 2 4.0 4.8");
    browser.await("#chart-kpi-findingsFound[data-rendered=true]");
    browser.await("#chart-kpi-findingsFixed[data-rendered=true]");
    browser.screenshot("dashboard-claim-kpis");

    String csv = (String) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/dashboard/claim-check-nightly/csv?days=7', {credentials: 'same-origin'}).then(r => r.text()).then(done);
        """);
    assertThat(csv.replace("\r\n", "\n"))
        .contains("指標,件数,中央値,90パーセンタイル\n一晩の指摘件数,2,10.0,11.6\n一晩の修正済件数（再点検で解消）,2,4.0,4.8\n")
        .contains("日付,一晩の指摘件数,一晩の修正済件数（再点検で解消）\n")
        .contains("\n" + LocalDate.now() + ",20.0,8.0\n")
        .contains("\n" + LocalDate.now().minusDays(1) + ",,\n");

    // English on request, in the page and its export alike
    browser.open("/dashboard/monshin-intake?lang=en");
    assertThat(browser.find("#kpi-receptionLeadTime").getText())
        .isEqualTo("Questionnaire: submission to EMR entry (min) 3 20.0 52.0");
    String english = (String) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/dashboard/monshin-intake/csv', {credentials: 'same-origin'}).then(r => r.text()).then(done);
        """);
    assertThat(english.replace("\r\n", "\n")).contains("Measure,Count,Median,90th percentile\n"
        + "Questionnaire: submission to EMR entry (min),3,20.0,52.0\n");
    browser.open("/dashboard/monshin-intake?lang=ja");

    // a period that is not a number of days: the page says so and shows the default
    browser.open("/dashboard/referral-letter?days=-5");
    assertThat(browser.await("#flash-error").getText()).contains("1 から 366");
    assertThat(browser.find("#kpi-referralLeadTime").getText()).endsWith(" 5 90.0 408.0");
  }

  private void awaitCompleted(String processId, int count) {
    await(() -> client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)
        .state(ProcessInstanceState.COMPLETED)).send().join().items().size() == count, processId + " completes");
  }
}
