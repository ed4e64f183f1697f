package org.tsumugi.engine.api;

import io.camunda.client.protocol.rest.ClockPinRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;

/**
 * Pins the engine clock, so that tests and demonstrations can let timers come due without waiting. Off unless
 * {@code tsumugi.engine.clock-control=true}: on a hospital's server, moving time would fire every timer at once.
 */
@RestController
class ClockController {
  private final CommandProcessor engine;
  private final boolean enabled;

  ClockController(CommandProcessor engine, @Value("${tsumugi.engine.clock-control:false}") boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  @PutMapping("/v2/clock")
  ResponseEntity<Void> pin(@RequestBody ClockPinRequest request) {
    checkEnabled();
    if (request.getTimestamp() == null || request.getTimestamp() < 0) {
      throw Rejection.invalidArgument("timestamp must be given as non-negative epoch milliseconds");
    }
    return JobController.noContent(engine.submit(new Command.PinClock(request.getTimestamp())));
  }

  @PostMapping("/v2/clock/reset")
  ResponseEntity<Void> reset() {
    checkEnabled();
    return JobController.noContent(engine.submit(new Command.PinClock(-1)));
  }

  private void checkEnabled() {
    if (!enabled) {
      throw Rejection.forbidden("the engine clock cannot be moved: clock control is off"
          + " (set tsumugi.engine.clock-control=true, for tests and demonstrations only)");
    }
  }
}
