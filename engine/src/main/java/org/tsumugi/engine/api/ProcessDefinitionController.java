package org.tsumugi.engine.api;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Rejection;

@RestController
class ProcessDefinitionController {
  private final JdbcTemplate jdbc;

  ProcessDefinitionController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/v2/process-definitions/{key}/xml")
  ResponseEntity<String> xml(@PathVariable String key) {
    long definitionKey = Keys.parse(key, "processDefinitionKey");
    List<String> xml = jdbc.queryForList("SELECT resource FROM process_definition WHERE definition_key = ?",
        String.class, definitionKey);
    if (xml.isEmpty()) {
      throw Rejection.notFound("no process definition found with key " + definitionKey);
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml.get(0));
  }
}
