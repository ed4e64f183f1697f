package org.tsumugi.browser.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.browser.sandbox.RobotTestKit;

/** The scenario file format and what a process owner is told when a file is wrong. */
class ScenarioFormatTest {

  private static ScenarioException problemsOf(String file, String yaml) {
    try {
      ScenarioCatalog.of(Map.of(file, yaml));
    } catch (ScenarioException e) {
      return e;
    }
    throw new AssertionError("expected the scenario to be rejected");
  }

  @Test
  void everyScenarioInTheRepositoryLoads() {
    ScenarioCatalog catalog = ScenarioCatalog.load(RobotTestKit.robotsDir());

    assertThat(catalog.names()).contains("sandbox-emr/login", "sandbox-emr/monshin-entry",
        "sandbox-emr/patient-search", "sandbox-emr/insurance-check", "sandbox-emr/patient-register");
  }

  @Test
  void aScenarioIsNamedByItsPathAndParsedIntoTypedSteps() {
    Scenario s = ScenarioCatalog.of(Map.of("emr/search.yaml", """
        target: emr
        steps:
          - open: /patients
          - fill: {label: 氏名}
            value: "{{name}}"
            timeout: 2s
          - click: {role: button, name: 検索}
            screenshot: true
        """)).get("emr/search");

    assertThat(s.target()).isEqualTo("emr");
    assertThat(s.steps()).hasSize(3);
    assertThat(s.steps().get(1)).isInstanceOfSatisfying(Step.Fill.class, f -> {
      assertThat(f.selector()).isEqualTo(new Selector(Selector.By.LABEL, "氏名", null));
      assertThat(f.value()).isEqualTo("{{name}}");
      assertThat(f.common().timeout()).hasSeconds(2);
    });
    assertThat(s.steps().get(2)).isInstanceOfSatisfying(Step.Click.class, c -> {
      assertThat(c.selector()).isEqualTo(new Selector(Selector.By.ROLE, "button", "検索"));
      assertThat(c.common().screenshot()).isTrue();
    });
  }

  @Nested
  class RejectedWithFileLineStepAndField {

    @Test
    void anUnknownStepKind() {
      ScenarioException e = problemsOf("emr/a.yaml", """
          target: emr
          steps:
            - open: /x
            - tap: {css: "#ok"}
          """);

      assertThat(e.problems()).singleElement().asString()
          .startsWith("emr/a.yaml:4: steps[1]: 'tap': 不明な手順 'tap' です")
          .contains("open, fill, select");
    }

    @Test
    void aMissingFieldAndAMisspelledOne() {
      ScenarioException e = problemsOf("emr/b.yaml", """
          target: emr
          steps:
            - fill: {label: 主訴}
              vaule: 頭痛
          """);

      assertThat(e.problems()).containsExactlyInAnyOrder(
          "emr/b.yaml:4: steps[0] (fill): 'vaule': この手順では使えない項目です。使える項目: name, screenshot, timeout, value",
          "emr/b.yaml:3: steps[0] (fill): 'value': この項目は必須です");
    }

    @Test
    void aSelectorWithoutAStrategyOrWithTwo() {
      ScenarioException e = problemsOf("emr/c.yaml", """
          target: emr
          steps:
            - click: {id: ok}
            - click: {css: "#a", xpath: "//a"}
          """);

      assertThat(e.getMessage())
          .contains("emr/c.yaml:3: steps[0] (click): 'click.id': 不明な指定方法です")
          .contains("emr/c.yaml:4: steps[1] (click): 'click': 要素の指定は1つだけにしてください（css と xpath）");
    }

    @Test
    void problemsInNestedStepsNameTheirPath() {
      ScenarioException e = problemsOf("emr/d.yaml", """
          target: emr
          steps:
            - if: {present: {css: "#x"}}
              then:
                - click: {css: "#y"}
                - wait: {soon: true}
          """);

      assertThat(e.problems()).singleElement().asString()
          .startsWith("emr/d.yaml:6: steps[0].then[1] (wait): 'wait.soon': 不明な条件です");
    }

