package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;

@RestController
class SignalController {
  private final CommandProcessor engine;
  private final EventPayloads payloads;

  SignalController(CommandProcessor engine, EventPayloads payloads) {
    this.engine = engine;
    this.payloads = payloads;
  }

  @PostMapping("/v2/signals/broadcast")
  SignalBroadcastResult broadcast(@RequestBody SignalBroadcastRequest request) {
    payloads.checkName(request.getSignalName(), "signalName");
    payloads.checkVariables(request.getVariables(), "signal");
    long key = (Long) engine.submit(new Command.BroadcastSignal(request.getSignalName(), request.getVariables()))
        .join();
    return new SignalBroadcastResult().signalKey(Keys.format(key)).tenantId(TENANT);
  }
}
