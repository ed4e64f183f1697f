package org.tsumugi.server.deploy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Camunda 8 cluster in remote mode, through the client: it takes forms and decisions as resources like
 * processes, and like the embedded engine keeps the version of a file that did not change.
 */
@Component
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "remote")
class ClusterDeploymentTarget implements DeploymentTarget {
  private final CamundaClient client;
  private final ClusterForms forms;

  ClusterDeploymentTarget(CamundaClient client, ClusterForms forms) {
    this.client = client;
    this.forms = forms;
  }

  @Override
  public List<String> deploy(String name, byte[] content) {
    DeploymentEvent deployment = client.newDeployResourceCommand().addResourceBytes(content, name).send().join();
    List<String> live = new ArrayList<>();
    // one file is one form: the content sent is that form's schema
    deployment.getForm().forEach(form -> forms.deployed(form.getFormId(), form.getFormKey(),
        new String(content, StandardCharsets.UTF_8)));
    deployment.getForm().forEach(form -> live.add("form " + form.getFormId() + " version " + form.getVersion()
        + " from " + form.getResourceName()));
    deployment.getDecisionRequirements().forEach(drg -> live.add("decisions " + drg.getDmnDecisionRequirementsId()
        + " version " + drg.getVersion() + " from " + drg.getResourceName()));
    deployment.getProcesses().forEach(process -> live.add("process " + process.getBpmnProcessId() + " version "
        + process.getVersion() + " from " + process.getResourceName()));
    return live;
  }
}
