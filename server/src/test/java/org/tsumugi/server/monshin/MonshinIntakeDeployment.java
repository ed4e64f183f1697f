package org.tsumugi.server.monshin;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import java.time.Duration;
import java.util.List;

/** The real intake from bpmn/ and forms/, deployed as a process owner would from Modeler. */
final class MonshinIntakeDeployment {
  private MonshinIntakeDeployment() {}

  static void deploy(CamundaClient client) {
    client.newDeployResourceCommand().addResourceFile("../bpmn/monshin-intake.bpmn")
        .addResourceFile("../bpmn/monshin-triage.dmn")
        .addResourceFile("../forms/monshin-questionnaire.form").addResourceFile("../forms/monshin-review.form")
        .addResourceFile("../forms/monshin-urgent.form").addResourceFile("../forms/monshin-patient.form")
        .requestTimeout(Duration.ofMinutes(1)).send().join(); // a busy machine parses the models slowly
  }

  static List<ProcessInstance> intakes(CamundaClient client) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId("monshin-intake")).send().join()
        .items();
  }
}
