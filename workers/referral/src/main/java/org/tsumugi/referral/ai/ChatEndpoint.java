package org.tsumugi.referral.ai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One call to an OpenAI-compatible {@code /chat/completions} endpoint, bounded by a timeout. */
public class ChatEndpoint {

	private final HttpClient http;

	private final URI url;

	private final String model;

	private final String apiKey;

	private final Duration timeout;

	private final ObjectMapper json = new ObjectMapper();

	public ChatEndpoint(URI baseUrl, String model, String apiKey, Duration timeout) {
		String base = baseUrl.toString();
		this.url = URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
		this.model = model;
		this.apiKey = apiKey;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** The request body sent for these messages (the audit records exactly this). */
	public String requestBody(String system, String user) throws IOException {
		return json.writeValueAsString(Map.of("model", model, "temperature", 0, "response_format",
				Map.of("type", "json_object"), "messages",
				List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user))));
	}

	/** The answer's message content; an exception when the endpoint is down, slow or answers nonsense. */
	public String complete(String requestBody) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(requestBody, StandardCharsets.UTF_8));
		if (apiKey != null && !apiKey.isBlank()) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw new IOException("AI endpoint answered HTTP " + response.statusCode());
		}
		JsonNode content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
		if (!content.isTextual()) {
			throw new IOException("AI endpoint answered without choices[0].message.content");
		}
		return content.asText();
	}
}
