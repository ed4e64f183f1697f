package org.tsumugi.monshin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/monshin-triage.dmn, case by case, evaluated by the engine as the intake's business rule task
 * evaluates it: which answers reach the nurse station at once, and which merely come earlier.
 */
class TriageTableTest extends IntakeEngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} (age {1}) → urgent {2}, level {3}")
  @CsvSource(delimiter = ';', nullValues = "null", value = {
      "chest-pain cold-sweat;     60; true;  2; 胸の痛みと冷や汗",
      "sudden-headache;           35; true;  2; 突然の激しい頭痛",
      "breathing-difficulty;      20; true;  2; 息苦しさ",
      "stroke-signs;              70; true;  2; まひ・しびれ・ろれつが回らない",
      "altered-consciousness;     45; true;  2; 意識がぼんやりする・気を失った",
      "self-harm;                 17; true;  2; 死にたい気持ち・自分を傷つけたい気持ち",
      "fever self-harm;           80; true;  2; 死にたい気持ち・自分を傷つけたい気持ち",
      "fever;                     80; false; 3; 75歳以上の発熱",
      "fever;                     74; false; 4; ''",
      "chest-pain;                40; false; 3; 胸の痛み",
      "cold-sweat;                40; false; 4; ''",
      "'';                        30; false; 4; ''",
      "fever;                     null; false; 4; ''",
  })
  void decides(String flags, Integer age, boolean urgent, int level, String reason) throws Exception {
    List<String> redFlags = flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split("\\s+"));
    Map<String, Object> variables = new HashMap<>();
    variables.put("redFlags", redFlags);
    variables.put("age", age);

    String output = client.newEvaluateDecisionCommand().decisionId("monshin-triage").variables(variables).send().join()
        .getDecisionOutput();

    assertThat(JSON.readValue(output, Map.class))
        .containsEntry("urgent", urgent).containsEntry("level", level).containsEntry("reason", reason);
  }
}
