package org.tsumugi.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tsumugi.engine.processing.Rejection;

/**
 * Checks what messages and signals carry before the engine takes them. Buffered messages stay in memory and in the
 * database until they expire, so their variables get a tighter bound than a request as a whole.
 */
@Component
public class EventPayloads {
  /** The columns that hold names and keys. */
  private static final int MAX_TEXT = 1024;

  private final long maxBytes;
  private final ObjectMapper json;

  EventPayloads(@Value("${tsumugi.engine.max-message-bytes:1048576}") long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  public void checkName(String name, String field) {
    if (name == null || name.isBlank()) {
      throw Rejection.invalidArgument(field + " must not be empty");
    }
    checkText(name, field);
  }

  public void checkText(String text, String field) {
    if (text != null && text.length() > MAX_TEXT) {
      throw Rejection.invalidArgument(field + " has " + text.length() + " characters; at most " + MAX_TEXT
          + " are accepted");
    }
  }

  public void checkVariables(Map<String, Object> variables, String what) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    long size;
    try {
      size = json.writeValueAsBytes(variables).length;
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument("the " + what + "'s variables cannot be read as JSON");
    }
    if (size > maxBytes) {
      throw Rejection.tooLarge("the " + what + "'s variables have " + size + " bytes of JSON; at most " + maxBytes
          + " are accepted (tsumugi.engine.max-message-bytes)");
    }
  }
}
