package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.browser.vault.VaultKey;
import org.tsumugi.server.audit.AuditEntry;
import org.tsumugi.server.audit.AuditLog;
import org.tsumugi.server.audit.AuditQuery;

/** A database copy alone does not give anyone's second factor; upgrades and key mistakes do not lock people out silently. */
class TotpSecretAtRestSpec extends SecuredServerTest {
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  AuditLog audit;
  @Autowired
  SecuritySettings settings;

  @Test
  void anEnrolledSecretIsStoredEncryptedAndItsCodesLogIn() {
    String name = "enrolling" + System.nanoTime();
    users.create(Actor.system(), name, null, null, PASSWORD, EnumSet.of(Role.NURSE), Set.of());
    repository.clearMustChangePassword(name);
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(HttpBrowser.location(browser.submit("/login", "/login", Map.of("username", name, "password", PASSWORD))))
        .isEqualTo("/login/totp/setup");
    Matcher shown = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(browser.get("/login/totp/setup").body());
    assertThat(shown.find()).isTrue();
    String secret = shown.group(1).replace(" ", "");
    assertThat(HttpBrowser.location(browser.submit("/login/totp/setup", "/login/totp/setup",
        Map.of("code", Totp.code(secret, Totp.step(Instant.now())))))).isEqualTo("/");

    String row = storedSecret(name);
    assertThat(row).startsWith("v1:").doesNotContain(secret);
    loggedIn(name); // the next code of the app opens the encrypted row
  }

  @Test
  void aClearTextSecretFromBeforeTheUpgradeIsEncryptedAtStartAndStillLogsIn() {
    String name = person(Role.CLERK);
    String clear = Totp.newSecret();
    repository.setTotp(name, clear, 0); // as version 60 stored it

    assertThat(TotpSecretUpgrade.run(repository, totpSecrets)).isGreaterThanOrEqualTo(1);
    String sealed = storedSecret(name);
    assertThat(sealed).startsWith("v1:").doesNotContain(clear);
    assertThat(TotpSecretUpgrade.run(repository, totpSecrets)).as("once").isZero();
    assertThat(storedSecret(name)).isEqualTo(sealed);

    HttpBrowser browser = new HttpBrowser(port);
    browser.submit("/login", "/login", Map.of("username", name, "password", PASSWORD));
    HttpResponse<String> code = browser.submit("/login/totp", "/login/totp",
        Map.of("code", Totp.code(clear, Totp.step(Instant.now()))));
    assertThat(HttpBrowser.location(code)).as("the app enrolled before the upgrade").isEqualTo("/");
  }

  @Test
  void aSecretCopiedIntoAnotherUsersRowDoesNotVerify() {
    String owner = person(Role.NURSE);
    String other = person(Role.NURSE);
    String ownersCode = nextCode(owner);
    jdbc.update("update tsumugi_user set totp_secret = ? where username = ?", storedSecret(owner), other);

    HttpResponse<String> answer = secondStep(other, ownersCode);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("サーバーの鍵で二要素認証の設定を読み出せません");
    assertThat(audit.search(new AuditQuery(other, "LOGIN_FAILED", null, null, null, 10)))
        .extracting(AuditEntry::target).contains("totp-key");
    assertThat(audit.search(new AuditQuery(other, "LOGIN", null, null, null, 10))).isEmpty();
  }

  @Test
  void aSecretSealedWithAnotherKeyGivesAClearMessageAndDoesNotLockTheAccount() {
    String name = person(Role.DOCTOR);
    String secret = Totp.newSecret();
    repository.setTotp(name, new TotpSecrets(VaultKey.generate()).seal(name, secret), 0);

    for (int i = 0; i < settings.maxFailures() + 1; i++) {
      HttpResponse<String> answer = secondStep(name, Totp.code(secret, Totp.step(Instant.now())));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("システム管理者に連絡してください");
    }
    assertThat(repository.find(name).orElseThrow().lockedAt(Instant.now())).as("not the person's fault").isFalse();
  }

  private HttpResponse<String> secondStep(String username, String code) {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(HttpBrowser.location(browser.submit("/login", "/login",
        Map.of("username", username, "password", PASSWORD)))).isEqualTo("/login/totp");
    return browser.submit("/login/totp", "/login/totp", Map.of("code", code));
  }

  private String storedSecret(String username) {
    return jdbc.queryForObject("select totp_secret from tsumugi_user where username = ?", String.class, username);
  }
}
