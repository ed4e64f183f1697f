package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Camunda 8 variable scoping, propagation and mappings. */
class VariableSpec extends EngineTest {

  private long subprocessKey(long processInstanceKey) {
    return elementInstances(processInstanceKey).stream().filter(e -> e.getType() == ElementInstanceType.SUB_PROCESS)
        .findFirst().orElseThrow().getElementInstanceKey();
  }

  @Test
  void completionVariablesGoToTheNearestScopeThatHasThemElseTheProcess() {
    String id = uniqueId("propagate");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("sub", s -> s.zeebeInputExpression("0", "local"))
        .embeddedSubProcess().startEvent().serviceTask("task", t -> t.zeebeJobType(id)).endEvent().subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(id + "-after")).endEvent().done());
    long key = start(id, Map.of("existing", "old")).getProcessInstanceKey();

    var job = activateOne(id);
    client.newCompleteCommand(job.getKey()).variables(Map.of("local", 1, "existing", "new", "fresh", true)).send()
        .join();

    assertThat(variables(key)).containsEntry("existing", "\"new\"").containsEntry("fresh", "true")
        .doesNotContainKey("local");
    var after = activateOne(id + "-after");
    assertThat(after.getVariablesAsMap()).doesNotContainKey("local").containsEntry("existing", "new");
  }

  @Test
  void outputMappingsReplacePropagation() {
    String id = uniqueId("outputs");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("lookup", t -> t.zeebeJobType(id).zeebeOutputExpression("result.name", "patientName")
            .zeebeOutputExpression("result.age >= 65", "elderly"))
        .endEvent().done());
    long key = start(id, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(activateOne(id).getKey())
        .variables(Map.of("result", Map.of("name", "山田 太郎", "age", 70))).send().join();

    assertThat(variables(key)).containsEntry("patientName", "\"山田 太郎\"").containsEntry("elderly", "true")
        .doesNotContainKey("result");
  }

  @Test
  void inputMappingsCreateLocalVariablesForTheTaskOnly() {
    String id = uniqueId("inputs");
    deploy(Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("enter", t -> t.zeebeJobType(id).zeebeInputExpression("patient.id", "patientId")
            .zeebeInputExpression("\"EMR-\" + patientId", "record.reference"))
        .endEvent().done());
    long key = start(id, Map.of("patient", Map.of("id", "P-7"))).getProcessInstanceKey();

    var job = activateOne(id);

    assertThat(job.getVariablesAsMap()).containsEntry("patientId", "P-7")
        .containsEntry("record", Map.of("reference", "EMR-P-7"));
    assertThat(variables(job.getElementInstanceKey())).containsOnlyKeys("patientId", "record");
    assertThat(variables(key)).containsOnlyKeys("patient");
  }

  @Test
  void jobsSeeOnlyTheVariablesTheyFetch() {
    String id = uniqueId("fetch");
    deploy(Bpmn.createExecutableProcess(id).startEvent().serviceTask("t", t -> t.zeebeJobType(id)).endEvent().done());
    start(id, Map.of("a", 1, "b", 2, "secret", "x"));

    var jobs = client.newActivateJobsCommand().jobType(id).maxJobsToActivate(1).fetchVariables(List.of("a", "b"))
        .send().join().getJobs();

    assertThat(jobs.get(0).getVariablesAsMap()).containsOnlyKeys("a", "b");
  }

  @Test
  void setVariablesLocallyOrPropagated() {
    String id = uniqueId("set");
    deploy(Bpmn.createExecutableProcess(id).startEvent().subProcess("sub").embeddedSubProcess().startEvent()
        .serviceTask("t", t -> t.zeebeJobType(id)).endEvent().subProcessDone().endEvent().done());
    long key = start(id, Map.of("status", "new")).getProcessInstanceKey();
    activateOne(id);
    long sub = subprocessKey(key);

    client.newSetVariablesCommand(sub).variables(Map.of("note", "local only")).local(true).send().join();
    client.newSetVariablesCommand(sub).variables(Map.of("status", "reviewed", "flag", 1)).send().join();

    assertThat(variables(sub)).containsOnlyKeys("note");
    assertThat(variables(key)).containsEntry("status", "\"reviewed\"").containsEntry("flag", "1");
  }
}
