package org.tsumugi.document.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.tsumugi.document.DocumentProblem;
import org.tsumugi.document.DocumentProblem.Code;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The document kinds and their fields, read from YAML (see {@code document-kinds.yml} shipped with
 * Tsumugi). A mistake in the file is reported with the kind and field it is in, because the person
 * fixing it is a process owner, not a developer.
 */
public final class DocumentKinds {

	private final Map<String, List<FieldRule>> kinds;

	private DocumentKinds(Map<String, List<FieldRule>> kinds) {
		this.kinds = kinds;
	}

	/** The kinds shipped with Tsumugi. */
	public static DocumentKinds builtIn() {
		try (InputStream in = DocumentKinds.class.getResourceAsStream("/org/tsumugi/document/document-kinds.yml")) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The hospital's own file if it exists, otherwise the shipped kinds. */
	public static DocumentKinds load(Path file) {
		if (file == null || !Files.isRegularFile(file)) {
			return builtIn();
		}
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static DocumentKinds parse(String yaml) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		if (!(root instanceof Map<?, ?> top)) {
			throw new IllegalArgumentException("document kinds: expected a map of kinds at the top level");
		}
		Map<String, List<FieldRule>> kinds = new LinkedHashMap<>();
		top.forEach((kind, definition) -> {
			Object fields = definition instanceof Map<?, ?> map ? map.get("fields") : null;
			if (!(fields instanceof Map<?, ?> fieldMap)) {
				throw new IllegalArgumentException("document kind " + kind + ": 'fields' must list the fields");
			}
			List<FieldRule> rules = new ArrayList<>();
			fieldMap.forEach((name, spec) -> rules.add(rule(kind + "." + name, name.toString(), spec)));
			kinds.put(kind.toString(), List.copyOf(rules));
		});
		return new DocumentKinds(kinds);
	}

	private static FieldRule rule(String where, String name, Object spec) {
		Map<?, ?> map = spec instanceof Map<?, ?> m ? m : Map.of();
		List<String> anchors = new ArrayList<>();
		Object anchorSpec = map.get("anchors");
		if (anchorSpec instanceof List<?> list) {
			list.forEach(a -> anchors.add(JapaneseText.normalize(a.toString())));
		}
		else {
			anchors.add(JapaneseText.normalize(anchorSpec == null ? name : anchorSpec.toString()));
		}
		Pattern pattern = null;
		if (map.get("pattern") != null) {
			try {
				pattern = Pattern.compile(map.get("pattern").toString());
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("document kinds, " + where + ": pattern is not valid: " + ex.getDescription());
			}
		}
		FieldRule.Type type;
		try {
			type = FieldRule.Type.valueOf(String.valueOf(map.get("type") == null ? "text" : map.get("type")).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("document kinds, " + where + ": type must be one of text, name, kana, date, digits");
		}
		return new FieldRule(name, List.copyOf(anchors), pattern, type);
	}

	List<FieldRule> fields(String kind) {
		List<FieldRule> rules = kinds.get(kind);
		if (rules == null) {
			throw new DocumentProblem(Code.DOCUMENT_KIND_UNKNOWN, "文書の種類「" + kind + "」は設定されていません。");
		}
		return rules;
	}

	public List<String> names() {
		return List.copyOf(kinds.keySet());
	}
}
