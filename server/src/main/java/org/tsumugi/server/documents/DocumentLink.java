package org.tsumugi.server.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document a task or instance refers to: a variable holding the document store's reference
 * ({@code {id, name, contentType, sha256}}, see workers/document), found by its shape. Only what
 * the variables name may be opened from a page, so a reference is also the permission to see it.
 */
public record DocumentLink(String variable, String id, String name, String contentType) {

  public boolean pdf() {
    return "application/pdf".equals(contentType);
  }

  public boolean image() {
    return contentType != null && contentType.startsWith("image/");
  }

  /** Top-level variables and lists of references; other values are not searched. */
  public static List<DocumentLink> in(Map<String, ?> variables) {
    List<DocumentLink> found = new ArrayList<>();
    variables.forEach((name, value) -> {
      if (value instanceof List<?> list) {
        list.forEach(item -> of(name, item, found));
      } else {
        of(name, value, found);
      }
    });
    return found;
  }

  private static void of(String variable, Object value, List<DocumentLink> found) {
    if (value instanceof Map<?, ?> map && map.get("id") instanceof String id && map.containsKey("sha256")
        && map.get("contentType") instanceof String type) {
      Object name = map.get("name");
      found.add(new DocumentLink(variable, id, name == null ? id : name.toString(), type));
    }
  }
}
