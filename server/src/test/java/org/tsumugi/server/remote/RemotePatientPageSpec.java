package org.tsumugi.server.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tsumugi.server.web.TestUsers;

/**
 * The 問診 pages of a server in remote mode: a clerk issues a link on the remote-mode server, the patient's
 * phone opens it and sends the questionnaire, and the intake starts on the cluster (a second Tsumugi server in
 * embedded mode) with the patient's answers. The questionnaire is the form the remote-mode server deployed
 * from its folder; the cluster never gives a form's schema back.
 */
class RemotePatientPageSpec {
  private static final Map<String, Object> ANSWERS = Map.of("patientName", "佐藤 花子", "patientKana", "サトウ ハナコ",
      "birthDate", "1980/1/2", "sex", "female", "phone", "03-1234-5678", "visitType", "first",
      "chiefComplaint", "咳が続く", "onset", "1週間以内");
  private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
  private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aPatientsQuestionnaireOnTheRemoteModeServerStartsTheIntakeOnTheCluster(@TempDir Path data) throws Exception {
    Path models = Files.createDirectories(data.resolve("models"));
    for (String file : List.of("../bpmn/monshin-intake.bpmn", "../bpmn/monshin-triage.dmn",
        "../forms/monshin-questionnaire.form", "../forms/monshin-review.form", "../forms/monshin-urgent.form",
        "../forms/monshin-patient.form")) {
      Files.copy(Path.of(file), models.resolve(Path.of(file).getFileName()));
    }

    try (ConfigurableApplicationContext cluster = TestServers.start("cluster", data,
        "--tsumugi.robots.enabled=false", "--tsumugi.deploy.folders=");
        CamundaClient onCluster = TestServers.client(TestServers.port(cluster));
        ConfigurableApplicationContext remote = TestServers.start("remote", data, "--tsumugi.mode=remote",
            "--camunda.client.rest-address=http://127.0.0.1:" + TestServers.port(cluster),
            "--camunda.client.auth.username=admin", "--camunda.client.auth.password=" + TestUsers.PASSWORD,
            "--tsumugi.robots.enabled=false", "--tsumugi.deploy.folders=" + models)) {
      String base = "http://127.0.0.1:" + TestServers.port(remote);

      HttpClient clerk = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      login(clerk, base, "clerk");
      String links = get(clerk, base + "/monshin-links").body();
      assertThat(links).as("the menu offers the link page in remote mode").contains("href=\"/monshin-links\"");
      HttpResponse<String> issued = clerk.send(HttpRequest.newBuilder(URI.create(base + "/monshin-links"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
              "kind=VISIT&receptionId=R20261125-7&validDays=1&_csrf=" + find(META_CSRF, links))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(issued.statusCode()).isEqualTo(200);
      String page = find(Pattern.compile("id=\"patient-url\" href=\"" + Pattern.quote(base) + "(/monshin/[^\"]+)\""),
          issued.body());

      HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      HttpResponse<String> opened = get(phone, base + page);
      assertThat(opened.statusCode()).as("the questionnaire as deployed to the cluster").isEqualTo(200);
      assertThat(opened.body()).contains("monshin-questionnaire");
      String csrf = find(META_CSRF, opened.body());

      HttpResponse<String> empty = post(phone, base + page, "{}", csrf);
      assertThat(empty.statusCode()).as("checked against the deployed form").isEqualTo(422);
      assertThat(json.readTree(empty.body()).path("problems").findValuesAsText("item")).contains("patientName");

      HttpResponse<String> sent = post(phone, base + page, json.writeValueAsString(ANSWERS), csrf);
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(json.readTree(sent.body()).path("next").asText()).isEqualTo("/monshin/received");

      ProcessInstance intake = NightlyClaimCheckConformance.await(() -> onCluster.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId("monshin-intake")).send().join().items().stream().findFirst()
          .orElse(null), "the intake on the cluster");
      Map<String, String> variables = new HashMap<>();
      onCluster.newVariableSearchRequest().filter(f -> f.processInstanceKey(intake.getProcessInstanceKey())).send()
          .join().items().forEach(v -> variables.put(v.getName(), v.getValue()));
      assertThat(variables.get("receptionId")).isEqualTo("\"R20261125-7\"");
      JsonNode answers = json.readTree(variables.get("answers"));
      assertThat(answers.path("patientName").asText()).isEqualTo("佐藤 花子");
      assertThat(answers.path("chiefComplaint").asText()).isEqualTo("咳が続く");
    }
  }

  private static void login(HttpClient http, String base, String user) throws Exception {
    String form = get(http, base + "/login").body();
    http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
            + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + find(FORM_CSRF, form)))
        .build(), HttpResponse.BodyHandlers.discarding());
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, String url, String body, String csrf) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern pattern, String text) {
    Matcher found = pattern.matcher(text);
    assertThat(found.find()).as("%s in the page", pattern).isTrue();
    return found.group(1);
  }
}
