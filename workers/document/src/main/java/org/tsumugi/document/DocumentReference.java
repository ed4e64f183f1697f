package org.tsumugi.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a process variable carries instead of the content: large files never travel through the
 * engine, so a variable holds only enough to find the file again and to check it is the same one.
 */
public record DocumentReference(String id, String name, String contentType, String sha256) {

	public DocumentReference {
		Objects.requireNonNull(id, "id");
	}

	/** The shape stored in a process variable: a plain JSON object. */
	public Map<String, Object> toVariable() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", id);
		map.put("name", name);
		map.put("contentType", contentType);
		map.put("sha256", sha256);
		return map;
	}

	/**
	 * Reads a reference back from a variable value. A bare string is accepted as an id so that a
	 * process owner can paste one into a form while testing a model.
	 */
	public static DocumentReference fromVariable(Object value) {
		if (value instanceof DocumentReference reference) {
			return reference;
		}
		if (value instanceof String id && !id.isBlank()) {
			return new DocumentReference(id, null, null, null);
		}
		if (value instanceof Map<?, ?> map && map.get("id") instanceof String id && !id.isBlank()) {
			return new DocumentReference(id, text(map.get("name")), text(map.get("contentType")),
					text(map.get("sha256")));
		}
		throw new DocumentProblem(DocumentProblem.Code.DOCUMENT_REFERENCE_INVALID,
				"文書の参照が正しくありません（id がありません）。");
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
