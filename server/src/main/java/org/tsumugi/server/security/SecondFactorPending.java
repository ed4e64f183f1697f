package org.tsumugi.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The password was right but the authenticator code is still to come: no role, so no page but the
 * second-factor pages lets this session in.
 */
final class SecondFactorPending extends AbstractAuthenticationToken {
  static final String AUTHORITY = "SECOND_FACTOR_PENDING";
  private final String username;

  SecondFactorPending(String username) {
    super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
    this.username = username;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return username;
  }

  @Override
  public String getName() {
    return username;
  }
}
