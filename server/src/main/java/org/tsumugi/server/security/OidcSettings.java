package org.tsumugi.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * tsumugi.security.oidc.*: an optional single sign-on through the hospital's OpenID Connect provider.
 * Off unless client-id is set. Roles stay in Tsumugi: the provider only says who the person is.
 *
 * @param name the provider's name on the login button
 * @param issuerUri the provider's issuer; its discovery document gives the endpoints
 * @param authorizationUri with tokenUri and jwkSetUri: the endpoints, for a provider without discovery
 * @param usernameClaim the claim matched to a Tsumugi username; the email claim is tried next
 */
@ConfigurationProperties("tsumugi.security.oidc")
public record OidcSettings(String name, String clientId, String clientSecret, String issuerUri,
    String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri, String usernameClaim) {

  public OidcSettings {
    name = name == null || name.isBlank() ? "OpenID Connect" : name;
    usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
  }
}
