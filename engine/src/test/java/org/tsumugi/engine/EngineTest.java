package org.tsumugi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the client-driven specification: a real engine on a real HTTP port, driven by the official
 * Camunda Java client (REST) that the Spring starter configures against it.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class EngineTest {

  @Autowired protected CamundaClient client;

  @DynamicPropertySource
  static void engineOnAFreePort(DynamicPropertyRegistry registry) {
    int port = freePort();
    registry.add("server.port", () -> port);
    registry.add("tsumugi.engine.clock-control", () -> "true");
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
    TestDatabases.fresh("engine_" + UUID.randomUUID().toString().replace("-", "")).forEach(
        (name, value) -> registry.add(name, () -> value));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A process id no other test uses, so tests sharing one engine never see each other's instances. */
  protected static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected long deploy(BpmnModelInstance model) {
    String id = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).iterator().next()
        .getId();
    return client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
  }

  protected ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send()
        .join();
  }

  protected static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  /** Waits (by long polling, not sleeping) for jobs of a type. */
  protected List<ActivatedJob> activate(String type, int max) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max).workerName("spec")
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
  }

  protected ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs = activate(type, 1);
    assertThat(jobs).as("a job of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  /** Keys of a process's instances, in the order they started. */
  protected List<Long> instancesOf(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().asc()).send().join().items().stream()
        .map(ProcessInstance::getProcessInstanceKey).toList();
  }

  protected ProcessInstance instance(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join();
  }

  protected ProcessInstanceState state(long processInstanceKey) {
    return instance(processInstanceKey).getState();
  }

  /** Element ids of an instance in the order they were entered. */
  protected List<String> elements(long processInstanceKey) {
    return elementInstances(processInstanceKey).stream().map(ElementInstance::getElementId).toList();
  }

  protected List<ElementInstance> elementInstances(long processInstanceKey) {
    return client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc()).send().join().items();
  }

  protected List<Incident> incidents(long processInstanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join()
        .items();
  }

  /** Variables of an instance, by scope key and name, with JSON values. */
  protected Map<String, String> variables(long scopeKey) {
    Map<String, String> values = new TreeMap<>();
    client.newVariableSearchRequest().filter(f -> f.scopeKey(scopeKey)).send().join().items()
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }
}
