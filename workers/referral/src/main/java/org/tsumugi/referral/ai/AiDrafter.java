package org.tsumugi.referral.ai;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.referral.letter.Sections;

/**
 * Asks an OpenAI-compatible model to polish the deterministic draft. Identifiers are masked before the
 * request is built and restored in the answer; the masked request and answer are audited. Any failure
 * (down, slow, not JSON, a section missing) is an {@link AiUnavailable} and the caller keeps the
 * deterministic draft.
 */
public class AiDrafter {

	static final String SYSTEM_PROMPT = """
			あなたは日本の病院で医師の診療情報提供書（別紙様式11）作成を補助します。
			与えられた事実と下書きだけを使い、推測で事実を加えないでください。［個人情報N］の形の記号はそのまま残してください。
			次のキーを持つ JSON オブジェクトだけを返してください: letterPurpose（紹介目的）, letterDiagnosis（傷病名）,
			letterHistory（既往歴及び家族歴）, letterCourse（症状経過及び検査結果）, letterTreatment（治療経過）,
			letterPrescription（現在の処方。1行に1剤、「薬剤 ／ 用法 ／ 日数」）, letterRemarks（備考）。
			「医師が編集した欄」に挙げたキーの下書きは医師本人の文面です。その文面を削らず、言い換えず、そのまま含めてください。""";

	private final ChatEndpoint endpoint;

	private final AiAudit audit;

	private final ObjectMapper json = new ObjectMapper();

	public AiDrafter(ChatEndpoint endpoint, AiAudit audit) {
		this.endpoint = endpoint;
		this.audit = audit;
	}

	/**
	 * @param base the draft to polish, the doctor's edited sections already in it
	 * @param editedSections the variable names of the sections the doctor wrote; their text goes to the
	 *        model masked like everything else, marked as the doctor's
	 */
	public Sections draft(long processInstanceKey, Facts facts, Sections base, String doctorsComment,
			Set<String> editedSections) {
		Masking masking = new Masking(facts.patient());
		String request;
		try {
			request = endpoint.requestBody(SYSTEM_PROMPT,
					masking.mask(userPrompt(facts, base, doctorsComment, editedSections)));
		}
		catch (IOException ex) {
			throw new AiUnavailable("the prompt could not be built", ex);
		}
		String answer;
		try {
			answer = endpoint.complete(request);
		}
		catch (IOException ex) {
			audit.record(processInstanceKey, request, null, "failed: " + ex.getClass().getSimpleName());
			throw new AiUnavailable("the AI endpoint failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			audit.record(processInstanceKey, request, null, "interrupted");
			throw new AiUnavailable("interrupted", ex);
		}
		audit.record(processInstanceKey, request, answer, "answered");
		return parse(answer, masking);
	}

	private String userPrompt(Facts facts, Sections base, String comment, Set<String> editedSections) {
		Map<String, Object> prompt = new LinkedHashMap<>();
		prompt.put("紹介先", facts.request().destinationInstitution() + " " + facts.request().destinationDepartment());
		// Only what the wording needs: the model never gets the name or birth date, not even masked.
		prompt.put("患者の性別", facts.patient().sex());
		prompt.put("下書き", base.toVariables());
		prompt.put("添付資料", facts.attachments().stream().filter(Facts.Attachment::readable)
				.map(a -> Map.of("名前", a.name(), "本文", a.text())).toList());
		if (comment != null && !comment.isBlank()) {
			prompt.put("医師からの修正依頼", comment);
		}
		if (!editedSections.isEmpty()) {
			prompt.put("医師が編集した欄", List.copyOf(editedSections));
		}
		try {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(prompt);
		}
		catch (IOException ex) {
			throw new AiUnavailable("the prompt could not be built", ex);
		}
	}

	private Sections parse(String answer, Masking masking) {
		JsonNode node;
		try {
			node = json.readTree(stripFence(answer));
		}
		catch (IOException ex) {
			throw new AiUnavailable("the answer is not JSON", ex);
		}
		Map<String, String> restored = new LinkedHashMap<>();
		for (String name : Sections.HEADINGS.keySet()) {
			JsonNode value = node.path(name);
			if (!value.isTextual()) {
				throw new AiUnavailable("the answer has no text for " + name, null);
			}
			restored.put(name, masking.unmask(value.asText()));
		}
		return Sections.fromVariables(restored);
	}

	/** Models often wrap JSON in a Markdown code fence even when asked not to. */
	private static String stripFence(String answer) {
		String text = answer.strip();
		if (text.startsWith("```")) {
			text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		return text;
	}

	/** The AI could not help this time; the message says why without quoting any content. */
	public static class AiUnavailable extends RuntimeException {

		public AiUnavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
