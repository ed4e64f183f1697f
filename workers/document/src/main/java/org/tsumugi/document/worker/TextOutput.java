package org.tsumugi.document.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.tsumugi.document.store.DocumentStore;

/**
 * Puts recognised text into the job result: inline while small, otherwise as a stored text
 * document, because the engine keeps every variable in its state and a 500-page text would bloat it.
 */
final class TextOutput {

	private TextOutput() {
	}

	static void put(Map<String, Object> result, String text, List<Map<String, Object>> pages, long maxInline,
			DocumentStore store, long processInstanceKey) throws IOException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		if (utf8.length <= maxInline) {
			result.put("text", text);
			result.put("pages", pages);
			return;
		}
		var stored = store.store(new ByteArrayInputStream(utf8), "text.txt", processInstanceKey);
		result.put("textDocument", stored.reference().toVariable());
		pages.forEach(page -> page.remove("text"));
		result.put("pages", pages);
	}
}
