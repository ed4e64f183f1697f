package org.tsumugi.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Rejection;

/** Searches and gets by key for every resource of {@link ReadModels}, all the same way. */
@RestController
class QueryController {
  private final JdbcTemplate jdbc;

  QueryController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/v2/{resource}/search")
  Map<String, Object> search(@PathVariable String resource, @RequestBody(required = false) JsonNode query) {
    return readModel(resource).run(jdbc, query);
  }

  @GetMapping("/v2/{resource}/{key}")
  Map<String, Object> get(@PathVariable String resource, @PathVariable String key) {
    return readModel(resource).single(jdbc, key);
  }

  private static Search readModel(String resource) {
    Search search = ReadModels.BY_PATH.getOrDefault(resource, DecisionReadModels.BY_PATH.get(resource));
    if (search == null) {
      throw Rejection.notFound("no such resource: /v2/" + resource);
    }
    return search;
  }
}
