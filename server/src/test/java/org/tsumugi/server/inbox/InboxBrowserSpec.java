package org.tsumugi.server.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tsumugi.server.web.WebSpec;

/** A clerk works the inbox in a real browser: finds, claims and completes tasks through their forms. */
class InboxBrowserSpec extends WebSpec {
  private static final String FORM = """
      {"id": "%s", "type": "default", "components": [
        {"type": "text", "id": "intro", "text": "所見を入力してください"},
        {"type": "textfield", "id": "f1", "key": "findings", "label": "所見", "validate": {"required": true}}]}
      """;

  @Test
  void aClerkSeesTasksAssignedToHerAndToHerGroupsButNotOthersAndClaimsOne() {
    deploy(Bpmn.createExecutableProcess("inbox-list").name("紹介状の受付").startEvent().parallelGateway("fork")
        .userTask("mine", t -> t.name("自分のタスク").zeebeUserTask().zeebeAssignee("clerk")
            .zeebeDueDate("2020-01-01T09:00:00+09:00").zeebeTaskPriority("90")).endEvent()
        .moveToNode("fork").userTask("group", t -> t.name("受付係のタスク").zeebeUserTask().zeebeCandidateGroups("clerks"))
        .endEvent()
        .moveToNode("fork").userTask("nurses", t -> t.name("看護師のタスク").zeebeUserTask().zeebeCandidateGroups("nurses"))
        .endEvent().done(), "inbox-list.bpmn");
    long instance = start("inbox-list", Map.of());
    await(() -> tasks(instance).size() == 3, "three tasks wait");

    browser.login("clerk");
    browser.open("/inbox?process=inbox-list");
    String page = browser.find("#tasks").getText();
    assertThat(page).contains("自分のタスク", "受付係のタスク").doesNotContain("看護師のタスク");
    long mine = key(instance, "mine");
    long group = key(instance, "group");
    assertThat(browser.find("#task-" + mine).getAttribute("class")).contains("overdue");
    assertThat(browser.find("#task-" + mine).getText()).contains("期限切れ", "至急");
    browser.screenshot("inbox");

    browser.find("#task-" + group + " button.claim").click();
    assertThat(browser.await("#assignee").getText()).isEqualTo("clerk");
    assertThat(client.newUserTaskGetRequest(group).send().join().getAssignee()).isEqualTo("clerk");

    // a colleague of the same group no longer sees it offered; then the clerk releases it
    browser.login("clerk2");
    browser.open("/inbox?process=inbox-list");
    assertThat(browser.present("#task-" + group)).isFalse();
    browser.login("clerk");
    browser.open("/inbox?process=inbox-list");
    browser.find("#task-" + group + " button.unclaim").click();
    browser.await("#tasks");
    assertThat(client.newUserTaskGetRequest(group).send().join().getAssignee()).isNull();

    browser.login("nurse");
    browser.open("/inbox?process=inbox-list");
    assertThat(browser.find("#tasks").getText()).contains("看護師のタスク").doesNotContain("自分のタスク");
  }

  @Test
  void theFiltersNarrowTheInboxAndEnglishIsAvailable() {
    deploy(Bpmn.createExecutableProcess("inbox-filter").startEvent().parallelGateway("fork")
        .userTask("late", t -> t.name("遅れ").zeebeUserTask().zeebeAssignee("doctor")
            .zeebeDueDate("2020-01-01T09:00:00+09:00").zeebeTaskPriority("20")).endEvent()
        .moveToNode("fork").userTask("later", t -> t.name("後で").zeebeUserTask().zeebeAssignee("doctor")
            .zeebeTaskPriority("80")).endEvent().done(), "inbox-filter.bpmn");
    long instance = start("inbox-filter", Map.of());
    await(() -> tasks(instance).size() == 2, "two tasks wait");

    browser.login("doctor");
    browser.open("/inbox?process=inbox-filter&due=overdue");
    assertThat(browser.find("#tasks").getText()).contains("遅れ").doesNotContain("後で");
    browser.open("/inbox?process=inbox-filter&priority=50");
    assertThat(browser.find("#tasks").getText()).contains("後で").doesNotContain("遅れ");
    browser.open("/inbox?process=inbox-filter&lang=en");
    assertThat(browser.find("h1").getText()).isEqualTo("Inbox");
    browser.open("/inbox?lang=ja");
    assertThat(browser.find("h1").getText()).isEqualTo("受信箱");
  }