    @Test
    void aPasswordTypedLiterallyInsteadOfFromTheVault() {
      ScenarioException e = problemsOf("emr/e.yaml", """
          target: emr
          steps:
            - fill: {label: パスワード}
              value: hunter2
          """);

      assertThat(e.problems()).singleElement().asString()
          .contains("steps[0] (fill): 'value': パスワードは直接書かず {{secret:名前}}");
    }

    @Test
    void aSecretAnywhereButInAFilledValue() {
      ScenarioException e = problemsOf("emr/f.yaml", """
          target: emr
          steps:
            - open: "/login?token={{secret:emr.token}}"
          """);

      assertThat(e.problems()).singleElement().asString().contains("'open': 秘密情報 {{secret:emr.token}} は fill の value でだけ使えます");
    }

    @Test
    void anUndeclaredBusinessErrorCode() {
      ScenarioException e = problemsOf("emr/g.yaml", """
          target: emr
          errors:
            PATIENT_NOT_FOUND: 患者がいません
          steps:
            - fail: PATIENT_MISSING
          """);

      assertThat(e.problems()).singleElement().asString()
          .isEqualTo("emr/g.yaml:5: steps[0] (fail): 'error': エラーコード PATIENT_MISSING が errors に宣言されていません");
    }

    @Test
    void aCallToAScenarioThatDoesNotExistAndACallCycle() {
      ScenarioException missing = problemsOf("emr/h.yaml", """
          target: emr
          steps:
            - call: emr/logn
          """);
      assertThat(missing.problems()).singleElement().asString().contains("'call': シナリオ emr/logn がありません");

      assertThatThrownBy(() -> ScenarioCatalog.of(Map.of(
          "a.yaml", "target: t\nsteps:\n  - call: b\n",
          "b.yaml", "target: t\nsteps:\n  - call: a\n")))
          .hasMessageContaining("呼び出しが循環しています: a → b → a");
    }

    @Test
    void aWriteWithoutItsGuard() {
      ScenarioException e = problemsOf("emr/i.yaml", """
          target: emr
          steps:
            - write: 登録
              steps:
                - click: {text: 登録}
          """);

      assertThat(e.problems()).singleElement().asString()
          .contains("steps[0] (write): 'unless': 書き込みには、登録済みかを確かめる条件（unless）が必要です");
    }

    @Test
    void brokenYamlAndAFileWithoutSteps() {
      assertThat(problemsOf("emr/j.yaml", "target: emr\nsteps: [\n").getMessage()).startsWith("emr/j.yaml: YAML として読めません");
      assertThat(problemsOf("emr/k.yaml", "target: emr\n").getMessage())
          .isEqualTo("emr/k.yaml: 'steps': 手順（steps）が1つ以上必要です");
    }

    @Test
    void aMalformedTemplateOrDuration() {
      ScenarioException e = problemsOf("emr/l.yaml", """
          target: emr
          steps:
            - fill: {css: "#q"}
              value: "{{patient id}}"
              timeout: soon
          """);

      assertThat(e.problems()).containsExactlyInAnyOrder(
          "emr/l.yaml:5: steps[0] (fill): 'timeout': 時間は 500ms, 5s, 2m のように書いてください",
          "emr/l.yaml:4: steps[0] (fill): 'value': 変数の参照 {{patient id}} が読めません（例: {{patientId}}）");
    }
  }

  @Test
  void anUnknownScenarioNameListsTheKnownOnes() {
    ScenarioCatalog catalog = ScenarioCatalog.of(Map.of("emr/a.yaml", "target: t\nsteps:\n  - open: /\n"));

    assertThatThrownBy(() -> catalog.get("emr/b")).hasMessage("シナリオ emr/b がありません。あるもの: emr/a");
  }
}
