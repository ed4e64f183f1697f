package org.tsumugi.engine.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Reads a .form resource: Camunda Forms JSON (the form-js schema) with an id and a components
 * array. The engine does not render forms; it checks that the file is one and keeps it as written.
 */
public final class FormReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormReader() {}

  /**
   * @return the form's id, which user tasks link to with {@code zeebe:formDefinition formId}
   * @throws IllegalArgumentException naming the resource and what is wrong with it
   */
  public static String formId(String resourceName, byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(new String(content, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw invalid(resourceName, "it is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (form == null || !form.isObject()) {
      throw invalid(resourceName, "it must be a JSON object");
    }
    JsonNode id = form.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw invalid(resourceName, "it has no \"id\", which user tasks link to by formId");
    }
    JsonNode components = form.get("components");
    if (components == null || !components.isArray()) {
      throw invalid(resourceName, "it has no \"components\" array");
    }
    return id.asText();
  }

  private static IllegalArgumentException invalid(String resourceName, String problem) {
    return new IllegalArgumentException("'" + resourceName + "' is not a valid Camunda form: " + problem);
  }
}
