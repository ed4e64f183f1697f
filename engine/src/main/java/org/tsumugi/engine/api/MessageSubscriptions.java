package org.tsumugi.engine.api;

import static org.tsumugi.engine.api.DeploymentController.TENANT;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read model of POST /v2/message-subscriptions/search: the message subscriptions process instances hold open
 * (catch events, receive tasks, boundary events, event subprocess starts). Process start events are not listed, as
 * in Camunda 8; a subscription leaves the list when it closes.
 */
final class MessageSubscriptions {
  static final Search SEARCH = new Search("message subscription", "messageSubscriptionKey", "*",
      "(SELECT * FROM event_subscription WHERE event_trigger = 'MESSAGE' AND state = 'OPEN'"
          + " AND owner_key IS NOT NULL) s",
      Map.ofEntries(
          Map.entry("messageSubscriptionKey", new Search.Field("subscription_key", Search.Type.KEY)),
          Map.entry("processDefinitionId", new Search.Field("bpmn_process_id", Search.Type.STRING)),
          Map.entry("processDefinitionKey", new Search.Field("definition_key", Search.Type.KEY)),
          Map.entry("processInstanceKey", new Search.Field("process_instance_key", Search.Type.KEY)),
          Map.entry("elementId", new Search.Field("catch_element_id", Search.Type.STRING)),
          Map.entry("elementInstanceKey", new Search.Field("owner_key", Search.Type.KEY)),
          Map.entry("messageSubscriptionState", new Search.Field("'CREATED'", Search.Type.STRING)),
          Map.entry("lastUpdatedDate", new Search.Field("creation_time", Search.Type.DATE)),
          Map.entry("messageName", new Search.Field("event_name", Search.Type.STRING)),
          Map.entry("correlationKey", new Search.Field("correlation_key", Search.Type.STRING))),
      rs -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("messageSubscriptionKey", Search.key(rs, "subscription_key"));
        item.put("processDefinitionId", rs.getString("bpmn_process_id"));
        item.put("processDefinitionKey", Search.key(rs, "definition_key"));
        item.put("processInstanceKey", Search.key(rs, "process_instance_key"));
        item.put("elementId", rs.getString("catch_element_id"));
        item.put("elementInstanceKey", Search.key(rs, "owner_key"));
        item.put("messageSubscriptionState", "CREATED");
        item.put("lastUpdatedDate", Search.date(rs.getLong("creation_time")));
        item.put("messageName", rs.getString("event_name"));
        item.put("correlationKey", rs.getString("correlation_key"));
        item.put("tenantId", TENANT);
        return item;
      });

  private MessageSubscriptions() {}
}
