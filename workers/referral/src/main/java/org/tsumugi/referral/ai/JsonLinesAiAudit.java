package org.tsumugi.referral.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The standalone audit trail of AI drafting: one JSON line per call with the masked prompt, the masked
 * answer (or why there was none), the process instance and the time. The server replaces it with its
 * hash-chained audit log.
 */
public class JsonLinesAiAudit implements AiAudit {

	private final Path file;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	public JsonLinesAiAudit(Path file, Clock clock) {
		this.file = file;
		this.clock = clock;
	}

	@Override
	public synchronized void record(long processInstanceKey, String maskedRequest, String maskedAnswer, String outcome) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("at", clock.instant().toString());
		line.put("processInstanceKey", processInstanceKey);
		line.put("outcome", outcome);
		line.put("request", maskedRequest);
		line.put("answer", maskedAnswer);
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			// Without its audit line the call must not count: the caller falls back to the deterministic draft.
			throw new UncheckedIOException("Cannot write the AI audit file " + file, ex);
		}
	}
}
