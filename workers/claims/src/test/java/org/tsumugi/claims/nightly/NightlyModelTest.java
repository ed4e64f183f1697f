package org.tsumugi.claims.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;
import org.tsumugi.claims.check.ClaimCheckWorker;

/** The nightly model only uses job types Tsumugi's workers serve and forms that exist in forms/. */
class NightlyModelTest {

	final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("../../bpmn/claim-check-nightly.bpmn").toFile());

	@Test
	void everyServiceTaskHasAWorker() {
		Bpmn.validateModel(model);
		var types = model.getModelElementsByType(ServiceTask.class)
			.stream()
			.map(t -> t.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
			.collect(Collectors.toSet());
		assertThat(types).containsExactlyInAnyOrder(NightlyWorkers.IMPORT, ClaimCheckWorker.JOB_TYPE, NightlyWorkers.GROUP,
				NightlyWorkers.RECHECK, ReportWorker.REPORT, "tsumugi.document.render");
	}

	@Test
	void everyUserTaskHasItsForm() {
		assertThat(model.getModelElementsByType(UserTask.class)).isNotEmpty().allSatisfy(task -> {
			String formId = task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId();
			assertThat(Path.of("../../forms", formId + ".form")).exists();
			assertThat(Files.readString(Path.of("../../forms", formId + ".form"))).contains("\"id\": \"" + formId + "\"");
		});
	}

}
