package org.tsumugi.server.monshin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tsumugi.server.TsumugiApplication;
import org.tsumugi.server.web.WebSpec;

/**
 * What a phone (or a script pretending to be one) gets from the patient page over HTTP: a forged post
 * without the page's CSRF token, a body far larger than any questionnaire, missing answers the form
 * would have caught, a double submit and a flood from one address. Each is answered clearly in Japanese
 * and none starts an intake it should not.
 */
@SpringBootTest(classes = TsumugiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:monshin-http;DB_CLOSE_DELAY=-1", "tsumugi.deploy.folders=",
        "server.address=127.0.0.1", "tsumugi.security.require-totp=false", "tsumugi.robots.document.enabled=false",
        "tsumugi.robots.browser.enabled=false", "tsumugi.robots.claims.enabled=false",
        "tsumugi.robots.monshin.enabled=false", "tsumugi.monshin.page.per-address=4"})
class PatientPageHttpSpec extends WebSpec {
  private static final Map<String, Object> ANSWERS = Map.of("patientName", "佐藤 花子", "patientKana", "サトウ ハナコ",
      "birthDate", "1980/1/2", "sex", "female", "phone", "03-1234-5678", "visitType", "first",
      "chiefComplaint", "咳が続く", "onset", "1週間以内");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  @Autowired
  MonshinLinks links;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void refusalsAreClearAndADoubleSubmitOrAFloodStartsOneIntake() throws Exception {
    MonshinIntakeDeployment.deploy(client);
    long now = System.currentTimeMillis();
    String page = "/monshin/" + links.issue(MonshinLink.Kind.CLINIC, null, "待合室", "clerk", now, now + 86_400_000L)
        .token();
    HttpResponse<String> opened = send(HttpRequest.newBuilder(uri(page)).GET());
    assertThat(opened.statusCode()).isEqualTo(200);
    Matcher csrf = CSRF.matcher(opened.body());
    assertThat(csrf.find()).isTrue();
    String token = csrf.group(1);

    HttpResponse<String> forged = post(page, json.writeValueAsString(ANSWERS), null);
    assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);

    HttpResponse<String> huge = post(page, json.writeValueAsString(Map.of("note", "あ".repeat(25_000))), token);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(message(huge)).contains("大きすぎます");

    HttpResponse<String> empty = post(page, "{}", token);
    assertThat(empty.statusCode()).as("the server checks again what form-js checked").isEqualTo(422);
    assertThat(json.readTree(empty.body()).path("problems").findValuesAsText("item")).contains("patientName", "onset");
    assertThat(empty.body()).contains("「お名前（漢字）」は必須です");
    assertThat(MonshinIntakeDeployment.intakes(client)).isEmpty();

    for (int tap = 0; tap < 3; tap++) {
      HttpResponse<String> sent = post(page, json.writeValueAsString(ANSWERS), token);
      assertThat(sent.statusCode()).as("tap %d", tap).isEqualTo(200);
      assertThat(json.readTree(sent.body()).path("next").asText()).isEqualTo("/monshin/received");
    }
    await(() -> MonshinIntakeDeployment.intakes(client).size() == 1, "the intake started");

    HttpResponse<String> flood = post(page, json.writeValueAsString(ANSWERS), token);
    assertThat(flood.statusCode()).isEqualTo(429);
    assertThat(flood.headers().firstValue("Retry-After")).isPresent();
    assertThat(message(flood)).contains("一時停止", "入力した内容はそのまま残っています");
    assertThat(MonshinIntakeDeployment.intakes(client)).as("one patient, one intake").hasSize(1);
    assertThat(links.byToken(page.substring("/monshin/".length())).orElseThrow().submissions()).isEqualTo(1);
  }

  private String message(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body()).path("message").asText();
  }

  private HttpResponse<String> post(String path, String body, String csrf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return phone.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
