package org.tsumugi.referral.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the doctor left on the review form when asking for a redraft: the comment and the sections as
 * edited. A section counts as the doctor's once its text differs from what was last drafted, and stays
 * the doctor's in every later round, so a redraft never puts chart text back over an edit.
 *
 * @param comment the doctor's comment ({@code reviewComment}), possibly blank
 * @param edited variable name → the doctor's text, in the form's order
 * @param history the earlier rounds ({@code redraftHistory})
 */
public record Redraft(String comment, Map<String, String> edited, List<Map<String, Object>> history) {

	/** The sections as the draft worker last wrote them; its absence means this is the first draft. */
	public static final String DRAFTED = "draftedSections";

	public static final String EDITED = "editedSections";

	public static final String HISTORY = "redraftHistory";

	/** Null on the first draft. */
	public static Redraft fromVariables(Map<String, Object> v) {
		if (!(v.get(DRAFTED) instanceof Map<?, ?> drafted)) {
			return null;
		}
		Set<String> names = new LinkedHashSet<>();
		if (v.get(EDITED) instanceof List<?> earlier) {
			earlier.forEach(name -> names.add(String.valueOf(name)));
		}
		Map<String, Object> current = Sections.fromVariables(v).toVariables();
		for (String name : Sections.HEADINGS.keySet()) {
			if (!same(current.get(name), drafted.get(name))) {
				names.add(name);
			}
		}
		Map<String, String> edited = new LinkedHashMap<>();
		for (String name : Sections.HEADINGS.keySet()) {
			if (names.contains(name)) {
				edited.put(name, String.valueOf(current.get(name)));
			}
		}
		List<Map<String, Object>> history = new ArrayList<>();
		if (v.get(HISTORY) instanceof List<?> rounds) {
			for (Object round : rounds) {
				if (round instanceof Map<?, ?> map) {
					Map<String, Object> copy = new LinkedHashMap<>();
					map.forEach((key, value) -> copy.put(String.valueOf(key), value));
					history.add(copy);
				}
			}
		}
		Object comment = v.get("reviewComment");
		return new Redraft(comment == null ? "" : comment.toString().strip(), edited, history);
	}

	/** The history with this round added: its number, the comment and the headings of the doctor's sections. */
	public List<Map<String, Object>> historyWithThisRound() {
		List<Map<String, Object>> rounds = new ArrayList<>(history);
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("round", history.size() + 1);
		round.put("comment", comment);
		round.put("editedSections", edited.keySet().stream().map(Sections.HEADINGS::get).toList());
		rounds.add(round);
		return rounds;
	}

	/** Browsers send a textarea's line ends as CR LF and may drop a final newline; neither is an edit. */
	static boolean same(Object a, Object b) {
		return normal(a).equals(normal(b));
	}

	static String normal(Object text) {
		return text == null ? "" : text.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
	}
}
