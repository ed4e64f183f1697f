package org.tsumugi.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeterministicDraftTest {

	@Test
	void everySectionIsFilledEvenFromAnEmptyChart() {
		Facts facts = Facts.fromVariables(Map.of("patientId", "P0003", "purpose", "精査のお願い"));
		Sections sections = new DeterministicDraft().draft(facts);
		assertThat(sections.toVariables()).containsOnlyKeys(Sections.HEADINGS.keySet());
		assertThat(sections.purpose()).isEqualTo("精査のお願い");
		assertThat(List.of(sections.diagnosis(), sections.history(), sections.courseAndResults(), sections.treatment(),
				sections.prescription())).allMatch(text -> !text.isBlank());
	}

	@Test
	void aLongAttachmentIsQuotedInPartAndReferredTo() {
		String longText = "経過".repeat(DeterministicDraft.ATTACHMENT_EXCERPT);
		Facts facts = Facts.fromVariables(Map.of("attachmentResults",
				List.of(Map.of("name", "前医.pdf", "ok", true, "text", longText), Map.of("name", "壊れた.pdf", "ok", false,
						"error", "PDF を読めません"))));
		Sections sections = new DeterministicDraft().draft(facts);
		assertThat(sections.courseAndResults()).contains("添付資料「前医.pdf」より", "（以下、添付資料を参照）")
				.doesNotContain("壊れた.pdf");
		assertThat(facts.failedAttachments()).extracting(Facts.Attachment::name).containsExactly("壊れた.pdf");
	}

	@Test
	void prescriptionLinesRoundTripAndKeepWhatTheyCannotSplit() {
		List<Map<String, String>> rows = List.of(Map.of("薬剤", "アムロジピン錠5mg", "用法", "1回1錠 1日1回", "日数", "28日分"));
		String text = PrescriptionLines.format(rows) + "\nロキソプロフェン 頓用";
		List<Map<String, Object>> parsed = PrescriptionLines.parse(text);
		assertThat(parsed).hasSize(2);
		assertThat(parsed.get(0)).containsEntry("薬剤", "アムロジピン錠5mg").containsEntry("用法", "1回1錠 1日1回")
				.containsEntry("日数", "28日分");
		assertThat(parsed.get(1)).containsEntry("薬剤", "ロキソプロフェン 頓用").containsEntry("用法", "");
	}
}
