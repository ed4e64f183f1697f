package org.tsumugi.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every element template loads in Camunda Modeler (valid against the Zeebe element-templates JSON
 * schema), every job type a Tsumugi worker serves has one, so process owners pick tasks instead of
 * typing job types, and the models in bpmn/ use them as Modeler would have applied them.
 */
class ElementTemplatesSpec {

  /** How a worker names its job type: {@code @JobWorker(type = "...")} or a {@code TYPE} constant. */
  private static final Pattern JOB_TYPE =
      Pattern.compile("(?:@JobWorker\\(\\s*type|\\bJOB_TYPE|\\bTYPE)\\s*=\\s*\"(tsumugi\\.[^\"]+)\"");

  @Test
  void everyTemplateIsValidAgainstTheSchema() throws IOException {
    JsonNode report = validate(NodeScript.filesIn("element-templates", ".json"));

    assertThat(report.path("schemaVersion").asText()).isNotBlank();
    assertThat(errors(report)).as("element templates that Modeler would refuse (file template path: message)")
        .isEmpty();
  }

  @Test
  void namesFileAndPlaceOfAnInvalidTemplate(@TempDir Path dir) throws IOException {
    Path template = Files.writeString(dir.resolve("broken.json"), """
        {"name": "Broken", "id": "org.tsumugi.broken", "appliesTo": ["bpmn:Task"],
         "properties": [{"type": "Hidden", "value": "tsumugi.broken",
                         "binding": {"type": "zeebe:taskDefinition"}}]}
        """);

    assertThat(errors(validate(List.of(template))))
        .anyMatch(e -> e.startsWith("broken.json org.tsumugi.broken /properties/0/binding: ")
            && e.contains("property"));
  }

  @Test
  void everyWorkersJobTypeHasATemplate() throws IOException {
    JsonNode report = validate(NodeScript.filesIn("element-templates", ".json"));
    Set<String> templated = new TreeSet<>();
    report.path("results").forEach(r -> r.path("jobTypes").forEach(t -> templated.add(t.asText())));

    Set<String> served = jobTypesServedByWorkers();

    assertThat(served).as("job types the workers serve").isNotEmpty();
    assertThat(templated).as("job types with an element template").containsAll(served);
  }

  @Test
  void everyTsumugiTaskInTheModelsUsesATemplateThatDescribesIt() throws IOException {
    TemplateUsage usage = new TemplateUsage(NodeScript.filesIn("element-templates", ".json"));
    List<String> problems = new java.util.ArrayList<>();
    for (Path model : NodeScript.filesIn("bpmn", ".bpmn")) {
      problems.addAll(usage.problems(model));
    }

    assertThat(problems).as("tasks whose template is missing or does not match (file task (type): problem)")
        .isEmpty();
  }

  @Test
  void namesTheTaskWhoseTemplateDoesNotMatch(@TempDir Path dir) throws IOException {
    Path model = Files.writeString(dir.resolve("mismatch.bpmn"), """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:serviceTask id="untemplated"><bpmn:extensionElements>
              <zeebe:taskDefinition type="tsumugi.referral.draft" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="wrongType" zeebe:modelerTemplate="org.tsumugi.referral.draft"
                zeebe:modelerTemplateVersion="1"><bpmn:extensionElements>
              <zeebe:taskDefinition type="tsumugi.referral.finalize" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="unknownVersion" zeebe:modelerTemplate="org.tsumugi.referral.draft"
                zeebe:modelerTemplateVersion="99"><bpmn:extensionElements>
              <zeebe:taskDefinition type="tsumugi.referral.draft" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="badChoice" zeebe:modelerTemplate="org.tsumugi.referral.notify"
                zeebe:modelerTemplateVersion="1"><bpmn:extensionElements>
              <zeebe:taskDefinition type="tsumugi.referral.notify" />
              <zeebe:taskHeaders><zeebe:header key="notice" value="LOST" /><zeebe:header key="colour" value="red" />
              </zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="plain"><bpmn:extensionElements>
              <zeebe:taskDefinition type="someone-elses.work" /></bpmn:extensionElements></bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>
        """);

    List<String> problems = new TemplateUsage(NodeScript.filesIn("element-templates", ".json")).problems(model);

    assertThat(problems).containsExactlyInAnyOrder(
        "mismatch.bpmn untemplated (tsumugi.referral.draft): uses no element template",
        "mismatch.bpmn wrongType (tsumugi.referral.finalize): type is tsumugi.referral.finalize, the template fixes it"
            + " to tsumugi.referral.draft",
        "mismatch.bpmn unknownVersion (tsumugi.referral.draft): uses template org.tsumugi.referral.draft version 99,"
            + " which element-templates/ lacks",
        "mismatch.bpmn badChoice (tsumugi.referral.notify): header notice is LOST, not one of the template's choices"
            + " [COMPLETED, PATIENT_NOT_FOUND, REJECTED]",
        "mismatch.bpmn badChoice (tsumugi.referral.notify): header colour is not in the template, so Modeler does"
            + " not show it");
  }

  private static Set<String> jobTypesServedByWorkers() throws IOException {
    Set<String> types = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(NodeScript.REPOSITORY.resolve("workers"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
          .toList()) {
        Matcher m = JOB_TYPE.matcher(Files.readString(source));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    }
    return types;
  }

  private static JsonNode validate(List<Path> templates) {
    return NodeScript.run("validate-templates.mjs", templates);
  }

  private static List<String> errors(JsonNode report) {
    return StreamSupport.stream(report.path("results").spliterator(), false)
        .flatMap(r -> StreamSupport.stream(r.path("errors").spliterator(), false)
            .map(e -> r.path("file").asText() + " " + r.path("id").asText() + " " + e.path("path").asText() + ": "
                + e.path("message").asText()))
        .toList();
  }
}
