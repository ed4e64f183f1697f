package org.tsumugi.server.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The OIDC login, present only when tsumugi.security.oidc.client-id is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcSettings.class)
@ConditionalOnProperty(prefix = "tsumugi.security.oidc", name = "client-id")
class OidcConfiguration {
  static final String REGISTRATION = "oidc";

  @Bean
  ClientRegistrationRepository clientRegistrations(OidcSettings settings) {
    ClientRegistration.Builder builder = settings.authorizationUri() != null
        ? ClientRegistration.withRegistrationId(REGISTRATION)
            .authorizationUri(settings.authorizationUri()).tokenUri(settings.tokenUri())
            .jwkSetUri(settings.jwkSetUri()).userInfoUri(settings.userInfoUri()).issuerUri(settings.issuerUri())
            .userNameAttributeName("sub")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        : ClientRegistrations.fromIssuerLocation(settings.issuerUri()).registrationId(REGISTRATION);
    return new InMemoryClientRegistrationRepository(builder.clientId(settings.clientId())
        .clientSecret(settings.clientSecret()).scope("openid", "profile", "email").clientName(settings.name())
        .build());
  }

  @Bean
  OidcUserMatcher oidcUserMatcher(UserRepository users, OidcSettings settings) {
    return new OidcUserMatcher(users, settings);
  }
}
