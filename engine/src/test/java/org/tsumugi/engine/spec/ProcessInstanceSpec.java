package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Creating, awaiting, cancelling and finding process instances. */
class ProcessInstanceSpec extends EngineTest {

  private String oneTask(String id) {
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("task", t -> t.zeebeJobType(id)).endEvent()
        .done());
    return id;
  }

  @Test
  void createWithResultWaitsForTheEndAndReturnsTheFetchedVariables() {
    String id = oneTask(uniqueId("await"));
    CompletableFuture<io.camunda.client.api.response.ProcessInstanceResult> result = client.newCreateInstanceCommand()
        .bpmnProcessId(id).latestVersion().variables(Map.of("input", 1)).withResult()
        .fetchVariables("output").requestTimeout(Duration.ofSeconds(30)).send().toCompletableFuture();

    client.newCompleteCommand(activateOne(id).getKey()).variables(Map.of("output", "done", "noise", 1)).send().join();

    assertThat(result.join().getVariablesAsMap()).containsOnlyKeys("output").containsEntry("output", "done");
  }

  @Test
  void createWithResultGivesUpAfterItsRequestTimeout() {
    String id = oneTask(uniqueId("slow"));
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult()
        .requestTimeout(Duration.ofMillis(300)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.code()).isEqualTo(504);
          assertThat(e.details().getDetail()).contains("did not complete");
        });
  }

  @Test
  void cancellingTerminatesTheInstanceAndCancelsItsJobs() {
    String id = oneTask(uniqueId("cancel"));
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCancelInstanceCommand(key).send().join();

    assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(elementInstances(key)).extracting(e -> e.getState())
        .containsOnly(ElementInstanceState.COMPLETED, ElementInstanceState.TERMINATED);
    assertThat(activate(id, 1)).isEmpty();
    assertThatThrownBy(() -> client.newCancelInstanceCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void instancesAreFoundByStateProcessIdAndKey() {
    String id = oneTask(uniqueId("search"));
    long running = start(id, Map.of()).getProcessInstanceKey();
    long cancelled = start(id, Map.of()).getProcessInstanceKey();
    client.newCancelInstanceCommand(cancelled).send().join();

    List<ProcessInstance> active = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(id).state(ProcessInstanceState.ACTIVE)).send().join().items();
    List<ProcessInstance> all = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(id))
        .send().join().items();
    List<ProcessInstance> byKey = client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(cancelled))
        .send().join().items();

    assertThat(active).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(running);
    assertThat(all).hasSize(2);
    assertThat(byKey).singleElement().satisfies(instance -> {
      assertThat(instance.getState()).isEqualTo(ProcessInstanceState.TERMINATED);
      assertThat(instance.getProcessDefinitionId()).isEqualTo(id);
      assertThat(instance.getEndDate()).isNotNull();
    });
  }

  @Test
  void searchesPageThroughResults() {
    String id = uniqueId("pages");
    deploy(Bpmn.createExecutableProcess(id).startEvent().endEvent().done());
    for (int i = 0; i < 5; i++) {
      start(id, Map.of());
    }

    var firstPage = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(id))
        .page(p -> p.limit(2)).send().join();
    var nextPage = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(id))
        .page(p -> p.limit(2).after(firstPage.page().endCursor())).send().join();

    assertThat(firstPage.page().totalItems()).isEqualTo(5);
    assertThat(firstPage.items()).hasSize(2);
    assertThat(nextPage.items()).hasSize(2).doesNotContainAnyElementsOf(firstPage.items());
  }
}
