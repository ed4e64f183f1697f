package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.engine.processing.Rejection;

/** Fetching one item by key through the same search that lists them. */
final class Searches {
  private Searches() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> single(Search search, JdbcTemplate jdbc, String keyField, long key, String what) {
    ObjectNode query = JsonNodeFactory.instance.objectNode();
    query.putObject("filter").put(keyField, Long.toString(key));
    List<Map<String, Object>> items = (List<Map<String, Object>>) search.run(jdbc, query).get("items");
    if (items.isEmpty()) {
      throw Rejection.notFound("no " + what + " found with key " + key);
    }
    return items.get(0);
  }
}
