package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tsumugi.engine.processing.Command;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.Rejection;
import org.tsumugi.engine.processing.Results.CorrelatedMessage;

@RestController
@RequestMapping("/v2/messages")
class MessageController {
  private final CommandProcessor engine;
  private final EventPayloads payloads;

  MessageController(CommandProcessor engine, EventPayloads payloads) {
    this.engine = engine;
    this.payloads = payloads;
  }

  @PostMapping("/publication")
  MessagePublicationResult publish(@RequestBody MessagePublicationRequest request) {
    payloads.checkName(request.getName(), "name");
    payloads.checkText(request.getCorrelationKey(), "correlationKey");
    payloads.checkText(request.getMessageId(), "messageId");
    payloads.checkVariables(request.getVariables(), "message");
    long timeToLive = request.getTimeToLive() == null ? 0 : request.getTimeToLive();
    if (timeToLive < 0) {
      throw Rejection.invalidArgument("timeToLive must not be negative, but was " + timeToLive);
    }
    long key = (Long) engine.submit(new Command.PublishMessage(request.getName(), request.getCorrelationKey(),
        timeToLive, request.getMessageId(), request.getVariables())).join();
    return new MessagePublicationResult().messageKey(Keys.format(key)).tenantId(TENANT);
  }

  @PostMapping("/correlation")
  MessageCorrelationResult correlate(@RequestBody MessageCorrelationRequest request) {
    payloads.checkName(request.getName(), "name");
    payloads.checkText(request.getCorrelationKey(), "correlationKey");
    payloads.checkVariables(request.getVariables(), "message");
    CorrelatedMessage correlated = (CorrelatedMessage) engine.submit(new Command.CorrelateMessage(request.getName(),
        request.getCorrelationKey(), request.getVariables())).join();
    return new MessageCorrelationResult().messageKey(Keys.format(correlated.messageKey()))
        .processInstanceKey(Keys.format(correlated.processInstanceKey())).tenantId(TENANT);
  }
}
