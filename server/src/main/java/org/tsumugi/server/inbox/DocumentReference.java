package org.tsumugi.server.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document a task refers to: a variable holding the document store's reference
 * ({@code {id, name, contentType, sha256}}, see workers/document), found by its shape.
 */
public record DocumentReference(String variable, String id, String name, String contentType) {

  public boolean pdf() {
    return "application/pdf".equals(contentType);
  }

  public boolean image() {
    return contentType != null && contentType.startsWith("image/");
  }

  /** Top-level variables and lists of references; other values are not searched. */
  static List<DocumentReference> in(Map<String, Object> variables) {
    List<DocumentReference> found = new ArrayList<>();
    variables.forEach((name, value) -> {
      if (value instanceof List<?> list) {
        list.forEach(item -> of(name, item, found));
      } else {
        of(name, value, found);
      }
    });
    return found;
  }

  private static void of(String variable, Object value, List<DocumentReference> found) {
    if (value instanceof Map<?, ?> map && map.get("id") instanceof String id && map.containsKey("sha256")
        && map.get("contentType") instanceof String type) {
      Object name = map.get("name");
      found.add(new DocumentReference(variable, id, name == null ? id : name.toString(), type));
    }
  }
}
