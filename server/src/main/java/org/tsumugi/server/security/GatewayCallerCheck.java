package org.tsumugi.server.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.tsumugi.gateway.CallerRefused;
import org.tsumugi.gateway.GatewayCallers;

/**
 * The gRPC gateway's door opens for the same users as the /v2 HTTP Basic one: the same password check
 * (failures count towards the lock-out and are audited), the same refusal of a one-time password, and the
 * user's roles as they are now.
 */
@Component
class GatewayCallerCheck implements GatewayCallers {
  private final PasswordCheck passwords;
  private final UserRepository users;

  GatewayCallerCheck(PasswordCheck passwords, UserRepository users) {
    this.passwords = passwords;
    this.users = users;
  }

  @Override
  public Set<String> rolesOf(String username, String password, String remoteAddress) {
    if (username == null) {
      throw CallerRefused.unauthenticated(SecurityProblems.NEEDS_CREDENTIALS);
    }
    UsernamePasswordAuthenticationToken given = UsernamePasswordAuthenticationToken.unauthenticated(username,
        password);
    given.setDetails(new WebAuthenticationDetails(remoteAddress, null));
    try {
      passwords.authenticate(given);
    } catch (AuthenticationException refused) {
      throw CallerRefused.unauthenticated(SecurityProblems.NEEDS_CREDENTIALS);
    }
    UserAccount user = users.find(username).orElseThrow(() -> CallerRefused.unauthenticated(SecurityProblems.NEEDS_CREDENTIALS));
    if (user.mustChangePassword()) {
      throw CallerRefused.forbidden("the user must change the one-time password in the browser first");
    }
    return user.roles().stream().map(Role::name).collect(Collectors.toSet());
  }
}
