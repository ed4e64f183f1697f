package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tsumugi.engine.EngineTest;

/** Bad input gets a 4xx problem that names the problem, and changes nothing. */
class BadInputSpec extends EngineTest {

  @Value("${local.server.port}")
  int port;

  private long definitionCount() {
    return client.newProcessDefinitionSearchRequest().send().join().page().totalItems();
  }

  private ProblemException deployRejected(String name, String content) {
    long before = definitionCount();
    try {
      client.newDeployResourceCommand()
          .addResourceStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name).send().join();
    } catch (ProblemException e) {
      assertThat(definitionCount()).as("nothing deployed").isEqualTo(before);
      return e;
    }
    throw new AssertionError("the deployment of " + name + " was accepted");
  }

  @Test
  void bpmnThatIsNotXml() {
    ProblemException problem = deployRejected("broken.bpmn", "this is not xml");
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("broken.bpmn").contains("not readable as BPMN XML");
  }

  @Test
  void bpmnWithADocumentTypeOrExternalEntity() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + xml(Bpmn.createExecutableProcess("xxe").startEvent().endEvent().done()).replaceFirst("<\\?xml[^>]*>", "");
    ProblemException problem = deployRejected("xxe.bpmn", xml);
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("document type declarations");
  }

  @Test
  void anUnsupportedElementIsNamed() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="withComplexGateway" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="approve"/>
            <bpmn:complexGateway id="approve"/>
            <bpmn:sequenceFlow id="out" sourceRef="approve" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.strip();
    ProblemException problem = deployRejected("approval.bpmn", xml);
    assertThat(problem.details().getDetail()).contains("approve").contains("complexGateway").contains("not supported");
  }

  @Test
  void aFeelSyntaxErrorIsNamedWithItsElement() {
    String xml = xml(Bpmn.createExecutableProcess("badFeel").startEvent().exclusiveGateway("gw")
        .sequenceFlowId("odd").conditionExpression("score >>> 3").endEvent().moveToLastExclusiveGateway()
        .defaultFlow().endEvent().done());
    ProblemException problem = deployRejected("feel.bpmn", xml);
    assertThat(problem.details().getDetail()).contains("odd").contains("score >>> 3").contains("does not parse");
  }

  @Test
  void aServiceTaskWithoutAJobType() {
    String xml = xml(Bpmn.createExecutableProcess("noType").startEvent().serviceTask("task").endEvent().done());
    ProblemException problem = deployRejected("notype.bpmn", xml);
    assertThat(problem.details().getDetail()).contains("task");
  }

  @Test
  void anUnknownProcessId() {
    assertThatThrownBy(() -> start("no-such-process", Map.of()))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(404);
          assertThat(e.details().getDetail()).contains("no-such-process");
        });
  }

  @Test
  void variablesThatAreNotAJsonObject() throws Exception {
    HttpResponse<String> response = post("/v2/process-instances",
        "{\"processDefinitionId\":\"x\",\"variables\":[1,2,3]}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("variables must be a JSON object");
  }

  @Test
  void aBodyThatIsNotJson() throws Exception {
    HttpResponse<String> response = post("/v2/jobs/activation", "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON");
  }

  @Test
  void anOversizedRequest() throws Exception {
    String huge = "{\"processDefinitionId\":\"x\",\"variables\":{\"blob\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}}";
    HttpResponse<String> response = post("/v2/process-instances", huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("at most");
  }

  @Test
  void theClientSendsLargerBodiesChunkedAndTheyAreReadUpToTheLimit() {
    String id = "chunked";
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(id).startEvent().endEvent().done(),
        id + ".bpmn").send().join();
    String report = "x".repeat(100_000); // over the client's 8 KiB, so it streams the body chunked

    long key = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().variables(Map.of("report", report))
        .send().join().getProcessInstanceKey();
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(key).name("report")).send().join()
        .items()).hasSize(1);

    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("report", "x".repeat(5 * 1024 * 1024))).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(413);
          assertThat(e.details().getDetail()).contains("at most 4194304");
        });
  }

  @Test
  void aKeyThatIsNotANumber() throws Exception {
    HttpResponse<String> response = post("/v2/jobs/abc/completion", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("jobKey").contains("abc");
  }

  @Test
  void cancellingAnUnknownInstance() {
    assertThatThrownBy(() -> client.newCancelInstanceCommand(42L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
