package org.tsumugi.referral.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/** What Modeler needs to open and edit the workflow: a diagram for every element, templates for every job type. */
class ModelFilesTest {

	static final Path BPMN = Path.of("../../bpmn/referral-letter.bpmn");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyElementIsDrawn() {
		BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.toFile());
		Set<String> drawn = new TreeSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
		List<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).toList();
		assertThat(nodes).isNotEmpty();
		assertThat(drawn).containsAll(nodes);
	}

	@Test
	void everyJobTypeAndTemplateTheModelUsesHasAnElementTemplate() throws IOException {
		String xml = Files.readString(BPMN);
		Set<String> templateIds = new TreeSet<>();
		Set<String> templateTypes = new TreeSet<>();
		for (Path file : templateFiles()) {
			JsonNode root = json.readTree(file.toFile());
			// A file holds one template or an array of them.
			for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root)) {
				templateIds.add(template.path("id").asText());
				for (JsonNode property : template.path("properties")) {
					if ("zeebe:taskDefinition".equals(property.path("binding").path("type").asText())
							&& "type".equals(property.path("binding").path("property").asText())) {
						templateTypes.add(property.path("value").asText());
					}
				}
			}
		}
		assertThat(templateIds).containsAll(matches(xml, "zeebe:modelerTemplate=\"([^\"]+)\""));
		assertThat(templateTypes).containsAll(matches(xml, "<zeebe:taskDefinition type=\"([^\"]+)\""));
	}

	@Test
	void theFormsAreCamundaFormsWithTheIdsTheModelLinks() throws IOException {
		for (String id : List.of("referral-request", "referral-review")) {
			JsonNode form = json.readTree(Path.of("../../forms/" + id + ".form").toFile());
			assertThat(form.path("id").asText()).isEqualTo(id);
			assertThat(form.path("type").asText()).isEqualTo("default");
			assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
			assertThat(form.path("components").size()).isPositive();
		}
		JsonNode review = json.readTree(Path.of("../../forms/referral-review.form").toFile());
		List<String> keys = new ArrayList<>();
		review.path("components").forEach(c -> keys.add(c.path("key").asText()));
		assertThat(keys).contains("letterPurpose", "letterDiagnosis", "letterHistory", "letterCourse", "letterTreatment",
				"letterPrescription", "letterRemarks", "reviewDecision", "reviewComment");
	}

	private static Set<String> matches(String text, String regex) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile(regex).matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static List<Path> templateFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("../../element-templates"))) {
			return files.filter(f -> f.toString().endsWith(".json")).toList();
		}
	}
}
