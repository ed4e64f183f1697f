package org.tsumugi.browser.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.browser.sandbox.RobotTestKit;
import org.tsumugi.browser.sandbox.SandboxEmr;

/** Every step kind and selector strategy, played in real headless Chromium against the sandbox EMR. */
class StepKindsTest {

  private final SandboxEmr emr = RobotTestKit.emr();

  @BeforeEach
  void freshEmr() {
    emr.reset();
  }

  private static Map<String, Object> completed(RunOutcome outcome) {
    assertThat(outcome).isInstanceOf(RunOutcome.Completed.class);
    return ((RunOutcome.Completed) outcome).variables();
  }

  private RunOutcome play(String yaml, Map<String, Object> variables) {
    String scenario = "target: sandbox-emr\nsteps:\n  - call: sandbox-emr/login\n" + yaml.stripTrailing() + "\n";
    BrowserRobot robot = RobotTestKit.robot(RobotTestKit.catalog(Map.of("test/s.yaml", scenario)));
    return RobotTestKit.run(robot, "test/s", variables);
  }

  @Test
  void fillClickWaitAndExtractATableAsRecords() {
    Map<String, Object> vars = completed(RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/patient-search", Map.of("query", "山田")));

    assertThat(vars.get("patients")).isEqualTo(List.of(
        Map.of("患者ID", "P0001", "氏名", "山田 太郎", "生年月日", "1958-04-12", "性別", "男"),
        Map.of("患者ID", "P0004", "氏名", "山田 花子", "生年月日", "1962-07-19", "性別", "女")));
  }

  @Test
  void ifPresentThenFailRaisesTheDeclaredBusinessError() {
    RunOutcome outcome = RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/patient-search", Map.of("query", "存在しない患者"));

    assertThat(outcome).isInstanceOfSatisfying(RunOutcome.BusinessError.class,
        e -> assertThat(e.code()).isEqualTo("PATIENT_NOT_FOUND"));
  }

  @Test
  void everySelectorStrategyFindsTheSameField() {
    Map<String, Object> vars = completed(play("""
          - open: /patients
          - fill: {css: "input[name=q]"}
            value: css
          - extract: {label: 氏名・患者ID}
            attribute: value
            as: byLabel
          - fill: {xpath: "//form[@role='search']//input"}
            value: xpath
          - extract: {role: textbox, name: 氏名・患者ID}
            attribute: value
            as: byRole
          - click: {text: 検索}
          - wait: {url: "q=xpath"}
          - extract: {role: heading, name: 患者検索}
            as: heading
        """, Map.of()));

    assertThat(vars).containsEntry("byLabel", "css").containsEntry("byRole", "xpath").containsEntry("heading", "患者検索");
  }

  @Test
  void frameAndWaitForText() {
    Map<String, Object> vars = completed(RobotTestKit.run(RobotTestKit.robot(RobotTestKit.catalog(Map.of())),
        "sandbox-emr/insurance-check", Map.of("patientId", "P0003")));

    assertThat(vars).containsEntry("insurerNumber", "06130003").containsEntry("eligibility", "資格有効");
  }

  @Test
  void windowNewMainAndClose() {
    Map<String, Object> vars = completed(play("""
          - open: /chart?id=P0001
          - click: {role: link, name: 印刷プレビュー}
          - window: new
          - extract: {css: "#print-name"}
            as: printed
          - window: close
          - extract: {css: "#patient-id"}
            as: backOnChart
        """, Map.of()));

    assertThat(vars).containsEntry("printed", "山田 太郎").containsEntry("backOnChart", "P0001");
  }

  @Test
  void selectCheckAndDismissingTheConfirmationSavesNothing() {
    Map<String, Object> vars = completed(play("""
          - open: /monshin/new?id=P0001
          - fill: {label: 主訴}
            value: 腹痛
          - select: {label: 発症時期}
            option: 昨日
          - check: {label: アレルギーあり}
          - check: {label: アレルギーあり}
            checked: "{{allergy}}"
          - click: {role: button, name: 登録}
          - dialog: dismiss
            text: 登録しますか
          - extract: {label: 発症時期}
            attribute: value
            as: onset
          - extract: {label: アレルギーあり}
            attribute: checked
            as: allergyTicked
          - assert: {url: /monshin/new}
        """, Map.of("allergy", false)));

    assertThat(vars).containsEntry("onset", "昨日").containsEntry("allergyTicked", false);
    assertThat(emr.records()).isEmpty();
  }

  @Test
  void uploadAFileWithAJapaneseName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("紹介状.pdf");
    Files.write(file, "%PDF-1.4 sandbox".getBytes(StandardCharsets.US_ASCII));

    completed(play("""
          - open: /documents?id=P0002
          - upload: {label: ファイル}
            file: "{{path}}"
          - click: {role: button, name: 取込}
          - wait: {text: 紹介状.pdf}
        """, Map.of("path", file.toString())));

    assertThat(emr.uploads()).singleElement().satisfies(u -> {
      assertThat(u.patientId()).isEqualTo("P0002");
      assertThat(u.fileName()).isEqualTo("紹介状.pdf");
      assertThat(u.size()).isEqualTo(16);
    });
  }

