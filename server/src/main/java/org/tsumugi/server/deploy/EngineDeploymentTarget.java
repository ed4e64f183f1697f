package org.tsumugi.server.deploy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tsumugi.engine.Deployer;
import org.tsumugi.engine.processing.Results.Deployment;

/** The embedded engine's deployer, in-process. */
@Component
@ConditionalOnProperty(name = "tsumugi.mode", havingValue = "embedded", matchIfMissing = true)
class EngineDeploymentTarget implements DeploymentTarget {
  private final Deployer deployer;

  EngineDeploymentTarget(Deployer deployer) {
    this.deployer = deployer;
  }

  @Override
  public List<String> deploy(String name, byte[] content) {
    Deployment deployment = deployer.deploy(List.of(new Deployer.Resource(name, content))).join();
    List<String> live = new ArrayList<>();
    deployment.forms().forEach(form -> live.add("form " + form.formId() + " version " + form.version()
        + " from " + form.resourceName()));
    deployment.processes().forEach(process -> live.add("process " + process.bpmnProcessId() + " version "
        + process.version() + " from " + process.resourceName()));
    return live;
  }
}
