package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With a provider configured, the login page offers it and sends the person there; roles stay here. */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:oidc;DB_CLOSE_DELAY=-1",
    "tsumugi.security.oidc.name=Hospital IdP", "tsumugi.security.oidc.client-id=tsumugi",
    "tsumugi.security.oidc.client-secret=secret", "tsumugi.security.oidc.issuer-uri=https://idp.hospital.invalid",
    "tsumugi.security.oidc.authorization-uri=https://idp.hospital.invalid/authorize",
    "tsumugi.security.oidc.token-uri=https://idp.hospital.invalid/token",
    "tsumugi.security.oidc.jwk-set-uri=https://idp.hospital.invalid/jwks"})
class OidcSpec extends SecuredServerTest {

  @Test
  void theLoginPageOffersTheProviderAndSendsThePersonToIt() {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.get("/login").body()).contains("Hospital IdP でログイン").contains("/oauth2/authorization/oidc");
    String location = browser.get("/oauth2/authorization/oidc").headers().firstValue("Location").orElse("");
    assertThat(location).startsWith("https://idp.hospital.invalid/authorize?").contains("client_id=tsumugi")
        .contains("scope=openid");
  }
}
