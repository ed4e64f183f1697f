package org.tsumugi.server.monshin;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.response.UserTask;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tsumugi.server.TsumugiApplication;
import org.tsumugi.server.web.WebSpec;

/**
 * A patient answers the questionnaire on a phone in real headless Chromium through a link a clerk
 * issued, and the nurse's review appears in the inbox; the link then refuses a second use, and expired
 * or unknown links show a clear page. The 問診 robot runs in the server; the other robots are off.
 */
@SpringBootTest(classes = TsumugiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:monshin-page;DB_CLOSE_DELAY=-1", "tsumugi.deploy.folders=",
        "server.address=127.0.0.1", "tsumugi.security.require-totp=false", "tsumugi.robots.document.enabled=false",
        "tsumugi.robots.browser.enabled=false", "tsumugi.robots.claims.enabled=false"})
class PatientPageBrowserSpec extends WebSpec {
  private static final String SCRIPT = "<script>window.monshinXss = 1</script><b>頭が痛い</b>";

  @Autowired
  MonshinLinks links;

  @BeforeEach
  void deployIntake() {
    MonshinIntakeDeployment.deploy(client);
  }

  @AfterEach
  void desktopAgain() {
    browser.driver().manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void aPatientAnswersOnAPhoneThroughAOneTimeLinkAndTheNurseReviewsTheAnswers() {
    browser.login("clerk");
    browser.open("/monshin-links");
    browser.find("#receptionId").sendKeys("R20261125-001");
    browser.find("#issue-link").click();
    String url = browser.await("#patient-url").getAttribute("href");
    assertThat(browser.find("#qr svg").getDomAttribute("viewBox")).isNotBlank();
    assertThat(url).startsWith("http://127.0.0.1:" + port + "/monshin/");
    String link = URI.create(url).getPath();

    browser.logout();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open(link);
    browser.await("[id$='-PatientName']");
    assertThat(browser.driver().getTitle()).isEqualTo("事前問診票");
    browser.screenshot("monshin-patient");

    // nothing answered: form-js names the required fields and nothing reaches the engine
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("赤く表示された項目");
    assertThat(browser.driver().findElements(By.cssSelector(".fjs-form-field-error"))).isNotEmpty();
    assertThat(browser.find("[id$='-PatientName-error-message']").getText()).isEqualTo("必須項目です。");
    assertThat(MonshinIntakeDeployment.intakes(client)).isEmpty();

    type("PatientName", "山田　太郎");
    type("PatientKana", "やまだ たろう");
    type("BirthDate", "昭和33年4月12日");
    type("Phone", "０９０－１２３４－５６７８");
    type("ChiefComplaint", SCRIPT);
    pick("Onset", "昨日");
    choose("Sex-0");
    choose("VisitType-1");
    assertThat(browser.find("[id$='-Phone']").getAttribute("value")).isEqualTo("０９０－１２３４－５６７８");
    browser.screenshot("monshin-patient-filled");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/monshin/received") || browser.present("#form-message:not([hidden])"),
        "an answer to the submission");
    assertThat(browser.path()).as("received, not refused: %s", browser.present("#form-message:not([hidden])")
        ? browser.find("#form-message").getText() : "").isEqualTo("/monshin/received");
    assertThat(browser.await("#received").getText()).isEqualTo("問診票を受け付けました");

    // the link was for this visit only
    browser.open(link);
    assertThat(browser.await("#refused").getAttribute("data-reason")).isEqualTo("used");
    assertThat(browser.find("#refused").getText()).contains("すでに受け付けています");

    await(() -> review() != null, "the nurse's review task");
    browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    browser.login("nurse");
    browser.open("/inbox");
    assertThat(browser.await("#tasks").getText()).contains("問診を確認して承認する");
    browser.open("/inbox/tasks/" + review().getUserTaskKey());
    assertThat(browser.await("#task-form [id$='-ChiefComplaint']").getAttribute("value")).isEqualTo(SCRIPT);
    assertThat(browser.script("return window.monshinXss === undefined")).as("the script was shown, not run")
        .isEqualTo(true);
    assertThat(MonshinIntakeDeployment.intakes(client)).hasSize(1);

    browser.login("clerk");
    browser.open("/monshin-links");
    assertThat(browser.find("#links").getText()).contains("R20261125-001", "送信済み");
    assertThat(browser.driver().getPageSource()).doesNotContain("山田");
  }

