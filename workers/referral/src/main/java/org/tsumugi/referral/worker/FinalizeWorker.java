package org.tsumugi.referral.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.tsumugi.document.store.DocumentStore;
import org.tsumugi.document.store.StoredDocument;
import org.hl7.fhir.r4.model.Bundle;
import org.tsumugi.referral.ReferralProperties.Institution;
import org.tsumugi.referral.fhir.ClinsChecks;
import org.tsumugi.referral.fhir.ReferralBundle;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.referral.letter.PrescriptionLines;
import org.tsumugi.referral.letter.Sections;

/**
 * {@code tsumugi.referral.finalize}, right after the doctor's approval: records the lead time, files the
 * FHIR document Bundle in the document store ({@code fhirBundle}) and prepares {@code letterData} for
 * {@code tsumugi.document.render}'s {@code referral-letter} template and {@code uploadFileName} for the EMR.
 */
public class FinalizeWorker {

	public static final String TYPE = "tsumugi.referral.finalize";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final DocumentStore store;

	private final ReferralBundle bundle;

	private final Institution institution;

	private final Supplier<CamundaClient> client;

	public FinalizeWorker(DocumentStore store, ReferralBundle bundle, Institution institution,
			Supplier<CamundaClient> client) {
		this.store = store;
		this.bundle = bundle;
		this.institution = institution;
		this.client = client;
	}

	@JobWorker(type = TYPE, autoComplete = true)
	public Map<String, Object> handle(ActivatedJob job) throws IOException {
		long key = job.getProcessInstanceKey();
		Map<String, Object> variables = job.getVariablesAsMap();
		Facts facts = Facts.fromVariables(variables);
		Sections sections = Sections.fromVariables(variables);
		Map<String, Object> leadTime = LeadTime.of(client.get(), key);
		Instant approvedAt = OffsetDateTime.parse(leadTime.get("approvedAt").toString()).toInstant();

		Bundle document = bundle.build(facts, sections, institution, key, approvedAt);
		List<String> problems = ClinsChecks.problems(document);
		if (!problems.isEmpty()) {
			// An incident for a person to resolve (mostly configuration), rather than filing an invalid document.
			throw new IllegalStateException("The FHIR document does not meet JP-CLINS: " + String.join("; ", problems));
		}
		String json = bundle.toJson(document);
		StoredDocument stored = store.store(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
				"referral-letter-" + key + ".fhir.json", key);

		Map<String, Object> out = new LinkedHashMap<>();
		out.put("leadTime", leadTime);
		out.put("fhirBundle", stored.reference().toVariable());
		out.put("letterData", letterData(facts, sections, approvedAt));
		out.put("uploadFileName", "referral-letter-" + key + ".pdf");
		return out;
	}

	private Map<String, Object> letterData(Facts facts, Sections sections, Instant approvedAt) {
		var date = approvedAt.atZone(JAPAN).toLocalDate();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("作成日", date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
		data.put("紹介先医療機関", facts.request().destinationInstitution());
		data.put("紹介先診療科", facts.request().destinationDepartment());
		data.put("紹介先医師", facts.request().destinationDoctor().isBlank() ? "担当医" : facts.request().destinationDoctor() + " 先生");
		data.put("紹介元医療機関", institution.name());
		data.put("紹介元所在地", institution.address());
		data.put("紹介元電話番号", institution.phone());
		data.put("医師氏名", facts.request().requestingDoctor());
		data.put("患者氏名", facts.patient().name());
		data.put("性別", facts.patient().sex());
		data.put("生年月日", facts.patient().birthDate());
		data.put("患者電話番号", facts.patient().phone());
		data.put("患者住所", facts.patient().address());
		data.put("職業", facts.patient().occupation());
		data.put("傷病名", sections.diagnosis());
		data.put("紹介目的", sections.purpose());
		data.put("既往歴及び家族歴", sections.history());
		data.put("症状経過及び検査結果", sections.courseAndResults());
		data.put("治療経過", sections.treatment());
		data.put("現在の処方", PrescriptionLines.parse(sections.prescription()));
		data.put("備考", sections.remarks());
		return data;
	}
}
