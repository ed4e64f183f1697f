package org.tsumugi.document.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds field values next to their labels. A value is what follows the label on the same line, or
 * on the next line when the label stands alone (forms print both ways); it ends where another
 * field's label begins, so a table row 「氏名 山田 太郎 性別 男」 gives 山田 太郎 for 氏名.
 */
public class FieldExtractor {

	private final DocumentKinds kinds;

	public FieldExtractor(DocumentKinds kinds) {
		this.kinds = kinds;
	}

	public ExtractedFields extract(String kind, String text) {
		List<FieldRule> rules = kinds.fields(kind);
		String normal = JapaneseText.normalize(text);
		List<String> allAnchors = rules.stream().flatMap(rule -> rule.anchors().stream()).toList();
		Map<String, String> values = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (FieldRule rule : rules) {
			Optional<String> value = find(rule, normal, allAnchors);
			if (value.isPresent()) {
				values.put(rule.name(), value.get());
			}
			else {
				missing.add(rule.name());
			}
		}
		return new ExtractedFields(values, missing);
	}

	private Optional<String> find(FieldRule rule, String text, List<String> allAnchors) {
		for (String anchor : rule.anchors()) {
			int from = 0;
			int at;
			while ((at = text.indexOf(anchor, from)) >= 0) {
				from = at + anchor.length();
				if (longerAnchorStartsHere(text, at, anchor, allAnchors)) {
					continue;
				}
				Optional<String> value = convert(rule, candidate(text, from, allAnchors));
				if (value.isPresent()) {
					return value;
				}
			}
		}
		return Optional.empty();
	}

	/** 患者氏名 also contains 氏名; the longer label wins so that its value is not read twice. */
	private static boolean longerAnchorStartsHere(String text, int at, String anchor, List<String> allAnchors) {
		for (String other : allAnchors) {
			if (other.length() > anchor.length() && other.contains(anchor)) {
				int offset = other.indexOf(anchor);
				int start = at - offset;
				if (start >= 0 && text.startsWith(other, start)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String candidate(String text, int from, List<String> allAnchors) {
		int lineEnd = text.indexOf('\n', from);
		String rest = stripSeparators(text.substring(from, lineEnd < 0 ? text.length() : lineEnd));
		if (rest.isEmpty() && lineEnd >= 0) {
			int nextEnd = text.indexOf('\n', lineEnd + 1);
			rest = stripSeparators(text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd));
		}
		int cut = rest.length();
		for (String other : allAnchors) {
			int at = rest.indexOf(other);
			if (at > 0 && at < cut) {
				cut = at;
			}
		}
		return rest.substring(0, cut).strip();
	}

	private static String stripSeparators(String text) {
		return text.replaceFirst("^[\\s:：|｜]+", "").strip();
	}

	private static Optional<String> convert(FieldRule rule, String candidate) {
		String value = candidate;
		if (rule.pattern() != null) {
			Matcher m = rule.pattern().matcher(value);
			if (!m.find()) {
				return Optional.empty();
			}
			value = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group();
		}
		if (value.isBlank()) {
			return Optional.empty();
		}
		return switch (rule.type()) {
			case TEXT, NAME -> Optional.of(JapaneseText.collapseSpaces(value));
			case KANA -> Optional.of(JapaneseText.collapseSpaces(JapaneseText.toKatakana(value)));
			case DIGITS -> {
				String digits = value.replaceAll("\\D", "");
				yield digits.isEmpty() ? Optional.empty() : Optional.of(digits);
			}
			case DATE -> JapaneseDates.find(value).map(Object::toString);
		};
	}
}
