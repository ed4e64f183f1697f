package org.tsumugi.referral.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills every section from the facts alone, the same way every time: the draft a doctor gets when no
 * AI endpoint is configured or it fails, and the base the AI is asked to polish.
 */
public final class DeterministicDraft {

	/** How much of an attachment's text goes into the draft; the rest is referred to, never dropped silently. */
	static final int ATTACHMENT_EXCERPT = 400;

	public Sections draft(Facts facts) {
		Facts.Chart chart = facts.chart();
		return new Sections(orNone(facts.request().purpose()), diagnoses(chart.diagnoses()), history(chart),
				course(chart, facts.attachments()), orNone(chart.treatment()), PrescriptionLines.format(chart.prescriptions()),
				remarks(chart, facts.attachments()));
	}

	private static String diagnoses(List<Map<String, String>> rows) {
		List<String> lines = new ArrayList<>();
		for (Map<String, String> row : rows) {
			String name = row.getOrDefault("傷病名", "");
			if (name.isBlank()) {
				continue;
			}
			String since = row.getOrDefault("開始日", "");
			String status = row.getOrDefault("状態", "");
			lines.add(name + (since.isBlank() ? "" : "（" + since + "〜）") + ("疑い".equals(status) ? "［疑い］" : ""));
		}
		return lines.isEmpty() ? "記載なし" : String.join("\n", lines);
	}

	private static String history(Facts.Chart chart) {
		return "既往歴: " + orNone(chart.history()) + "\n家族歴: " + orNone(chart.familyHistory()) + "\nアレルギー: "
				+ orNone(chart.allergies());
	}

	private static String course(Facts.Chart chart, List<Facts.Attachment> attachments) {
		StringBuilder text = new StringBuilder(orNone(chart.course()));
		if (!chart.results().isEmpty()) {
			text.append("\n検査結果:");
			for (Map<String, String> row : chart.results()) {
				text.append("\n").append(String.join(" ", nonBlank(row.get("検査日"), row.get("項目"), row.get("値"),
						row.get("単位"))));
			}
		}
		for (Facts.Attachment attachment : attachments) {
			if (attachment.readable() && !attachment.text().isBlank()) {
				String body = attachment.text().replace("\f", "").strip().replaceAll("\\s*\\n\\s*", " ");
				boolean cut = body.length() > ATTACHMENT_EXCERPT;
				text.append("\n添付資料「").append(attachment.name()).append("」より: ")
						.append(cut ? body.substring(0, ATTACHMENT_EXCERPT) + "…（以下、添付資料を参照）" : body);
			}
		}
		return text.toString();
	}

	private static String remarks(Facts.Chart chart, List<Facts.Attachment> attachments) {
		List<String> names = attachments.stream().filter(Facts.Attachment::readable).map(Facts.Attachment::name).toList();
		return names.isEmpty() ? "" : "添付資料: " + String.join("、", names);
	}

	private static List<String> nonBlank(String... values) {
		List<String> out = new ArrayList<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				out.add(value);
			}
		}
		return out;
	}

	private static String orNone(String value) {
		return value == null || value.isBlank() ? "記載なし" : value;
	}
}