  @Test
  void uploadADocumentFromTheStoreByItsReference() {
    String ref = RobotTestKit.evidence().store("docs-" + java.util.UUID.randomUUID(), "referral-P0003.pdf",
        "application/pdf", "%PDF-1.4 from the store".getBytes(StandardCharsets.US_ASCII));

    completed(play("""
          - open: /documents?id=P0003
          - upload: {label: ファイル}
            document: "{{letter}}"
          - click: {role: button, name: 取込}
          - wait: {text: referral-P0003.pdf}
        """, Map.of("letter", ref)));

    assertThat(emr.uploads()).singleElement().satisfies(u -> {
      assertThat(u.fileName()).isEqualTo("referral-P0003.pdf");
      assertThat(u.size()).isEqualTo(23);
    });
  }

  @Test
  void downloadGoesIntoTheEvidenceStoreAndTheVariableHoldsItsReference() {
    Map<String, Object> vars = completed(play("""
          - open: /chart?id=P0001
          - download: {role: link, name: CSV出力}
            as: chartCsv
        """, Map.of()));

    String ref = (String) vars.get("chartCsv");
    assertThat(ref).startsWith("file:").endsWith("chart-P0001.csv");
    assertThat(new String(RobotTestKit.evidence().read(ref), StandardCharsets.UTF_8)).contains("P0001,山田 太郎,1958-04-12");
  }

  @Test
  void waitForNetworkIdleLetsLateDataArriveBeforeExtracting() {
    Map<String, Object> vars = completed(play("""
          - open: /labs?id=P0001&ms=2000
          - wait: networkIdle
          - extract: {css: "#labs"}
            table: true
            as: labs
        """, Map.of()));

    assertThat(vars.get("labs")).isEqualTo(List.of(
        Map.of("項目", "HbA1c", "値", "6.1", "単位", "%"),
        Map.of("項目", "血糖", "値", "104", "単位", "mg/dL")));
  }

  @Test
  void waitForNetworkIdleCountsALongRequestInAWindowThePageOpened() {
    Map<String, Object> vars = completed(play("""
          - open: /chart?id=P0001
          - click: {role: link, name: 検査結果（別ウィンドウ）}
          - window: new
          - wait: networkIdle
          - extract: {css: "#labs"}
            table: true
            as: labs
        """, Map.of()));

    assertThat((List<?>) vars.get("labs")).as("the 2 s lab request was waited for").hasSize(2);
  }

  @Test
  void repeatOverAListVariableAndIfElseOnAVariable() {
    completed(play("""
          - repeat: "{{entries}}"
            as: entry
            steps:
              - open: /monshin/new?id={{entry.patientId}}
              - fill: {label: 主訴}
                value: "{{entry.complaint}}"
              - if: {variable: entry.urgent}
                then:
                  - fill: {label: 備考}
                    value: 至急
                else:
                  - fill: {label: 備考}
                    value: 通常
              - click: {role: button, name: 登録}
              - dialog: accept
              - wait: {present: {css: "#saved"}}
        """, Map.of("entries", List.of(
            Map.of("patientId", "P0001", "complaint", "胸痛", "urgent", true),
            Map.of("patientId", "P0003", "complaint", "咳", "urgent", false)))));

    assertThat(emr.records()).extracting(SandboxEmr.MonshinRecord::patientId, SandboxEmr.MonshinRecord::chiefComplaint,
        SandboxEmr.MonshinRecord::note).containsExactly(
            org.assertj.core.groups.Tuple.tuple("P0001", "胸痛", "至急"),
            org.assertj.core.groups.Tuple.tuple("P0003", "咳", "通常"));
  }

  @Test
  void screenshotsOnRequestAreEvidenceAndTheStepLogHasNoTypedValues() {
    RunOutcome outcome = play("""
          - open: /patients
          - fill: {label: 氏名・患者ID}
            value: "{{query}}"
            screenshot: true
          - screenshot: after-search
          - extract: {css: h1}
            all: true
            as: headings
        """, Map.of("query", "佐藤"));

    Map<String, Object> vars = completed(outcome);
    assertThat(vars).containsEntry("headings", List.of("患者検索"));
    assertThat(outcome.evidence().screenshots()).hasSize(2).allSatisfy(ref -> {
      byte[] png = RobotTestKit.evidence().read(ref);
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    });
    String log = new String(RobotTestKit.evidence().read(outcome.evidence().stepLog()), StandardCharsets.UTF_8);
    assertThat(log).contains("\"kind\" : \"fill\"").doesNotContain("佐藤").doesNotContain(SandboxEmr.PASSWORD);
    assertThat(vars.get("browserEvidence")).isEqualTo(outcome.evidence().asVariable());
  }
}
