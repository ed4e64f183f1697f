package org.tsumugi.gateway;

import java.util.Set;

/**
 * Checks the HTTP Basic credentials a gRPC call carries against the users the REST API accepts; the
 * server that embeds the gateway provides it, so both doors open for the same users and roles.
 */
public interface GatewayCallers {

  /**
   * @param username null, as the password, when the call carries no readable Basic credentials
   * @return the caller's role names (as in {@code ROBOT}, {@code PROCESS_OWNER}, {@code ADMIN})
   * @throws CallerRefused when the credentials are wrong, or the user may not use the API now
   */
  Set<String> rolesOf(String username, String password, String remoteAddress);
}
