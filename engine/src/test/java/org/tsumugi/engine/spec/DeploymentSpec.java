package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** Zeebe's versioning: the same content keeps its version, changed content gets the next one. */
class DeploymentSpec extends EngineTest {

  private DeploymentEvent deployAs(BpmnModelInstance model, String name) {
    return client.newDeployResourceCommand().addProcessModel(model, name).send().join();
  }

  @Test
  void sameContentKeepsItsVersionAndKey() {
    String id = uniqueId("same");
    BpmnModelInstance model = Bpmn.createExecutableProcess(id).startEvent().endEvent().done();

    var first = deployAs(model, id + ".bpmn").getProcesses().get(0);
    var again = deployAs(model, id + ".bpmn").getProcesses().get(0);

    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
  }

  @Test
  void changedContentGetsTheNextVersion() {
    String id = uniqueId("changed");
    var first = deployAs(Bpmn.createExecutableProcess(id).startEvent().endEvent().done(), id + ".bpmn")
        .getProcesses().get(0);
    var second = deployAs(Bpmn.createExecutableProcess(id).startEvent().manualTask().endEvent().done(), id + ".bpmn")
        .getProcesses().get(0);

    assertThat(second.getVersion()).isEqualTo(2);
    assertThat(second.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
  }

  @Test
  void definitionsCanBeSearchedFetchedAndReadBackAsXml() {
    String id = uniqueId("definition");
    BpmnModelInstance model = Bpmn.createExecutableProcess(id).name("紹介状の作成").startEvent().endEvent().done();
    long key = deployAs(model, "referral.bpmn").getProcesses().get(0).getProcessDefinitionKey();

    var found = client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId(id)).send().join()
        .items();
    var fetched = client.newProcessDefinitionGetRequest(key).send().join();
    String xml = client.newProcessDefinitionGetXmlRequest(key).send().join();

    assertThat(found).singleElement().satisfies(d -> assertThat(d.getProcessDefinitionKey()).isEqualTo(key));
    assertThat(fetched.getName()).isEqualTo("紹介状の作成");
    assertThat(fetched.getResourceName()).isEqualTo("referral.bpmn");
    assertThat(xml).contains(id).contains("紹介状の作成");
  }

  @Test
  void oneFileMayHoldSeveralProcesses() {
    String first = uniqueId("first");
    String second = uniqueId("second");
    String xml = xml(Bpmn.createExecutableProcess(first).startEvent().endEvent().done());
    String other = xml(Bpmn.createExecutableProcess(second).startEvent().endEvent().done());
    Matcher process = Pattern.compile("<(\\w+:)?process[\\s>].*</(\\w+:)?process>", Pattern.DOTALL).matcher(other);
    assertThat(process.find()).isTrue();
    String combined = xml.replaceFirst("(</(\\w+:)?process>)", "$1" + Matcher.quoteReplacement(process.group()));

    var event = client.newDeployResourceCommand().addResourceString(combined, java.nio.charset.StandardCharsets.UTF_8,
        "two.bpmn").send().join();

    assertThat(event.getProcesses()).extracting(p -> p.getBpmnProcessId()).containsExactlyInAnyOrder(first, second);
  }
}
