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
 * answers in time. The result says which it is and what the doctor should know (attachments that could
 * not be read, the AI not answering), in Japanese for the review form.
 */
public class Drafting {

	private static final Logger log = LoggerFactory.getLogger(Drafting.class);

	private final DeterministicDraft deterministic = new DeterministicDraft();

	private final AiDrafter ai;

	/** @param ai null when AI drafting is off */
	public Drafting(AiDrafter ai) {
		this.ai = ai;
	}

	public Map<String, Object> draft(long processInstanceKey, Facts facts, String doctorsComment) {
		Sections sections = deterministic.draft(facts);
		String source = "deterministic";
		List<String> notices = new ArrayList<>();
		if (ai != null) {
			try {
				sections = ai.draft(processInstanceKey, facts, sections, doctorsComment);
				source = "ai";
				notices.add("AI が下書きを整えました。内容を必ず確認してください。");
			}
			catch (AiDrafter.AiUnavailable | java.io.UncheckedIOException ex) {
				log.warn("AI drafting unavailable for process instance {}: {}; using the deterministic draft",
						processInstanceKey, ex.getMessage());
				notices.add("AI による下書きを利用できなかったため、定型の下書きを表示しています。");
			}
		}
		List<String> failed = facts.failedAttachments().stream().map(Facts.Attachment::name).toList();
		for (Facts.Attachment attachment : facts.failedAttachments()) {
			notices.add("添付資料「" + attachment.name() + "」を読み取れませんでした（" + attachment.error() + "）。");
		}
		Map<String, Object> result = new LinkedHashMap<>(sections.toVariables());
		result.put("draftSource", source);
		result.put("failedAttachments", failed);
		result.put("draftNotice", String.join("\n", notices));
		return result;
	}
}
