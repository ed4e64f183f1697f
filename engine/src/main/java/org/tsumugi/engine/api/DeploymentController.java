package org.tsumugi.engine.api;

import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tsumugi.engine.Deployer;
import org.tsumugi.engine.processing.Results.Deployment;

@RestController
@RequestMapping("/v2")
class DeploymentController {
  static final String TENANT = "<default>";

  private final Deployer deployer;

  DeploymentController(Deployer deployer) {
    this.deployer = deployer;
  }

  @PostMapping(path = "/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DeploymentResult deploy(@RequestPart("resources") List<MultipartFile> files) throws IOException {
    List<Deployer.Resource> resources = new ArrayList<>();
    for (MultipartFile file : files) {
      resources.add(new Deployer.Resource(file.getOriginalFilename(), file.getBytes()));
    }
    return result(deployer.deploy(resources).join());
  }

  private static DeploymentResult result(Deployment deployment) {
    List<DeploymentMetadataResult> deployed = new ArrayList<>(deployment.forms().stream()
        .map(form -> new DeploymentMetadataResult().form(new DeploymentFormResult().formId(form.formId())
            .version(form.version()).formKey(Keys.format(form.key())).resourceName(form.resourceName())
            .tenantId(TENANT)))
        .toList());
    deployed.addAll(deployment.processes().stream()
        .map(process -> new DeploymentMetadataResult().processDefinition(new DeploymentProcessResult()
            .processDefinitionId(process.bpmnProcessId()).processDefinitionVersion(process.version())
            .resourceName(process.resourceName()).tenantId(TENANT)
            .processDefinitionKey(Keys.format(process.key()))))
        .toList());
    deployed.addAll(DecisionResults.deployed(deployment));
    return new DeploymentResult().deploymentKey(Keys.format(deployment.key())).tenantId(TENANT).deployments(deployed);
  }
}
