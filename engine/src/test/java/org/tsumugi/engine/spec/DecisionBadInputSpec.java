package org.tsumugi.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tsumugi.engine.spec.DecisionFixtures.deployDmn;
import static org.tsumugi.engine.spec.DecisionFixtures.dmn;
import static org.tsumugi.engine.spec.DecisionFixtures.suffix;

import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tsumugi.engine.EngineTest;

/** A bad decision gets a 400 problem naming the file and the problem, and nothing of its deployment is kept. */
class DecisionBadInputSpec extends EngineTest {

  private long deployedCount() {
    return client.newDecisionDefinitionSearchRequest().send().join().page().totalItems()
        + client.newProcessDefinitionSearchRequest().send().join().page().totalItems();
  }

  private ProblemException rejected(Function<DeployResourceCommandStep2, DeployResourceCommandStep2> resources,
      String name, String content) {
    long before = deployedCount();
    try {
      resources.apply(client.newDeployResourceCommand().addResourceStringUtf8(content, name)).send().join();
    } catch (ProblemException e) {
      assertThat(e.code()).isEqualTo(400);
      assertThat(deployedCount()).as("nothing deployed").isEqualTo(before);
      return e;
    }
    throw new AssertionError("the deployment of " + name + " was accepted");
  }

  private ProblemException rejected(String name, String content) {
    return rejected(step -> step, name, content);
  }

  @Test
  void aDmnThatIsNotXml() {
    assertThat(rejected("broken.dmn", "this is not xml").details().getDetail()).contains("broken.dmn")
        .contains("not readable as DMN XML");
  }

  @Test
  void anUnknownHitPolicyIsNamed() {
    String xml = dmn("triage.dmn", suffix()).replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");
    assertThat(rejected("triage.dmn", xml).details().getDetail()).contains("triage.dmn").contains("SOMETIMES");
  }

  @Test
  void aRuleThatIsNotFeelIsNamedWithItsExpression() {
    String xml = dmn("claim-check.dmn", suffix()).replace("&gt; 25", "&gt;&gt; 25");
    assertThat(rejected("claim-check.dmn", xml).details().getDetail()).contains("claim-check.dmn").contains(">> 25");
  }

  @Test
  void aBrokenDecisionKeepsTheProcessesOfItsDeploymentOutToo() {
    String id = uniqueId("withBrokenTable");
    ProblemException problem = rejected(step -> step.addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
        .businessRuleTask("check", t -> t.zeebeCalledDecisionId("claimCheck").zeebeResultVariable("findings"))
        .endEvent().done(), id + ".bpmn"), "claim-check.dmn", "<definitions/>");
    assertThat(problem.details().getDetail()).contains("claim-check.dmn");
  }

  @Test
  void aDecisionIdBelongsToOneGraph() {
    String s = suffix();
    deployDmn(client, "claim-check.dmn", s);
    String otherGraph = dmn("claim-check.dmn", s).replace("id=\"claim-check-drg_" + s, "id=\"other-drg_" + s);
    assertThat(rejected("other.dmn", otherGraph).details().getDetail()).contains("claimCheck_" + s)
        .contains("claim-check-drg_" + s);
  }

  @Test
  void aCalledDecisionWithoutResultVariableIsNamed() {
    String xml = xml(Bpmn.createExecutableProcess(uniqueId("noResult")).startEvent()
        .businessRuleTask("check", t -> t.zeebeCalledDecisionId("claimCheck")).endEvent().done());
    assertThat(rejected("noresult.bpmn", xml).details().getDetail()).contains("check").contains("resultVariable");
  }

  @Test
  void evaluatingWithNeitherIdNorKeyIsRefused() {
    assertThatThrownBy(() -> client.newEvaluateDecisionCommand().decisionId("").send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(400);
          assertThat(problem.details().getDetail()).contains("decisionDefinitionId");
        });
  }

  @Test
  void anUnknownDecisionInstanceIsNotFound() {
    assertThatThrownBy(() -> client.newDecisionInstanceGetRequest("42-1").send().join())
        .isInstanceOfSatisfying(ProblemException.class, problem -> {
          assertThat(problem.code()).isEqualTo(404);
          assertThat(problem.details().getDetail()).contains("42-1");
        });
  }
}
