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
 * schema), and every job type a Tsumugi worker serves has one, so process owners pick tasks instead of
 * typing job types.
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