  @Test
  void aPageLeftOpenPastItsSessionTakesAFreshTokenAndTheAnswersStillArrive() {
    long now = System.currentTimeMillis();
    String token = links.issue(MonshinLink.Kind.VISIT, "R-LEFT-OPEN", null, "clerk", now, now + 86_400_000L).token();
    int before = MonshinIntakeDeployment.intakes(client).size();
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/monshin/" + token);
    browser.await("[id$='-PatientName']");

    type("PatientName", "佐藤 花子");
    type("PatientKana", "サトウ ハナコ");
    type("BirthDate", "平成2年11月3日");
    type("Phone", "090-1234-5678");
    type("ChiefComplaint", "咳");
    pick("Onset", "今日");
    choose("Sex-1");
    choose("VisitType-0");
    // The phone slept past the session: the server no longer knows it, so the page's token is refused.
    browser.driver().manage().deleteAllCookies();
    browser.find("#form-submit").click();

    browser.waitUntil(d -> d.getCurrentUrl().endsWith("/monshin/received") || browser.present("#form-message:not([hidden])"),
        "an answer to the submission");
    assertThat(browser.path()).as("received after a fresh token, not refused: %s",
        browser.present("#form-message:not([hidden])") ? browser.find("#form-message").getText() : "")
        .isEqualTo("/monshin/received");
    await(() -> MonshinIntakeDeployment.intakes(client).size() == before + 1, "one intake from the late submission");
    browser.open("/monshin/" + token);
    assertThat(browser.await("#refused").getAttribute("data-reason")).isEqualTo("used");
  }

  @Test
  void expiredRevokedAndUnknownLinksShowAClearPageInsteadOfTheQuestionnaire() {
    long now = System.currentTimeMillis();
    String expired = links.issue(MonshinLink.Kind.VISIT, "R-EXPIRED", null, "clerk", now - 172_800_000L,
        now - 86_400_000L).token();
    MonshinLinks.Issued revoked = links.issue(MonshinLink.Kind.CLINIC, null, "受付前", "clerk", now, now + 86_400_000L);
    browser.driver().manage().window().setSize(new Dimension(390, 844));

    browser.open("/monshin/" + expired);
    assertThat(browser.await("#refused").getAttribute("data-reason")).isEqualTo("expired");
    assertThat(browser.find("h1").getText()).isEqualTo("このリンクは有効期限が切れています");
    assertThat(browser.present("#monshin-form")).isFalse();

    browser.open("/monshin/" + revoked.token());
    assertThat(browser.await("[id$='-PatientName']").isDisplayed()).isTrue();
    browser.login("nurse");
    browser.open("/monshin-links");
    browser.find("#link-" + revoked.link().id() + " button.danger").click();
    assertThat(browser.await("#flash-info").getText()).isEqualTo("リンクを無効にしました。");
    browser.logout();
    browser.open("/monshin/" + revoked.token());
    assertThat(browser.await("#refused").getAttribute("data-reason")).isEqualTo("revoked");

    browser.open("/monshin/not-a-token?lang=en");
    assertThat(browser.await("#refused").getAttribute("data-reason")).isEqualTo("unknown");
    assertThat(browser.find("h1").getText()).isEqualTo("This link cannot be used");
  }

  private UserTask review() {
    List<UserTask> tasks = client.newUserTaskSearchRequest().filter(f -> f.elementId("ReviewAnswers")).send().join()
        .items();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private void type(String component, String text) {
    browser.find("[id$='-" + component + "']").sendKeys(text);
  }

  /** An option of a form-js select: open its list, click the one with that text. */
  private void pick(String component, String option) {
    click("[id$='-" + component + "-display']");
    browser.waitUntil(d -> !d.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty(), "the choices");
    browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().equals(option)).findFirst().orElseThrow().click();
  }

  /** A radio choice, clicked in the page: a clicked field's error message going away shifts the layout under the mouse. */
  private void choose(String option) {
    browser.script("arguments[0].click()", browser.find("[id$='-" + option + "']"));
    assertThat(browser.find("[id$='-" + option + "']").isSelected()).as(option).isTrue();
  }

  private void click(String css) {
    browser.find(css).click();
  }
}
