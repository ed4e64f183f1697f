package org.tsumugi.engine.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;

@RestController
class IncidentController {
  private final CommandProcessor engine;

  IncidentController(CommandProcessor engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/incidents/{key}/resolution")
  ResponseEntity<Void> resolve(@PathVariable String key) {
    return JobController.noContent(engine.submit(new Command.ResolveIncident(Keys.parse(key, "incidentKey"))));
  }
}
