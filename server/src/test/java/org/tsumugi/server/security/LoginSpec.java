package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.tsumugi.server.audit.AuditEntry;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;

/** A person logs in with password and authenticator code; failures lock, sessions end, forgeries fail. */
class LoginSpec extends SecuredServerTest {
  @Autowired
  AuditLog audit;
  @Autowired
  ServletWebServerApplicationContext server;

  @Test
  void passwordAndAuthenticatorCodeLogAPersonInAndBothAreAudited() {
    String nurse = person(Role.NURSE);
    HttpBrowser browser = new HttpBrowser(port);
    HttpResponse<String> password = browser.submit("/login", "/login", Map.of("username", nurse, "password", PASSWORD));
    assertThat(HttpBrowser.location(password)).isEqualTo("/login/totp");
    assertThat(HttpBrowser.location(browser.get("/"))).as("no page before the second factor").isEqualTo("/login/totp");

    HttpResponse<String> wrong = browser.submit("/login/totp", "/login/totp", Map.of("code", "000000"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("コードが正しくありません");
    String code = nextCode(nurse);
    HttpResponse<String> right = browser.submit("/login/totp", "/login/totp", Map.of("code", code));
    assertThat(HttpBrowser.location(right)).isEqualTo("/");
    assertThat(browser.get("/account").body()).contains(nurse).contains("NURSE").contains("nurses");

    HttpBrowser replay = new HttpBrowser(port);
    replay.submit("/login", "/login", Map.of("username", nurse, "password", PASSWORD));
    assertThat(replay.submit("/login/totp", "/login/totp", Map.of("code", code)).body())
        .as("a code is accepted once only").contains("コードが正しくありません");

    assertThat(audit.search(new AuditQuery(nurse, null, null, null, null, 10)))
        .extracting(AuditEntry::action).contains("LOGIN", "LOGIN_FAILED");
    assertThat(audit.search(new AuditQuery(nurse, "LOGIN", null, null, null, 10)))
        .allSatisfy(e -> assertThat(e.remoteAddress()).isNotBlank());
  }

  @Test
  void repeatedFailuresLockTheAccountUntilAnAdministratorUnlocksIt() {
    String clerk = person(Role.CLERK);
    HttpBrowser browser = new HttpBrowser(port);
    for (int i = 0; i < 5; i++) {
      assertThat(HttpBrowser.location(browser.submit("/login", "/login",
          Map.of("username", clerk, "password", "wrong-password-" + i)))).isEqualTo("/login?error");
    }
    HttpResponse<String> locked = browser.submit("/login", "/login", Map.of("username", clerk, "password", PASSWORD));
    assertThat(HttpBrowser.location(locked)).as("even the right password").isEqualTo("/login?locked");
    assertThat(browser.get("/login?locked").body()).contains("ロック");

    HttpBrowser admin = loggedIn(person(Role.ADMIN));
    assertThat(admin.submit("/admin/users/" + clerk, "/admin/users/" + clerk + "/unlock", Map.of()).statusCode())
        .isEqualTo(302);
    loggedIn(clerk);
    assertThat(audit.search(new AuditQuery(null, "USER_UNLOCKED", clerk, null, null, 10))).hasSize(1);
  }

  @Test
  void aUserDeactivatedMidSessionIsRefusedAtTheNextRequest() {
    String doctor = person(Role.DOCTOR);
    HttpBrowser browser = loggedIn(doctor);
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);

    HttpBrowser admin = loggedIn(person(Role.ADMIN));
    admin.submit("/admin/users/" + doctor, "/admin/users/" + doctor + "/deactivate", Map.of());
    assertThat(repository.find(doctor).orElseThrow().active()).isFalse();

    assertThat(HttpBrowser.location(browser.get("/"))).isEqualTo("/login?ended");
    assertThat(HttpBrowser.location(browser.get("/"))).as("the session is gone").isEqualTo("/login");
    assertThat(HttpBrowser.location(new HttpBrowser(port).submit("/login", "/login",
        Map.of("username", doctor, "password", PASSWORD)))).isEqualTo("/login?error");
  }

  @Test
  void aFormPostedWithAForgedOrMissingCsrfTokenIsRefused() {
    String clerk = person(Role.CLERK);
    HttpBrowser browser = loggedIn(clerk);
    Map<String, String> change = Map.of("current", PASSWORD, "password", "another-long-password-2",
        "confirmation", "another-long-password-2");
    assertThat(browser.post("/account/password", change).statusCode()).isEqualTo(403);
    java.util.HashMap<String, String> forged = new java.util.HashMap<>(change);
    forged.put("_csrf", "forged-token-from-another-site");
    assertThat(browser.post("/account/password", forged).statusCode()).isEqualTo(403);
    assertThat(browser.post("/logout", Map.of()).statusCode()).as("logout too needs the token").isEqualTo(403);
    assertThat(new HttpBrowser(port).post("/login", Map.of("username", clerk, "password", PASSWORD)).statusCode())
        .as("and the login form").isEqualTo(403);

    assertThat(HttpBrowser.location(browser.submit("/account/password", "/account/password", change)))
        .isEqualTo("/?passwordChanged");
  }

  @Test
  void aShortOrRepeatedPasswordIsRefusedInThePersonsLanguage() {
    HttpBrowser browser = loggedIn(person(Role.CLERK));
    Map<String, String> tooShort = Map.of("current", PASSWORD, "password", "short1", "confirmation", "short1");
    assertThat(browser.submit("/account/password", "/account/password", tooShort).body())
        .contains("パスワードは 13 文字以上にしてください");
    browser.get("/?lang=en");
    assertThat(browser.submit("/account/password", "/account/password",
        Map.of("current", PASSWORD, "password", PASSWORD, "confirmation", PASSWORD)).body())
        .contains("The new password must differ from the current one.");
  }

  @Test
  void anIdleSessionEndsAfterThirtyMinutesAndItsEndIsAudited() throws Exception {
    Context tomcat = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
    assertThat(tomcat.getSessionTimeout()).as("minutes").isEqualTo(30);

    String nurse = person(Role.NURSE);
    HttpBrowser browser = loggedIn(nurse);
    // what the container does when the idle time has passed
    tomcat.getManager().findSession(browser.sessionId()).expire();
    assertThat(HttpBrowser.location(browser.get("/"))).isEqualTo("/login");
    assertThat(audit.search(new AuditQuery(nurse, "SESSION_ENDED", "timeout", null, null, 10))).hasSize(1);
  }

  @Test
  void logoutEndsTheSessionAndIsAudited() {
    String nurse = person(Role.NURSE);
    HttpBrowser browser = loggedIn(nurse);
    assertThat(HttpBrowser.location(browser.submit("/account", "/logout", Map.of()))).isEqualTo("/login?logout");
    assertThat(HttpBrowser.location(browser.get("/"))).isEqualTo("/login");
    assertThat(audit.search(new AuditQuery(nurse, "LOGOUT", null, null, null, 10))).hasSize(1);
  }

  @Test
  void pagesAreJapaneseByDefaultAndEnglishOnRequest() {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.get("/login").body()).contains("ログイン").contains("lang=\"ja\"");
    assertThat(browser.get("/login", "Accept-Language", "en-US,en;q=0.9").body()).contains("Log in")
        .contains("lang=\"en\"");
    assertThat(browser.get("/login?lang=en").body()).contains("Username");
    assertThat(browser.get("/login").body()).as("remembered for the session").contains("Username");
  }

  @Test
  void anAdministratorSearchesAndVerifiesTheAuditLogAndNoOneElseMay() {
    String nurse = person(Role.NURSE);
    loggedIn(nurse);
    HttpBrowser admin = loggedIn(person(Role.ADMIN));
    assertThat(admin.get("/admin/api/audit?action=LOGIN&actor=" + nurse).body()).contains("\"actor\":\"" + nurse + "\"")
        .contains("\"hash\":");
    assertThat(admin.get("/admin/api/audit/verify").body()).contains("\"intact\":true");
    assertThat(admin.get("/admin/audit?verify=true&actor=" + nurse).body()).contains("chain-intact").contains("LOGIN");
    assertThat(admin.get("/admin/api/audit?from=yesterday").statusCode()).isEqualTo(400);
    assertThat(loggedIn(nurse).get("/admin/api/audit/verify").statusCode()).isEqualTo(403);
  }

  @Test
  void openIdConnectIsOffUnlessConfigured() {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.get("/login").body()).doesNotContain("oauth2");
    assertThat(HttpBrowser.location(browser.get("/oauth2/authorization/oidc"))).isEqualTo("/login");
  }
}
