package org.tsumugi.claims.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

/**
 * The nightly process is a draft that cannot run before the engine has timers and user tasks; until then
 * this only keeps it a well-formed model whose claim-check tasks use this module's job type.
 */
class NightlyModelDraftTest {

	@Test
	void theDraftIsAValidModelThatUsesTheCheckJob() {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("../../bpmn/claim-check-nightly.bpmn").toFile());
		Bpmn.validateModel(model);
		var types = model.getModelElementsByType(ServiceTask.class)
			.stream()
			.map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
			.collect(Collectors.toList());
		assertThat(types).contains(ClaimCheckWorker.JOB_TYPE);
	}

}
