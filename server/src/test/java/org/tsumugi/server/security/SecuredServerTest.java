package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tsumugi.server.TsumugiApplication;

/**
 * A running server on an in-memory database, shared by the specs that extend this class, with
 * helpers to make people and robots and to log them in as a browser would.
 */
@SpringBootTest(classes = TsumugiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:secured;DB_CLOSE_DELAY=-1",
        "tsumugi.deploy.folders=target/no-models", "tsumugi.security.initial-admin-password=" + SecuredServerTest.ADMIN_PASSWORD,
        "tsumugi.engine.grpc.enabled=true", "tsumugi.engine.grpc.port=0"})
abstract class SecuredServerTest {
  static final String ADMIN_PASSWORD = "first-admin-password-for-tests";
  static final String PASSWORD = "a-long-test-password-1";
  private static final AtomicInteger NAMES = new AtomicInteger();

  @LocalServerPort
  int port;
  @Autowired
  UserService users;
  @Autowired
  UserRepository repository;
  @Autowired
  TotpSecrets totpSecrets;

  /** A person with the roles, the password changed already and an authenticator app enrolled. */
  String person(Role... roles) {
    String name = "person" + NAMES.incrementAndGet();
    users.create(Actor.system(), name, "Test " + name, name + "@example.org", PASSWORD, EnumSet.copyOf(List.of(roles)),
        Set.of("nurses"));
    repository.clearMustChangePassword(name);
    repository.setTotp(name, totpSecrets.seal(name, Totp.newSecret()), 0);
    return name;
  }

  String robot() {
    String name = "robot" + NAMES.incrementAndGet();
    users.create(Actor.system(), name, null, null, PASSWORD, EnumSet.of(Role.ROBOT), Set.of());
    return name;
  }

  /** The next code the user's app would show that the server has not accepted yet. */
  String nextCode(String username) {
    UserAccount user = repository.find(username).orElseThrow();
    long step = Math.max(Totp.step(Instant.now()), user.totpLastStep() + 1);
    return Totp.code(totpSecrets.open(username, user.totpSecret()), step);
  }

  /** Logs in with password and, for people, the authenticator code; returns the browser on the start page. */
  HttpBrowser loggedIn(String username) {
    HttpBrowser browser = new HttpBrowser(port);
    HttpResponse<String> password = browser.submit("/login", "/login",
        Map.of("username", username, "password", PASSWORD));
    assertThat(password.statusCode()).as("password step").isEqualTo(302);
    if (HttpBrowser.location(password).equals("/login/totp")) {
      HttpResponse<String> code = browser.submit("/login/totp", "/login/totp", Map.of("code", nextCode(username)));
      assertThat(HttpBrowser.location(code)).as("second factor").isEqualTo("/");
    } else {
      assertThat(HttpBrowser.location(password)).isEqualTo("/");
    }
    return browser;
  }
}
