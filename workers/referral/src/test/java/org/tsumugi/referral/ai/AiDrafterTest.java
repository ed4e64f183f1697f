package org.tsumugi.referral.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.io.TempDir;
import org.tsumugi.referral.ReferralProperties;
import org.tsumugi.referral.letter.Drafting;
import org.tsumugi.referral.letter.Facts;

class AiDrafterTest {

	@TempDir
	Path dir;

	@Test
	void aiDraftingIsOffUnlessTheHospitalTurnsItOn() {
		ReferralProperties defaults = new Binder(new MapConfigurationPropertySource())
				.bindOrCreate("tsumugi.referral", ReferralProperties.class);
		assertThat(defaults.ai().enabled()).isFalse();
		assertThat(defaults.ai().baseUrl()).isNull();
		Map<String, Object> draft = new Drafting(null).draft(1L, Facts.fromVariables(Map.of("purpose", "精査")), null);
		assertThat(draft).containsEntry("draftSource", "deterministic").containsEntry("draftNotice", "");
	}

	@Test
	void anEndpointThatCannotBeReachedIsAuditedAndReportedAsUnavailable() throws Exception {
		// Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
		ChatEndpoint endpoint = new ChatEndpoint(URI.create("http://127.0.0.1:9/v1"), "m", "", Duration.ofSeconds(2));
		Path audit = dir.resolve("audit.jsonl");
		AiDrafter drafter = new AiDrafter(endpoint, new JsonLinesAiAudit(audit, Clock.systemUTC()));
		Facts facts = Facts.fromVariables(Map.of("patientId", "P0001", "emrPatientName", "山田 太郎", "purpose", "山田 太郎 様の精査"));
		assertThatThrownBy(() -> drafter.draft(7L, facts, new org.tsumugi.referral.letter.DeterministicDraft().draft(facts), null,
				java.util.Set.of()))
				.isInstanceOf(AiDrafter.AiUnavailable.class);
		String line = Files.readString(audit);
		assertThat(line).contains("\"processInstanceKey\":7", "failed").doesNotContain("山田");

		Map<String, Object> draft = new Drafting(drafter).draft(7L, facts, null);
		assertThat(draft).containsEntry("draftSource", "deterministic");
		assertThat(draft.get("letterPurpose")).isEqualTo("山田 太郎 様の精査");
	}
}
