package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model in bpmn/ passes the rules Camunda Modeler applies for the Camunda 8 version it declares. */
class LintSpec {

  @Test
  void everyModelPassesModelersRulesWithoutError() throws IOException {
    List<Path> models = NodeScript.filesIn("bpmn", ".bpmn");

    List<String> errors = findings(models, "error");

    assertThat(errors).as("Camunda Modeler's lint errors in bpmn/ (file element rule: message)").isEmpty();
  }

  @Test
  void namesFileElementAndRuleOfABrokenModel(@TempDir Path dir) throws IOException {
    Path model = NodeScript.filesIn("bpmn", ".bpmn").get(0);
    String xml = Files.readString(model);
    // a service task without its job type cannot run on Camunda 8: Modeler marks it as an error
    String broken = xml.replaceFirst("<zeebe:taskDefinition [^>]*/>", "");
    assertThat(broken).as("the first model has a service task to break").isNotEqualTo(xml);
    Path file = Files.writeString(dir.resolve("broken.bpmn"), broken);

    assertThat(findings(List.of(file), "error"))
        .anyMatch(f -> f.startsWith("broken.bpmn ") && f.contains(" camunda-compat/implementation: ")
            && f.contains("zeebe:TaskDefinition"));
  }

  @Test
  void refusesAModelThatDeclaresNoCamunda8Version(@TempDir Path dir) throws IOException {
    Path model = NodeScript.filesIn("bpmn", ".bpmn").get(0);
    // Modeler lints nothing in a model without its execution platform, so such a file must not pass
    String undeclared = Files.readString(model).replaceAll("modeler:executionPlatform(Version)?=\"[^\"]*\"", "");
    Path file = Files.writeString(dir.resolve("undeclared.bpmn"), undeclared);

    assertThat(findings(List.of(file), "error")).anyMatch(f -> f.contains(" execution-platform: "));
  }

  private static List<String> findings(List<Path> models, String category) {
    JsonNode all = NodeScript.run("lint-bpmn.mjs", models);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(f -> f.path("category").asText().equals(category))
        .map(f -> f.path("file").asText() + " " + f.path("id").asText() + " " + f.path("rule").asText() + ": "
            + f.path("message").asText())
        .toList();
  }
}
