package org.tsumugi.gateway;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionRequirementsMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FormMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import org.tsumugi.engine.decision.DecisionDefinition;
import org.tsumugi.engine.decision.DecisionRequirements;
import org.tsumugi.engine.processing.Results;
import org.tsumugi.engine.processing.Results.DeployedForm;
import org.tsumugi.engine.processing.Results.DeployedProcess;
import org.tsumugi.engine.state.Job;

/** What the engine answers, in gateway.proto's messages, with the values the REST API gives. */
final class GatewayResponses {
  /** The one tenant of the embedded engine, as Zeebe names the default one. */
  static final String TENANT = "<default>";
  /** The REST topology's version, so clients see one engine whichever transport they use. */
  static final String VERSION = "8.8.0-tsumugi";

  private final JsonDocuments json;

  GatewayResponses(JsonDocuments json) {
    this.json = json;
  }

  /** A one-broker, one-partition cluster, as the REST topology describes it. */
  static TopologyResponse topology(String host, int port) {
    Partition partition = Partition.newBuilder().setPartitionId(1).setRole(Partition.PartitionBrokerRole.LEADER)
        .setHealth(Partition.PartitionBrokerHealth.HEALTHY).build();
    BrokerInfo broker = BrokerInfo.newBuilder().setNodeId(0).setHost(host).setPort(port).setVersion(VERSION)
        .addPartitions(partition).build();
    return TopologyResponse.newBuilder().addBrokers(broker).setClusterSize(1).setPartitionsCount(1)
        .setReplicationFactor(1).setGatewayVersion(VERSION).build();
  }

  static DeployResourceResponse deployment(Results.Deployment deployment) {
    DeployResourceResponse.Builder response = DeployResourceResponse.newBuilder().setKey(deployment.key())
        .setTenantId(TENANT);
    for (DeployedForm form : deployment.forms()) {
      response.addDeployments(Deployment.newBuilder().setForm(FormMetadata.newBuilder().setFormId(form.formId())
          .setVersion(form.version()).setFormKey(form.key()).setResourceName(form.resourceName())
          .setTenantId(TENANT)));
    }
    for (DeployedProcess process : deployment.processes()) {
      response.addDeployments(Deployment.newBuilder().setProcess(ProcessMetadata.newBuilder()
          .setBpmnProcessId(process.bpmnProcessId()).setVersion(process.version())
          .setProcessDefinitionKey(process.key()).setResourceName(process.resourceName()).setTenantId(TENANT)));
    }
    for (DecisionRequirements drg : deployment.decisionRequirements()) {
      response.addDeployments(Deployment.newBuilder().setDecisionRequirements(DecisionRequirementsMetadata
          .newBuilder().setDmnDecisionRequirementsId(drg.drgId()).setDmnDecisionRequirementsName(text(drg.name()))
          .setVersion(drg.version()).setDecisionRequirementsKey(drg.key()).setResourceName(drg.resourceName())
          .setTenantId(TENANT)));
    }
    for (DecisionDefinition decision : deployment.decisions()) {
      response.addDeployments(Deployment.newBuilder().setDecision(DecisionMetadata.newBuilder()
          .setDmnDecisionId(decision.decisionId()).setDmnDecisionName(text(decision.name()))
          .setVersion(decision.version()).setDecisionKey(decision.key())
          .setDmnDecisionRequirementsId(decision.drgId()).setDecisionRequirementsKey(decision.drgKey())
          .setTenantId(TENANT)));
    }
    return response.build();
  }

  ActivatedJob job(Results.ActivatedJob activated) {
    Job job = activated.job();
    return ActivatedJob.newBuilder().setKey(job.key).setType(job.type).setProcessInstanceKey(job.processInstanceKey)
        .setBpmnProcessId(job.bpmnProcessId).setProcessDefinitionVersion(job.version)
        .setProcessDefinitionKey(job.processDefinitionKey).setElementId(job.elementId)
        .setElementInstanceKey(job.elementInstanceKey).setCustomHeaders(json.write(job.customHeaders))
        .setWorker(activated.worker()).setRetries(activated.retries()).setDeadline(activated.deadline())
        .setVariables(json.write(activated.variables())).setTenantId(TENANT)
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED).build();
  }

  /** Protobuf strings cannot be null; a decision without a name has an empty one. */
  private static String text(String value) {
    return value == null ? "" : value;
  }
}
