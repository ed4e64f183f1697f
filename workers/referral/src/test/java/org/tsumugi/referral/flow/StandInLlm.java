package org.tsumugi.referral.flow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible endpoint standing in for the hospital's LLM. It records a violation, and
 * answers 400, whenever a request contains one of the identifiers it was told to watch for; the test
 * fails on any violation. A normal answer echoes the masked draft back with a mark, plus the doctor's
 * (masked) comment in 備考, so that restoring the placeholders can be checked.
 */
final class StandInLlm implements AutoCloseable {

	enum Mode { NORMAL, DOWN, SLOW }

	static final String MARK = "（AI整形）";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final ObjectMapper json = new ObjectMapper();

	private final List<String> forbidden;

	final List<String> violations = new CopyOnWriteArrayList<>();

	final AtomicInteger requests = new AtomicInteger();

	volatile Mode mode = Mode.NORMAL;

	StandInLlm(List<String> forbidden) throws IOException {
		this.forbidden = forbidden;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(executor);
		server.createContext("/v1/chat/completions", this::handle);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			requests.incrementAndGet();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			for (String identifier : forbidden) {
				if (body.contains(identifier)) {
					violations.add("the LLM received an unmasked identifier: " + identifier);
					send(exchange, 400, "{\"error\":\"unmasked identifier\"}");
					return;
				}
			}
			switch (mode) {
				case DOWN -> send(exchange, 503, "{\"error\":\"down\"}");
				case SLOW -> {
					try {
						Thread.sleep(6000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					send(exchange, 200, answer(body));
				}
				case NORMAL -> send(exchange, 200, answer(body));
			}
		}
	}

	private String answer(String requestBody) throws IOException {
		JsonNode request = json.readTree(requestBody);
		JsonNode prompt = json.readTree(request.path("messages").path(1).path("content").asText());
		Map<String, String> sections = new LinkedHashMap<>();
		prompt.path("下書き").fields().forEachRemaining(e -> sections.put(e.getKey(), MARK + e.getValue().asText()));
		String comment = prompt.path("医師からの修正依頼").asText("");
		if (!comment.isEmpty()) {
			sections.put("letterRemarks", sections.get("letterRemarks") + "\n修正依頼への対応: " + comment);
		}
		String content = json.writeValueAsString(sections);
		return json.writeValueAsString(Map.of("id", "stand-in", "object", "chat.completion", "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop"))));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
