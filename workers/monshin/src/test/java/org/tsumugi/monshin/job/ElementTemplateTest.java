package org.tsumugi.monshin.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Modeler element templates and the workers must agree on job types and input names. */
class ElementTemplateTest {

  @Test
  void eachTemplateSetsItsWorkersJobTypeAndTheVariablesTheWorkerReads() throws Exception {
    JsonNode templates = new ObjectMapper().readTree(Files.readString(Path.of("../../element-templates/tsumugi-monshin.json")));
    Map<String, Set<String>> inputsByType = new HashMap<>();
    for (JsonNode template : templates) {
      String type = null;
      Set<String> inputs = new HashSet<>();
      for (JsonNode p : template.get("properties")) {
        JsonNode b = p.get("binding");
        if ("zeebe:taskDefinition".equals(b.get("type").asText()) && "type".equals(b.get("property").asText())) {
          type = p.get("value").asText();
        } else if ("zeebe:input".equals(b.get("type").asText())) {
          inputs.add(b.get("name").asText());
        }
      }
      inputsByType.put(type, inputs);
    }

    assertThat(inputsByType).containsOnly(
        Map.entry(NormalizeWorker.TYPE, Set.of("receptionId", "answers")),
        Map.entry(MatchPatientWorker.TYPE, Set.of("patients", "birthDate")));
  }
}
