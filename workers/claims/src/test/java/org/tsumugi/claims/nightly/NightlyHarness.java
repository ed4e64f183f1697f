package org.tsumugi.claims.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.tsumugi.document.store.DocumentStore;

/**
 * What the nightly process's engine tests share: the embedded engine on a free port with the movable clock,
 * folders under a temporary home, the repository's models deployed through the client, and bounded polls.
 */
final class NightlyHarness {

	static final ObjectMapper JSON = new ObjectMapper();

	private NightlyHarness() {
	}

	static void properties(DynamicPropertyRegistry registry, Path home) {
		int port = freePort();
		registry.add("server.port", () -> port);
		registry.add("tsumugi.engine.clock-control", () -> "true");
		registry.add("camunda.client.mode", () -> "self-managed");
		registry.add("camunda.client.prefer-rest-over-grpc", () -> "true");
		registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
		registry.add("camunda.client.grpc-address", () -> "http://localhost:" + port);
		// On a loaded machine the engine may answer a long poll a little after its request timeout; with the
		// default 1 s of slack the client has gone by then and the jobs in that answer wait for their timeout.
		registry.add("camunda.client.request-timeout-offset", () -> "PT10S");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nightly" + UUID.randomUUID().toString().replace("-", "")
				+ ";DB_CLOSE_DELAY=-1");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
		registry.add("tsumugi.claims.nightly.inbox-dir", () -> home.resolve("inbox").toString());
		registry.add("tsumugi.claims.nightly.archive-dir", () -> home.resolve("imported").toString());
		registry.add("tsumugi.claims.findings-dir", () -> home.resolve("findings").toString());
		registry.add("tsumugi.document.data-dir", () -> home.resolve("documents").toString());
	}

	static void deployRepositoryModels(CamundaClient client) throws IOException {
		List<Path> files = new ArrayList<>();
		for (String folder : List.of("../../forms", "../../bpmn")) {
			try (Stream<Path> list = Files.list(Path.of(folder))) {
				list.filter(p -> p.toString().endsWith(".form") || p.toString().endsWith(".dmn") || p.toString().endsWith(".bpmn"))
					.sorted()
					.forEach(files::add);
			}
		}
		DeployResourceCommandStep2 command = null;
		for (Path file : files) {
			command = command == null ? client.newDeployResourceCommand().addResourceFile(file.toString())
					: command.addResourceFile(file.toString());
		}
		// A first deployment of every model can take a while on a loaded machine.
		command.requestTimeout(Duration.ofSeconds(60)).send().join();
	}

	/** The first instance of the nightly process, once one has started. */
	static long firstNightlyInstance(CamundaClient client, String what) throws InterruptedException {
		return await(() -> client.newProcessInstanceSearchRequest()
			.filter(f -> f.processDefinitionId("claim-check-nightly"))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map(p -> p.getProcessInstanceKey())
			.orElse(null), what);
	}

	/** The instance's open review tasks, once there are some. */
	static List<UserTask> reviewTasks(CamundaClient client, long instance) throws InterruptedException {
		return await(() -> {
			List<UserTask> found = tasks(client, instance, "ReviewFindings");
			return found.isEmpty() ? null : found;
		}, "review tasks are created");
	}

	static List<UserTask> tasks(CamundaClient client, long instance, String elementId) {
		return client.newUserTaskSearchRequest()
			.filter(f -> f.processInstanceKey(instance).elementId(elementId).state(UserTaskState.CREATED))
			.send()
			.join()
			.items();
	}

	static <T> T variable(CamundaClient client, long userTaskKey, String name) throws IOException {
		Variable found = client.newUserTaskVariableSearchRequest(userTaskKey)
			.filter(f -> f.name(name))
			.send()
			.join()
			.items()
			.get(0);
		String value = found.isTruncated() ? client.newVariableGetRequest(found.getVariableKey()).send().join().getValue()
				: found.getValue();
		return JSON.readValue(value, new TypeReference<T>() {
		});
	}

	static String pdfText(DocumentStore documents, String id) throws IOException {
		try (InputStream in = documents.open(id); PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	static String read(DocumentStore documents, String id) throws IOException {
		try (InputStream in = documents.open(id)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Polls with a bound: the workers and the engine run on their own threads. */
	static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		while (true) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not within 60 s: " + what);
			}
			Thread.sleep(100);
		}
	}

	static Path tempHome() {
		try {
			return Files.createTempDirectory("tsumugi-nightly");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
