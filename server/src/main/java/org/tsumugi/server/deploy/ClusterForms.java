package org.tsumugi.server.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The forms this server deployed to the cluster in remote mode, latest version each, with the schema it sent:
 * the Camunda 8 REST API lists forms but gives no schema by form id, so what the server itself deployed is
 * what its own pages (the 問診 patient page) can render.
 */
@Component
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "remote")
public class ClusterForms {

  /** One form as the cluster took it: the key it went live under and the schema sent. */
  public record Form(long key, String schema) {}

  private final Map<String, Form> latest = new ConcurrentHashMap<>();

  /** Empty until this server's start-up deployment put the form on the cluster. */
  public Optional<Form> latest(String formId) {
    return Optional.ofNullable(latest.get(formId));
  }

  void deployed(String formId, long key, String schema) {
    latest.put(formId, new Form(key, schema));
  }
}
