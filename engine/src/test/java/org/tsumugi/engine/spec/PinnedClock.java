package org.tsumugi.engine.spec;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;

/** Pins the engine clock at now and moves it forward on request, so specs wait for time without sleeping. */
final class PinnedClock {
  private final CamundaClient client;
  private Instant now = Instant.now();

  PinnedClock(CamundaClient client) {
    this.client = client;
    advance(Duration.ZERO);
  }

  void advance(Duration by) {
    now = now.plus(by);
    client.newPinClockCommand().time(now).send().join();
  }

  Instant now() {
    return now;
  }

  void reset() {
    client.newResetClockCommand().send().join();
  }
}
