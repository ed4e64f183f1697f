package org.tsumugi.referral.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.tsumugi.referral.ReferralProperties.Institution;
import org.tsumugi.referral.letter.DeterministicDraft;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.referral.letter.Sections;

/** The letter's FHIR document meets what JP-CLINS asks of a referral, and each unmet requirement is named. */
class ClinsChecksTest {

	static final Institution HOSPITAL = new Institution("つむぎ記念病院", "東京都架空区本町9-9", "03-0000-0000", "1319999999");

	final ReferralBundle builder = new ReferralBundle(FhirContext.forR4Cached());

	static Facts facts() {
		return Facts.fromVariables(Map.of("patientId", "P0001", "emrPatientName", "山田 太郎", "emrSex", "男",
				"emrBirthDate", "1958-04-12", "requestingDoctor", "dr-sato", "destinationInstitution", "架空大学病院",
				"purpose", "腎機能低下の精査",
				"emrDiagnoses", List.of(Map.of("傷病名", "2型糖尿病", "開始日", "2015-04-01", "ICD10", "E11", "病名管理番号", "20057404"),
						Map.of("傷病名", "高血圧症")),
				"emrPrescriptions", List.of(Map.of("薬剤", "アムロジピン錠5mg", "用法", "1日1回", "日数", "28日分", "HOT9", "112381202"))));
	}

	Bundle parsedBack(Facts facts, Sections sections, Institution source) {
		String json = builder.toJson(builder.build(facts, sections, source, 42L, Instant.parse("2026-11-25T03:00:00Z")));
		return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
	}

	@Test
	void theApprovedLetterMeetsEveryCheckedRequirementWithTheChartsCodes() {
		Facts facts = facts();
		Bundle bundle = parsedBack(facts, new DeterministicDraft().draft(facts), HOSPITAL);

		assertThat(ClinsChecks.problems(bundle)).isEmpty();
		assertThat(bundle.getMeta().getTag(ReferralBundle.INDICATION_TAGS, "LTS")).isNotNull();
		Patient patient = (Patient) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Patient.class::isInstance).findFirst().orElseThrow();
		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:1.2.392.100495.20.3.51.11319999999");
		List<Condition> conditions = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Condition.class::isInstance).map(Condition.class::cast).toList();
		assertThat(conditions.get(0).getCode().getText()).isEqualTo("2型糖尿病（2015-04-01〜）");
		assertThat(conditions.get(0).getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
				org.assertj.core.groups.Tuple.tuple("urn:oid:1.2.392.200119.4.101.2", "20057404"),
				org.assertj.core.groups.Tuple.tuple("urn:oid:2.16.840.1.113883.6.3.1", "E11"));
		assertThat(conditions.get(1).getCode().getCoding()).as("the chart gave no code for 高血圧症").isEmpty();
		MedicationRequest drug = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast).findFirst().orElseThrow();
		assertThat(drug.getMedicationCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("112381202");
	}

	@Test
	void anUnsetInstitutionNumberIsNamedAsTheProblem() {
		Facts facts = facts();
		Institution unset = new Institution("つむぎ記念病院", "", "", "0000000000");
		assertThat(ClinsChecks.problems(parsedBack(facts, new DeterministicDraft().draft(facts), unset)))
				.containsExactly("the referring Organization needs its 10-digit 医療機関番号 (tsumugi.referral.institution.code)");
	}

	@Test
	void eachMissingPartIsNamed() {
		Facts facts = facts();
		Bundle bundle = parsedBack(facts, new DeterministicDraft().draft(facts), HOSPITAL);
		bundle.getMeta().getTag().clear();
		bundle.setType(Bundle.BundleType.COLLECTION);
		org.hl7.fhir.r4.model.Composition composition = (org.hl7.fhir.r4.model.Composition) bundle.getEntryFirstRep().getResource();
		composition.getSection().removeIf(s -> s.getCode().getCodingFirstRep().getCode().equals("920"));
		composition.setStatus(org.hl7.fhir.r4.model.Composition.CompositionStatus.PRELIMINARY);
		bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Condition.class::isInstance)
				.map(Condition.class::cast).findFirst().orElseThrow().getCode().addCoding(new Coding("http://example.org/local", "X1", null));

		assertThat(ClinsChecks.problems(bundle)).containsExactlyInAnyOrder("Bundle.type must be document",
				"Bundle.meta.tag must carry the CLINS indication LTS (long-term storage)",
				"Composition.status must be final (only an approved letter is filed)",
				"the Composition needs section 920",
				"Condition.code uses an unknown code system http://example.org/local");
	}
}
