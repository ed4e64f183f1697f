package org.tsumugi.browser.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Modeler element template and the worker must agree on the job type and header names. */
class ElementTemplateTest {

  @Test
  void setsTheJobTypeAndTheHeadersTheWorkerReads() throws Exception {
    JsonNode template = new ObjectMapper().readTree(Files.readString(
        Path.of("../../element-templates/tsumugi-browser-run.json"), StandardCharsets.UTF_8));
    Map<String, JsonNode> headers = new HashMap<>();
    String type = null;
    for (JsonNode p : template.get("properties")) {
      JsonNode b = p.get("binding");
      if ("zeebe:taskHeader".equals(b.get("type").asText())) {
        headers.put(b.get("key").asText(), p);
      } else if ("zeebe:taskDefinition".equals(b.get("type").asText()) && "type".equals(b.get("property").asText())) {
        type = p.get("value").asText();
      }
    }

    assertThat(type).isEqualTo(BrowserRunWorker.TYPE);
    assertThat(headers).containsOnlyKeys(BrowserRunWorker.HEADER_SCENARIO, BrowserRunWorker.HEADER_BACKOFF,
        BrowserRunWorker.HEADER_EXTENSION);
    assertThat(headers.get(BrowserRunWorker.HEADER_BACKOFF).get("value").asText())
        .isEqualTo(BrowserRunWorker.DEFAULT_BACKOFF.toString());
    assertThat(headers.get(BrowserRunWorker.HEADER_EXTENSION).get("value").asText())
        .isEqualTo(BrowserRunWorker.DEFAULT_EXTENSION.toString());
  }
}
