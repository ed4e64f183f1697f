package org.tsumugi.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An administrator manages users through the JSON API with the session's CSRF token. */
class UserAdminApiSpec extends SecuredServerTest {

  private HttpResponse<String> call(HttpBrowser browser, String method, String path, String json, String csrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Accept", "application/json");
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return browser.send(request.build());
  }

  @Test
  void createsChangesDeactivatesAndResetsUsersAndExplainsWhatItRefuses() {
    HttpBrowser admin = loggedIn(person(Role.ADMIN));
    String csrf = admin.csrf();
    String body = "{\"username\":\"clerk.api\",\"displayName\":\"受付 一郎\",\"roles\":[\"CLERK\"],\"groups\":[\"reception\"]}";

    assertThat(call(admin, "POST", "/admin/api/users", body, null).statusCode()).as("no CSRF token").isEqualTo(403);
    HttpResponse<String> created = call(admin, "POST", "/admin/api/users", body, csrf);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"oneTimePassword\":\"").contains("\"mustChangePassword\":true")
        .doesNotContain("passwordHash").doesNotContain("totpSecret");

    HttpResponse<String> taken = call(admin, "POST", "/admin/api/users", body, csrf);
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(taken.body()).contains("username: the username clerk.api is taken");
    assertThat(call(admin, "POST", "/admin/api/users", "{\"username\":\"x\",\"roles\":[\"CHIEF\"]}", csrf).body())
        .contains("roles: roles are one of");

    HttpResponse<String> changed = call(admin, "PUT", "/admin/api/users/clerk.api",
        "{\"roles\":[\"CLERK\",\"NURSE\"],\"groups\":[\"reception\",\"ward-2\"]}", csrf);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(repository.find("clerk.api").orElseThrow().roles()).containsExactlyInAnyOrder(Role.CLERK, Role.NURSE);
    assertThat(repository.find("clerk.api").orElseThrow().groups()).containsExactlyInAnyOrder("reception", "ward-2");

    assertThat(call(admin, "POST", "/admin/api/users/clerk.api/deactivate", null, csrf).statusCode()).isEqualTo(204);
    assertThat(repository.find("clerk.api").orElseThrow().active()).isFalse();
    assertThat(call(admin, "POST", "/admin/api/users/clerk.api/reset-password", null, csrf).body())
        .contains("\"oneTimePassword\"");
    HttpResponse<String> missing = call(admin, "POST", "/admin/api/users/nobody/unlock", null, csrf);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no user nobody");
  }
}
