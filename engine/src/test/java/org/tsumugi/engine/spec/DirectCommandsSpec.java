package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tsumugi.engine.EngineTest;

/**
 * Creating an instance and completing a job, the two requests every robot-driven instance makes, are answered
 * by a fast path in front of Spring MVC. Whatever the request, good or bad, its answer is the one the
 * controllers give: the same status, content type and body, and the same change to the engine's state.
 *
 * <p>The fast path takes {@code application/json} only; Spring MVC also reads any {@code application/*+json},
 * so the same request sent as {@code application/vnd.tsumugi.spec+json} reaches the controllers instead. A
 * handler interceptor records which requests Spring MVC saw, to show each path was really taken.
 */
@Import(DirectCommandsSpec.SeenByControllers.class)
class DirectCommandsSpec extends EngineTest {
  private static final String FAST = "application/json";
  private static final String CONTROLLERS = "application/vnd.tsumugi.spec+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> seenByControllers = new CopyOnWriteArrayList<>();

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @TestConfiguration
  static class SeenByControllers implements WebMvcConfigurer {
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(new HandlerInterceptor() {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
          seenByControllers.add(request.getRequestURI());
          return true;
        }
      });
    }
  }

  record Answer(int status, String contentType, JsonNode body) {}

  private Answer post(String path, String body, String contentType) throws Exception {
    seenByControllers.clear();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(seenByControllers.contains(path)).as("%s %s taken by the controllers", contentType, path)
        .isEqualTo(contentType.equals(CONTROLLERS) || !fastPathTakes(body));
    String type = response.headers().firstValue("Content-Type").orElse(null);
    return new Answer(response.statusCode(), type == null ? null : type.replace(";charset=UTF-8", ""),
        response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  /** Bodies the fast path cannot bind (a wrong type somewhere) go on to the controllers, which name the field. */
  private static boolean fastPathTakes(String body) {
    return !body.contains("\"variables\":[");
  }

  /** Sends the same request down both paths and expects the same answer. */
  private Answer sameAnswer(String path, String body) throws Exception {
    Answer controllers = post(path, body, CONTROLLERS);
    Answer fast = post(path, body, FAST);
    assertThat(fast).as("the fast path's answer to POST %s %s", path, body).isEqualTo(controllers);
    return fast;
  }

  private String deployOneTask() {
    String id = uniqueId("direct");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("work", t -> t.zeebeJobType(id + "-work"))
        .endEvent().done());
    return id;
  }

  @Test
  void creatingAnInstanceAnswersAndStartsAsTheControllerDoes() throws Exception {
    String id = deployOneTask();
    String body = "{\"processDefinitionId\":\"" + id + "\",\"variables\":{\"patient\":\"P-1\",\"count\":3}}";

    Answer controllers = post("/v2/process-instances", body, CONTROLLERS);
    Answer fast = post("/v2/process-instances", body, FAST);

    assertThat(fast.status()).isEqualTo(200).isEqualTo(controllers.status());
    assertThat(fast.contentType()).isEqualTo(controllers.contentType()).isEqualTo("application/json");
    assertThat(withoutInstanceKey(fast.body())).isEqualTo(withoutInstanceKey(controllers.body()));
    List<Long> started = instancesOf(id);
    assertThat(started).containsExactly(controllers.body().get("processInstanceKey").asLong(),
        fast.body().get("processInstanceKey").asLong());
    for (long instance : started) {
      assertThat(variables(instance)).containsEntry("patient", "\"P-1\"").containsEntry("count", "3");
    }
    assertThat(activate(id + "-work", 10)).hasSize(2);
  }

  private static JsonNode withoutInstanceKey(JsonNode created) {
    ObjectNode copy = created.deepCopy();
    assertThat(copy.remove("processInstanceKey")).isNotNull();
    return copy;
  }

  @Test
  void badCreationsGetTheControllersProblems() throws Exception {
    String id = deployOneTask();
    Map<String, Integer> statusByBody = Map.of(
        "{\"processDefinitionId\":\"no-such-process\"}", 404,
        "{\"processDefinitionKey\":\"not-a-key\"}", 400,
        "{\"processDefinitionId\":\"" + id + "\",\"processDefinitionVersion\":99}", 404,
        "{\"processDefinitionId\":\"" + id + "\",\"variables\":[1,2]}", 400,
        "{}", 400);
    for (var bad : statusByBody.entrySet()) {
      Answer answer = sameAnswer("/v2/process-instances", bad.getKey());
      assertThat(answer.status()).as(bad.getKey()).isEqualTo(bad.getValue());
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.body().get("detail").asText()).as(bad.getKey()).isNotBlank();
    }
    assertThat(instancesOf(id)).as("nothing started").isEmpty();
  }

  @Test
  void completingAJobAnswersAndCompletesAsTheControllerDoes() throws Exception {
    String id = deployOneTask();
    long first = start(id, Map.of()).getProcessInstanceKey();
    long second = start(id, Map.of()).getProcessInstanceKey();
    List<ActivatedJob> jobs = activate(id + "-work", 2);
    assertThat(jobs).hasSize(2);
    String done = "{\"variables\":{\"checked\":true}}";

    Answer controllers = post("/v2/jobs/" + jobs.get(0).getKey() + "/completion", done, CONTROLLERS);
    Answer fast = post("/v2/jobs/" + jobs.get(1).getKey() + "/completion", done, FAST);

    assertThat(fast).isEqualTo(controllers).isEqualTo(new Answer(204, null, null));
    for (long instance : List.of(first, second)) {
      assertThat(state(instance).name()).isEqualTo("COMPLETED");
      assertThat(variables(instance)).containsEntry("checked", "true");
    }
  }

  @Test
  void badCompletionsGetTheControllersProblems() throws Exception {
    String id = deployOneTask();
    long instance = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob job = activateOne(id + "-work");
    client.newCompleteCommand(job).send().join();

    Answer twice = sameAnswer("/v2/jobs/" + job.getKey() + "/completion", "{}");
    assertThat(twice.status()).isEqualTo(404);
    assertThat(twice.body().get("detail").asText()).contains(Long.toString(job.getKey()));
    assertThat(sameAnswer("/v2/jobs/123456789/completion", "{}").status()).isEqualTo(404);
    assertThat(sameAnswer("/v2/jobs/not-a-key/completion", "{}").status()).isEqualTo(400);

    long open = start(id, Map.of()).getProcessInstanceKey();
    ActivatedJob pending = activateOne(id + "-work");
    Answer notAnObject = sameAnswer("/v2/jobs/" + pending.getKey() + "/completion", "{\"variables\":[1,2]}");
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.body().get("detail").asText()).contains("variables must be a JSON object");
    assertThat(state(open).name()).as("a refused completion leaves the job open").isEqualTo("ACTIVE");
    assertThat(state(instance).name()).isEqualTo("COMPLETED");
  }
}