  @Test
  void aTaskIsCompletedThroughItsFormWhichRefusesAnEmptyRequiredField() {
    deployForm("findings.form", FORM.formatted("findings"));
    deploy(Bpmn.createExecutableProcess("inbox-form").startEvent()
        .userTask("enter", t -> t.name("所見の入力").zeebeUserTask().zeebeFormId("findings").zeebeAssignee("clerk"))
        .endEvent().done(), "inbox-form.bpmn");
    long instance = start("inbox-form", Map.of("patientName", "山田 花子"));
    await(() -> tasks(instance).size() == 1, "the task waits");
    long task = key(instance, "enter");

    browser.login("clerk");
    browser.open("/inbox/tasks/" + task);
    WebElement field = browser.await("#task-form .fjs-form-field-textfield input");
    assertThat(browser.find("#task-form").getText()).contains("所見を入力してください");
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("入力内容を確認してください");
    assertThat(browser.await(".fjs-form-field-error").getText()).isEqualTo("必須項目です。");
    assertThat(client.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.CREATED);

    field.sendKeys("異常なし");
    browser.find("#form-submit").click();
    browser.await("#completed");
    assertThat(client.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("findings"))
        .send().join().items()).extracting(v -> v.getValue()).containsExactly("\"異常なし\"");
  }

  @Test
  void theFormSpeaksJapaneseByDefaultAndEnglishWhenChosen() {
    deployForm("languages.form", """
        {"id": "languages", "type": "default", "components": [
          {"type": "textfield", "id": "code", "key": "code", "label": "コード", "validate": {"minLength": 3}},
          {"type": "textfield", "id": "name", "key": "name", "label": "氏名", "validate": {"required": true}},
          {"type": "filepicker", "id": "scan", "key": "scan", "label": "スキャン"}]}
        """);
    deploy(Bpmn.createExecutableProcess("inbox-languages").startEvent()
        .userTask("enter", t -> t.zeebeUserTask().zeebeFormId("languages").zeebeAssignee("clerk")).endEvent().done(),
        "inbox-languages.bpmn");
    // the short code comes with the task: typed text reaches form-js only after its input debounce
    long instance = start("inbox-languages", Map.of("code", "ab"));
    await(() -> tasks(instance).size() == 1, "the task waits");
    long task = key(instance, "enter");

    browser.login("clerk");
    browser.open("/inbox/tasks/" + task + "?lang=ja");
    browser.await("#task-form [id$='-code']");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> errors().size() == 2, "both fields are marked");
    assertThat(errors()).containsExactly("3 文字以上で入力してください。", "必須項目です。");
    assertThat(browser.find("#task-form .fjs-filepicker-button").getText()).isEqualTo("ファイルを選択");

    browser.open("/inbox/tasks/" + task + "?lang=en");
    browser.await("#task-form [id$='-code']");
    browser.find("#form-submit").click();
    browser.waitUntil(d -> errors().size() == 2, "both fields are marked");
    assertThat(errors()).containsExactly("Field must have minimum length of 3.", "Field is required.");
    assertThat(browser.find("#task-form .fjs-filepicker-button").getText()).isEqualTo("Browse");
    browser.open("/inbox?lang=ja");
  }

  private List<String> errors() {
    return browser.driver().findElements(org.openqa.selenium.By.cssSelector(".fjs-form-field-error li")).stream()
        .map(WebElement::getText).toList();
  }

  @Test
  void completingATaskSomeoneElseCompletedMeanwhileSaysSoAndOverwritesNothing() {
    deployForm("second.form", FORM.formatted("second"));
    deploy(Bpmn.createExecutableProcess("inbox-race").startEvent()
        .userTask("enter", t -> t.zeebeUserTask().zeebeFormId("second").zeebeCandidateGroups("clerks"))
        .endEvent().done(), "inbox-race.bpmn");
    long instance = start("inbox-race", Map.of());
    await(() -> tasks(instance).size() == 1, "the task waits");
    long task = key(instance, "enter");

    browser.login("clerk");
    browser.open("/inbox/tasks/" + task);
    browser.await("#task-form .fjs-form-field-textfield input").sendKeys("後から入力");
    client.newCompleteUserTaskCommand(task).variables(Map.of("findings", "先に入力")).send().join();
    browser.find("#form-submit").click();
    assertThat(browser.await("#form-message").getText()).contains("すでに完了");
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("findings"))
        .send().join().items()).extracting(v -> v.getValue()).containsExactly("\"先に入力\"");
  }

  @Test
  void theEngineRefusesAClerkWhoIsNeitherAssigneeNorCandidate() {
    deploy(Bpmn.createExecutableProcess("inbox-foreign").startEvent()
        .userTask("enter", t -> t.zeebeUserTask().zeebeCandidateGroups("doctors")).endEvent().done(),
        "inbox-foreign.bpmn");
    long instance = start("inbox-foreign", Map.of());
    await(() -> tasks(instance).size() == 1, "the task waits");
    long task = key(instance, "enter");

    browser.login("clerk");
    browser.open("/inbox/tasks/" + task);
    assertThat(browser.present("#form-submit")).as("the page itself is refused").isFalse();
    // and the engine refuses a completion sent without the page
    browser.open("/inbox");
    assertThat(browser.script("const t = document.querySelector('meta[name=_csrf]').content;"
        + " return fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/json',"
        + " 'X-CSRF-TOKEN': t}, body: '{}'}).then(r => r.json()).then(j => j.message);",
        "/inbox/tasks/" + task + "/complete")).asString().contains("権限がありません");
    assertThat(client.newUserTaskGetRequest(task).send().join().getState()).isEqualTo(UserTaskState.CREATED);
  }

  private List<UserTask> tasks(long instance) {
    return client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED))
        .send().join().items();
  }

  private long key(long instance, String elementId) {
    return tasks(instance).stream().filter(t -> t.getElementId().equals(elementId)).findFirst().orElseThrow()
        .getUserTaskKey();
  }

}
