package org.tsumugi.referral.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the JP-CLINS referral profile (JP_Bundle_eReferral / JP_Composition_eReferral, CLINS additions)
 * requires of a letter's document Bundle, checked on the Bundle itself: each problem names the
 * requirement in words a person can act on. Not the HL7 validator with the JP packages, which are not
 * available offline here; this covers the structure, identifiers and code systems the letter builds.
 */
public final class ClinsChecks {

	static final Set<String> KNOWN_CODE_SYSTEMS = java.util.stream.Stream.concat(
			ReferralBundle.DIAGNOSIS_CODES.values().stream(), ReferralBundle.DRUG_CODES.values().stream())
			.collect(Collectors.toUnmodifiableSet());

	private ClinsChecks() {
	}

	public static List<String> problems(Bundle bundle) {
		List<String> problems = new ArrayList<>();
		require(problems, bundle.getType() == Bundle.BundleType.DOCUMENT, "Bundle.type must be document");
		require(problems, ReferralBundle.BUNDLE_IDS.equals(bundle.getIdentifier().getSystem())
				&& bundle.getIdentifier().hasValue(), "Bundle.identifier must use the documentInstance-identifier system");
		require(problems, bundle.hasTimestamp(), "Bundle.timestamp is required");
		require(problems, bundle.getMeta().hasProfile(ReferralBundle.PROFILE_BASE + "JP_Bundle_eReferral"),
				"Bundle.meta.profile must name JP_Bundle_eReferral");
		require(problems, bundle.getMeta().getTag(ReferralBundle.INDICATION_TAGS, "LTS") != null,
				"Bundle.meta.tag must carry the CLINS indication LTS (long-term storage)");
		Set<String> fullUrls = new java.util.HashSet<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			require(problems, entry.getFullUrl() != null && entry.getFullUrl().startsWith("urn:uuid:"),
					"every entry's fullUrl must be a urn:uuid (" + entry.getResource().fhirType() + ")");
			fullUrls.add(entry.getFullUrl());
		}
		if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof Composition composition)) {
			problems.add("the first entry must be the Composition");
			return problems;
		}
		composition(problems, composition, fullUrls);
		List<Patient> patients = resources(bundle, Patient.class);
		require(problems, patients.size() == 1, "the Bundle must hold exactly one Patient");
		require(problems, !resources(bundle, org.hl7.fhir.r4.model.Practitioner.class).isEmpty(),
				"the Bundle must hold at least one Practitioner (the author)");
		List<Organization> organizations = resources(bundle, Organization.class);
		require(problems, organizations.size() >= 2, "the Bundle must hold the referring and the receiving Organization");
		String institution = organizations.stream().flatMap(o -> o.getIdentifier().stream())
				.filter(i -> ReferralBundle.INSTITUTION_NO.equals(i.getSystem())).map(Identifier::getValue).findFirst()
				.orElse("");
		require(problems, institution.matches("\\d{10}") && !institution.matches("0+"),
				"the referring Organization needs its 10-digit 医療機関番号 (tsumugi.referral.institution.code)");
		for (Patient patient : patients) {
			require(problems, patient.getIdentifier().stream().anyMatch(i -> (ReferralBundle.PATIENT_ID_PREFIX + institution)
					.equals(i.getSystem()) && i.hasValue()), "Patient.identifier must be the patient ID under "
							+ ReferralBundle.PATIENT_ID_PREFIX + "<医療機関番号>");
		}
		List<DomainResource> written = new ArrayList<>(patients);
		written.addAll(resources(bundle, Condition.class));
		written.addAll(resources(bundle, MedicationRequest.class));
		for (DomainResource resource : written) {
			require(problems, institutionExtension(resource).equals(institution),
					resource.fhirType() + " needs the JP_eCS_InstitutionNumber extension with the 医療機関番号");
		}
		for (Condition condition : resources(bundle, Condition.class)) {
			codes(problems, "Condition.code", condition.getCode());
		}
		for (MedicationRequest request : resources(bundle, MedicationRequest.class)) {
			codes(problems, "MedicationRequest.medication", request.getMedicationCodeableConcept());
		}
		return problems;
	}

	private static void composition(List<String> problems, Composition composition, Set<String> fullUrls) {
		require(problems, composition.getMeta().hasProfile(ReferralBundle.PROFILE_BASE + "JP_Composition_eReferral"),
				"Composition.meta.profile must name JP_Composition_eReferral");
		require(problems, composition.hasExtension("http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber"),
				"Composition needs the clinicaldocument-versionNumber extension");
		require(problems, composition.getStatus() == Composition.CompositionStatus.FINAL,
				"Composition.status must be final (only an approved letter is filed)");
		require(problems, composition.getType().getCoding().stream().anyMatch(c -> ReferralBundle.DOC_TYPES.equals(c.getSystem())
				&& "57133-1".equals(c.getCode())), "Composition.type must be doc-typecodes#57133-1 (診療情報提供書)");
		require(problems, "診療情報提供書".equals(composition.getTitle()), "Composition.title must be 診療情報提供書");
		require(problems, composition.hasCustodian() && composition.hasDate() && composition.getAuthor().size() >= 2,
				"Composition needs a date, a custodian and two authors (doctor and institution)");
		require(problems, composition.getEvent().stream().anyMatch(e -> e.getPeriod().hasStart()),
				"Composition.event.period.start (the issue date) is required");
		List<Reference> references = new ArrayList<>(List.of(composition.getSubject(), composition.getCustodian()));
		references.addAll(composition.getAuthor());
		Map<String, Composition.SectionComponent> top = byCode(composition.getSection());
		for (String code : List.of("910", "920", "300")) {
			require(problems, top.containsKey(code), "the Composition needs section " + code);
		}
		if (top.containsKey("910")) {
			require(problems, top.get("910").getEntry().stream().anyMatch(r -> r.getReference() != null),
					"section 910 (紹介先情報) must reference the receiving Organization");
		}
		Map<String, Composition.SectionComponent> structured = top.containsKey("300") ? byCode(top.get("300").getSection())
				: Map.of();
		for (String code : List.of("950", "340", "360")) {
			require(problems, structured.containsKey(code), "section 300 (構造情報) needs section " + code);
		}
		require(problems, !structured.containsKey("340") || !structured.get("340").getEntry().isEmpty(),
				"section 340 (傷病名・主訴) must reference at least one Condition");
		for (Composition.SectionComponent section : all(composition.getSection())) {
			require(problems, section.getCode().getCoding().stream().allMatch(c -> ReferralBundle.SECTION_SYSTEM.equals(c.getSystem())),
					"section " + section.getTitle() + " must be coded in " + ReferralBundle.SECTION_SYSTEM);
			require(problems, section.getText().getStatus() == Narrative.NarrativeStatus.ADDITIONAL,
					"section " + section.getTitle() + " needs text with status additional");
			references.addAll(section.getEntry());
		}
		for (Reference reference : references) {
			require(problems, fullUrls.contains(reference.getReference()),
					"the reference " + reference.getReference() + " must point at an entry of the Bundle");
		}
	}

	private static void codes(List<String> problems, String where, CodeableConcept concept) {
		require(problems, concept.hasText(), where + ".text (the name as written) is required");
		for (Coding coding : concept.getCoding()) {
			require(problems, KNOWN_CODE_SYSTEMS.contains(coding.getSystem()) && coding.hasCode(),
					where + " uses an unknown code system " + coding.getSystem());
		}
	}

	private static String institutionExtension(DomainResource resource) {
		var extension = resource.getExtensionByUrl(ReferralBundle.INSTITUTION_EXTENSION);
		return extension != null && extension.getValue() instanceof Identifier id
				&& ReferralBundle.INSTITUTION_NO.equals(id.getSystem()) && id.hasValue() ? id.getValue() : "";
	}

	private static Map<String, Composition.SectionComponent> byCode(List<Composition.SectionComponent> sections) {
		return sections.stream().collect(Collectors.toMap(s -> s.getCode().getCodingFirstRep().getCode(), s -> s,
				(a, b) -> a));
	}

	private static List<Composition.SectionComponent> all(List<Composition.SectionComponent> sections) {
		List<Composition.SectionComponent> out = new ArrayList<>();
		for (Composition.SectionComponent section : sections) {
			out.add(section);
			out.addAll(all(section.getSection()));
		}
		return out;
	}

	private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
				.map(type::cast).toList();
	}

	private static void require(List<String> problems, boolean holds, String requirement) {
		if (!holds) {
			problems.add(requirement);
		}
	}
}
