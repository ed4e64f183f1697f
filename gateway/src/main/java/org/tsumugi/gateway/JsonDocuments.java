package org.tsumugi.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.tsumugi.engine.processing.Rejection;

/** Variables and headers travel in gRPC as JSON documents in strings; the engine takes and gives maps. */
final class JsonDocuments {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private final ObjectMapper json;

  JsonDocuments(ObjectMapper json) {
    this.json = json;
  }

  /** Null for an empty string, which is how a request without variables arrives. */
  Map<String, Object> read(String document, String field) {
    if (document == null || document.isBlank()) {
      return null;
    }
    try {
      Map<String, Object> read = json.readValue(document, OBJECT);
      if (read == null) {
        throw Rejection.invalidArgument(field + " must be a JSON object");
      }
      return read;
    } catch (JsonProcessingException e) {
      // the document itself is never quoted back: it may hold patient data
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw Rejection.invalidArgument(field + " must be a JSON object, but is not" + where);
    }
  }

  String write(Map<String, ?> values) {
    try {
      return json.writeValueAsString(values == null ? Map.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("engine values are always JSON", e);
    }
  }
}
