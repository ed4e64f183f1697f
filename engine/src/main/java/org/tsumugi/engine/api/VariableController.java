package org.tsumugi.engine.api;

import io.camunda.client.protocol.rest.SetVariableRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

@RestController
class VariableController {
  private final CommandProcessor engine;

  VariableController(CommandProcessor engine) {
    this.engine = engine;
  }

  @PutMapping("/v2/element-instances/{key}/variables")
  ResponseEntity<Void> set(@PathVariable String key, @RequestBody SetVariableRequest request) {
    if (request.getVariables() == null) {
      throw Rejection.invalidArgument("variables must be a JSON object");
    }
    return JobController.noContent(engine.submit(new Command.SetVariables(Keys.parse(key, "elementInstanceKey"),
        request.getVariables(), Boolean.TRUE.equals(request.getLocal()))));
  }
}
