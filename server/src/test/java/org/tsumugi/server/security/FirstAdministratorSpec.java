package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tsumugi.server.TsumugiApplication;

/**
 * On a first start the administrator's one-time password is shown once on the console, stored only
 * as a hash, and must be replaced (after enrolling an authenticator app) before anything else.
 */
class FirstAdministratorSpec {
  private static final String[] ARGS = {"--server.port=0", "--tsumugi.deploy.folders=target/no-models",
      "--spring.datasource.url=jdbc:h2:mem:first-admin;DB_CLOSE_DELAY=-1"};

  @Test
  void theOneTimePasswordIsShownOnceAndMustBeChangedAfterEnrollingTheApp() {
    String output;
    String password;
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    ConfigurableApplicationContext server;
    try {
      server = new SpringApplicationBuilder(TsumugiApplication.class).run(ARGS);
    } finally {
      System.setOut(console);
    }
    try (server) {
      output = captured.toString(StandardCharsets.UTF_8);
      Matcher shown = Pattern.compile("one-time password:\\s+(\\S+)").matcher(output);
      assertThat(shown.find()).as("the password is on the console").isTrue();
      password = shown.group(1);
      assertThat(output.split(Pattern.quote(password), -1)).as("shown exactly once").hasSize(2);
      String stored = server.getBean(JdbcTemplate.class).queryForObject(
          "select password_hash from tsumugi_user where username = 'admin'", String.class);
      assertThat(stored).startsWith("{bcrypt}").doesNotContain(password);

      HttpBrowser browser = new HttpBrowser(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
      HttpResponse<String> login = browser.submit("/login", "/login", Map.of("username", "admin", "password", password));
      assertThat(HttpBrowser.location(login)).as("no app yet: enrol it").isEqualTo("/login/totp/setup");
      String page = browser.get("/login/totp/setup").body();
      assertThat(page).contains("<svg").contains("二要素認証");
      Matcher secret = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
      assertThat(secret.find()).isTrue();
      String code = Totp.code(secret.group(1).replace(" ", ""), Totp.step(java.time.Instant.now()));
      assertThat(HttpBrowser.location(browser.submit("/login/totp/setup", "/login/totp/setup", Map.of("code", code))))
          .isEqualTo("/");
      assertThat(HttpBrowser.location(browser.get("/admin/users"))).as("the password first").isEqualTo("/account/password");

      String replacement = "a-new-admin-password-42";
      assertThat(HttpBrowser.location(browser.submit("/account/password", "/account/password",
          Map.of("current", password, "password", replacement, "confirmation", replacement))))
          .isEqualTo("/?passwordChanged");
      assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
    }

    captured.reset();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (ConfigurableApplicationContext again = new SpringApplicationBuilder(TsumugiApplication.class).run(ARGS)) {
      assertThat(captured.toString(StandardCharsets.UTF_8)).as("not on a later start").doesNotContain("one-time password");
    } finally {
      System.setOut(console);
    }
  }
}
