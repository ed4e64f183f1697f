package org.tsumugi.claims.nightly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clerks' decisions as the process hands them back: the multi-instance review collects one list of
 * findings per group, each finding a map with the clerk's {@code decision} and {@code reason}.
 */
public final class Reviews {

	public static final String CORRECTED = "corrected";

	private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

	private Reviews() {
	}

	public static Reviews of(Object reviews) {
		Reviews result = new Reviews();
		if (reviews instanceof List<?> groups) {
			for (Object group : groups) {
				if (group instanceof List<?> findings) {
					for (Object finding : findings) {
						if (finding instanceof Map<?, ?> map && map.get("id") instanceof String id) {
							@SuppressWarnings("unchecked")
							Map<String, Object> typed = (Map<String, Object>) map;
							result.byId.put(id, typed);
						}
					}
				}
			}
		}
		return result;
	}

	public Map<String, Object> get(String id) {
		return byId.get(id);
	}

	public List<Map<String, Object>> all() {
		return new ArrayList<>(byId.values());
	}

	/** The findings the clerks say they corrected in the レセコン. */
	public List<FindingIdentity> corrected() {
		return byId.values()
			.stream()
			.filter(f -> CORRECTED.equals(f.get("decision")))
			.map(Reviews::identity)
			.distinct()
			.toList();
	}

	/** The identity of a reviewed finding, from the fields {@link FindingRow#toVariable()} put in its map. */
	static FindingIdentity identity(Map<String, Object> finding) {
		return new FindingIdentity(FindingRow.patient(text(finding.get("patientNo")), text(finding.get("receiptNo"))),
				text(finding.get("ruleId")), text(finding.get("subject")));
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** The Japanese word for a decision, as the form offers it. */
	public static String label(Object decision) {
		if (decision == null) {
			return "未確認";
		}
		return switch (decision.toString()) {
			case CORRECTED -> "修正した";
			case "accepted" -> "問題なし";
			case "dismissed" -> "対象外";
			default -> decision.toString();
		};
	}

}
