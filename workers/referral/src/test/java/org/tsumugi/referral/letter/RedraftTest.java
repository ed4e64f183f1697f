package org.tsumugi.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.referral.ai.AiDrafter;
import org.tsumugi.referral.ai.ChatEndpoint;
import org.tsumugi.referral.ai.JsonLinesAiAudit;

/**
 * A redraft keeps what the doctor wrote: edited sections stay (with or without AI), the rest is rebuilt
 * from the chart as it is now, and every round's comment is kept in the letter's history.
 */
class RedraftTest {

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	/** The process variables as the review form leaves them: the last draft, then the doctor's changes. */
	static Map<String, Object> reviewed(Map<String, Object> draft, Map<String, Object> chart, Map<String, Object> form) {
		Map<String, Object> v = new HashMap<>(chart);
		v.putAll(draft);
		v.putAll(form);
		return v;
	}

	static Map<String, Object> chart(String drug) {
		return Map.of("patientId", "P0001", "emrPatientName", "山田 太郎", "emrPhone", "03-1234-5678",
				"purpose", "腎機能低下の精査をお願いします。", "emrDiagnoses", List.of(Map.of("傷病名", "2型糖尿病")),
				"emrPrescriptions", List.of(Map.of("薬剤", drug, "用法", "1日1回", "日数", "28日分")));
	}

	@Test
	void withoutAiTheDoctorsEditsStayAndOnlyUntouchedSectionsFollowTheChart() {
		Drafting drafting = new Drafting(null);
		Map<String, Object> first = drafting.draft(1L, Facts.fromVariables(chart("アムロジピン錠5mg")), null);
		assertThat(first.get("letterPrescription").toString()).contains("アムロジピン錠5mg");

		// The doctor rewrites the purpose (with the CR LF a browser sends) and asks for a redraft; meanwhile the chart changed.
		Map<String, Object> chart = chart("オルメサルタン錠20mg");
		Map<String, Object> round1 = reviewed(first, chart, Map.of("reviewDecision", "redraft",
				"reviewComment", "処方を最新にしてください", "letterPurpose", "蛋白尿の増加について\r\nご高診ください。",
				"letterHistory", first.get("letterHistory") + "\r\n"));
		Map<String, Object> second = drafting.draft(1L, Facts.fromVariables(round1), Redraft.fromVariables(round1));

		assertThat(second.get("letterPurpose")).isEqualTo("蛋白尿の増加について\r\nご高診ください。");
		assertThat(second.get("letterPrescription").toString()).contains("オルメサルタン錠20mg").doesNotContain("アムロジピン");
		assertThat(second.get(Redraft.EDITED)).as("a CR LF is not an edit").isEqualTo(List.of("letterPurpose"));
		assertThat(second.get("draftNotice").toString()).contains("処方を最新にしてください", "自動では反映されません",
				"編集した欄（紹介目的）はそのまま残し");
		assertThat(second.get(Redraft.HISTORY)).isEqualTo(List.of(Map.of("round", 1, "comment", "処方を最新にしてください",
				"editedSections", List.of("紹介目的"))));

		// A second redraft with the purpose left alone this time: it is still the doctor's, and both comments are kept.
		Map<String, Object> round2 = reviewed(second, chart, Map.of("reviewDecision", "redraft", "reviewComment", "急ぎと書いて",
				"letterRemarks", "至急でお願いします。"));
		Map<String, Object> third = drafting.draft(1L, Facts.fromVariables(round2), Redraft.fromVariables(round2));
		assertThat(third.get("letterPurpose")).isEqualTo("蛋白尿の増加について\r\nご高診ください。");
		assertThat(third.get(Redraft.EDITED)).isEqualTo(List.of("letterPurpose", "letterRemarks"));
		assertThat(((List<?>) third.get(Redraft.HISTORY)).stream().map(r -> (Object) ((Map<?, ?>) r).get("comment")).toList())
				.containsExactly((Object) "処方を最新にしてください", "急ぎと書いて");
	}

	@Test
	void withAiTheEditedSectionsGoMaskedAsTheDoctorsAndAnAnswerThatDropsThemIsOverruledOutLoud() throws Exception {
		AtomicReference<String> sent = new AtomicReference<>();
		// The model keeps the purpose (adding a sentence) but replaces the doctor's treatment text.
		Drafting drafting = new Drafting(new AiDrafter(answering(sent, sections -> {
			sections.put("letterPurpose", sections.get("letterPurpose") + "よろしくお願いいたします。");
			sections.put("letterTreatment", "食事療法を継続中。");
			return sections;
		}), new JsonLinesAiAudit(dir.resolve("audit.jsonl"), Clock.systemUTC())));
		Map<String, Object> chart = chart("アムロジピン錠5mg");
		Map<String, Object> first = new Drafting(null).draft(1L, Facts.fromVariables(chart), null);
		Map<String, Object> round = reviewed(first, chart, Map.of("reviewDecision", "redraft",
				"reviewComment", "丁寧な文面に", "letterPurpose", "山田 太郎 様の蛋白尿についてご高診ください。",
				"letterTreatment", "インスリン導入を山田 太郎 様ご本人が希望されていません。"));

		Map<String, Object> draft = drafting.draft(1L, Facts.fromVariables(round), Redraft.fromVariables(round));

		JsonNode prompt = JSON.readTree(JSON.readTree(sent.get()).path("messages").path(1).path("content").asText());
		assertThat(sent.get()).doesNotContain("山田", "太郎", "P0001", "03-1234-5678");
		assertThat(prompt.path("下書き").path("letterPurpose").asText()).isEqualTo("［個人情報1］ 様の蛋白尿についてご高診ください。");
		assertThat(prompt.path("医師が編集した欄").toString()).contains("letterPurpose", "letterTreatment");
		assertThat(prompt.path("医師からの修正依頼").asText()).isEqualTo("丁寧な文面に");

		assertThat(draft.get("draftSource")).isEqualTo("ai");
		assertThat(draft.get("letterPurpose")).isEqualTo("山田 太郎 様の蛋白尿についてご高診ください。よろしくお願いいたします。");
		assertThat(draft.get("letterTreatment")).isEqualTo("インスリン導入を山田 太郎 様ご本人が希望されていません。");
		assertThat(draft.get("draftNotice").toString()).contains("「治療経過」は AI の案では失われるため、編集どおりに残しました")
				.doesNotContain("「紹介目的」は AI");
	}

	/** A chat endpoint that answers by changing the draft it was sent (the request body is kept). */
	static ChatEndpoint answering(AtomicReference<String> sent, UnaryOperator<Map<String, String>> change) {
		return new ChatEndpoint(URI.create("http://127.0.0.1:9/v1"), "m", "", Duration.ofSeconds(2)) {
			@Override
			public String complete(String requestBody) throws IOException {
				sent.set(requestBody);
				JsonNode prompt = JSON.readTree(JSON.readTree(requestBody).path("messages").path(1).path("content").asText());
				Map<String, String> sections = new HashMap<>();
				prompt.path("下書き").fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue().asText()));
				return JSON.writeValueAsString(change.apply(sections));
			}
		};
	}
}
