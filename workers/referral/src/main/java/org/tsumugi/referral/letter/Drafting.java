package org.tsumugi.referral.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsumugi.referral.ai.AiDrafter;

/**
 * The draft the doctor reviews: the deterministic one, polished by the AI when it is configured and
 * answers in time. On a redraft the sections the doctor edited are the doctor's: they stay as written
 * (the AI may add to them, never drop them) and only the others are rebuilt from fresh chart facts. The
 * result says which draft it is and what the doctor should know, in Japanese for the review form.
 */
public class Drafting {

	private static final Logger log = LoggerFactory.getLogger(Drafting.class);

	private final DeterministicDraft deterministic = new DeterministicDraft();

	private final AiDrafter ai;

	/** @param ai null when AI drafting is off */
	public Drafting(AiDrafter ai) {
		this.ai = ai;
	}

	/** @param redraft null on the first draft */
	public Map<String, Object> draft(long processInstanceKey, Facts facts, Redraft redraft) {
		Map<String, String> edited = redraft == null ? Map.of() : redraft.edited();
		String comment = redraft == null ? "" : redraft.comment();
		Sections sections = deterministic.draft(facts).with(edited);
		String source = "deterministic";
		List<String> notices = new ArrayList<>();
		if (ai != null) {
			try {
				Sections answer = ai.draft(processInstanceKey, facts, sections, comment, edited.keySet());
				sections = keepEdits(answer, edited, notices);
				source = "ai";
				notices.add(0, "AI が下書きを整えました。内容を必ず確認してください。");
			}
			catch (AiDrafter.AiUnavailable | java.io.UncheckedIOException ex) {
				log.warn("AI drafting unavailable for process instance {}: {}; using the deterministic draft",
						processInstanceKey, ex.getMessage());
				notices.add("AI による下書きを利用できなかったため、定型の下書きを表示しています。");
			}
		}
		if (redraft != null) {
			notices.add(redraftNotice(edited, comment, "ai".equals(source)));
		}
		List<String> failed = facts.failedAttachments().stream().map(Facts.Attachment::name).toList();
		for (Facts.Attachment attachment : facts.failedAttachments()) {
			notices.add("添付資料「" + attachment.name() + "」を読み取れませんでした（" + attachment.error() + "）。");
		}
		Map<String, Object> result = new LinkedHashMap<>(sections.toVariables());
		result.put("draftSource", source);
		result.put("failedAttachments", failed);
		result.put("draftNotice", String.join("\n", notices));
		result.put(Redraft.DRAFTED, sections.toVariables());
		result.put(Redraft.EDITED, List.copyOf(edited.keySet()));
		if (redraft != null) {
			result.put(Redraft.HISTORY, redraft.historyWithThisRound());
		}
		return result;
	}

	/** An edited section whose text the AI's answer no longer holds goes back to the doctor's text, and says so. */
	private static Sections keepEdits(Sections answer, Map<String, String> edited, List<String> notices) {
		Map<String, Object> proposed = answer.toVariables();
		Map<String, String> restored = new LinkedHashMap<>();
		edited.forEach((name, text) -> {
			if (!Redraft.normal(proposed.get(name)).contains(Redraft.normal(text))) {
				restored.put(name, text);
				notices.add("先生が編集した「" + Sections.HEADINGS.get(name) + "」は AI の案では失われるため、編集どおりに残しました。");
			}
		});
		return answer.with(restored);
	}

	private static String redraftNotice(Map<String, String> edited, String comment, boolean aiAnswered) {
		StringBuilder notice = new StringBuilder();
		if (!comment.isBlank()) {
			notice.append("修正依頼「").append(comment).append("」")
					.append(aiAnswered ? "を AI に伝えました。" : "は自動では反映されません（AI 下書きを利用していません）。必要な修正は各欄で行ってください。");
		}
		notice.append(edited.isEmpty() ? "各欄をカルテの最新の情報で作り直しました。"
				: "編集した欄（" + String.join("、", edited.keySet().stream().map(Sections.HEADINGS::get).toList())
						+ "）はそのまま残し、それ以外の欄をカルテの最新の情報で作り直しました。");
		return notice.toString();
	}
}
