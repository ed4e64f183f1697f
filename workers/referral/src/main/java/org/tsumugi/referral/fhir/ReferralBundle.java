package org.tsumugi.referral.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.tsumugi.referral.ReferralProperties.Institution;
import org.tsumugi.referral.letter.Facts;
import org.tsumugi.referral.letter.PrescriptionLines;
import org.tsumugi.referral.letter.Sections;

/**
 * The approved letter as a FHIR R4 document Bundle after the JP-CLINS referral profile
 * (JP_Bundle_eReferral / JP_Composition_eReferral): Composition first, then the patient, the author,
 * both institutions and the structured sections (紹介目的, 傷病名, 現病歴, …). Built only after the
 * doctor's approval, so its status is final.
 */
public class ReferralBundle {

	static final String PROFILE_BASE = "http://jpfhir.jp/fhir/eReferral/StructureDefinition/";

	public static final String SECTION_SYSTEM = "http://jpfhir.jp/fhir/eReferral/CodeSystem/document-section";

	static final String DOC_TYPES = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final String BUNDLE_IDS = "http://jpfhir.jp/fhir/core/IdSystem/documentInstance-identifier";

	/** 医療機関番号 (10 digits) as an identifier system, on the Organization and inside the extension below. */
	public static final String INSTITUTION_NO = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";

	/** CLINS: which institution wrote a resource (Patient, Condition, MedicationRequest). */
	public static final String INSTITUTION_EXTENSION = "http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber";

	/** The patient's ID at the writing institution: this prefix, "1", then its 10-digit 医療機関番号. */
	public static final String PATIENT_ID_PREFIX = "urn:oid:1.2.392.100495.20.3.51.1";

	/** CLINS meta.tag: LTS asks the sharing service to keep the document long term. */
	public static final String INDICATION_TAGS = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";

	/** Code systems of a diagnosis, by the EMR's column that carries the code. */
	static final Map<String, String> DIAGNOSIS_CODES = Map.of("病名交換用コード", "urn:oid:1.2.392.200119.4.101.6",
			"病名管理番号", "urn:oid:1.2.392.200119.4.101.2", "ICD10", "urn:oid:2.16.840.1.113883.6.3.1");

	/** Code systems of a drug, by the EMR's column that carries the code. */
	static final Map<String, String> DRUG_CODES = Map.of("HOT9", "http://medis.or.jp/CodeSystem/master-HOT9");

	private final FhirContext fhir;

	public ReferralBundle(FhirContext fhir) {
		this.fhir = fhir;
	}

	public String toJson(Bundle document) {
		return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(document);
	}

	public Bundle build(Facts facts, Sections sections, Institution source, long letterNumber, Instant issuedAt) {
		Date issued = Date.from(issuedAt);
		Bundle bundle = new Bundle();
		bundle.setType(Bundle.BundleType.DOCUMENT);
		bundle.getMeta().addProfile(PROFILE_BASE + "JP_Bundle_eReferral").setLastUpdated(issued);
		bundle.getMeta().addTag(INDICATION_TAGS, "LTS", "長期保存");
		bundle.setIdentifier(new Identifier().setSystem(BUNDLE_IDS)
				.setValue(source.code() + "-" + issuedAt.atZone(JAPAN).getYear() + "-" + letterNumber));
		bundle.setTimestamp(issued);

		Patient patient = patient(facts.patient(), source);
		Organization from = new Organization().setName(source.name());
		from.addIdentifier().setSystem(INSTITUTION_NO).setValue(source.code());
		if (!source.address().isBlank()) {
			from.addAddress().setText(source.address());
		}
		if (!source.phone().isBlank()) {
			from.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue(source.phone());
		}
		Practitioner author = new Practitioner();
		author.addName().setText(facts.request().requestingDoctor());
		Organization to = new Organization().setName(facts.request().destinationInstitution());
		Practitioner addressee = new Practitioner();
		addressee.addName().setText(facts.request().destinationDoctor());

		Encounter purpose = new Encounter();
		purpose.setStatus(Encounter.EncounterStatus.FINISHED);
		purpose.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
		purpose.addReasonCode().setText(sections.purpose());

		Composition composition = new Composition();
		List<Resource> resources = new java.util.ArrayList<>(List.of(patient, author, from, to, addressee, purpose));
		String patientRef = ref(patient);
		purpose.setSubject(new Reference(patientRef));
		composition.getMeta().addProfile(PROFILE_BASE + "JP_Composition_eReferral");
		composition.addExtension("http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber",
				new StringType("1"));
		composition.setIdentifier(new Identifier().setSystem("http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier")
				.setValue(bundle.getIdentifier().getValue()));
		composition.setStatus(Composition.CompositionStatus.FINAL);
		CodeableConcept type = new CodeableConcept(new Coding(DOC_TYPES, "57133-1", "診療情報提供書"));
		composition.setType(type);
		composition.addCategory(type.copy());
		composition.setSubject(new Reference(patientRef));
		composition.setDate(issued);
		composition.addAuthor(new Reference(ref(author)));
		composition.addAuthor(new Reference(ref(from)));
		composition.setTitle("診療情報提供書");
		composition.setCustodian(new Reference(ref(from)));
		composition.addEvent().setPeriod(new Period().setStart(issued)).addCode().setText("診療情報提供書発行");

		section(composition.addSection(), "910", "紹介先情報", facts.request().destinationInstitution() + " "
				+ facts.request().destinationDepartment() + " " + facts.request().destinationDoctor(), to, addressee);
		section(composition.addSection(), "920", "紹介元情報", source.name() + " " + facts.request().requestingDoctor(), from,
				author);
		Composition.SectionComponent structured = composition.addSection();
		section(structured, "300", "構造情報", "紹介目的、傷病名、現病歴、既往歴、臨床経過、投薬指示");
		section(structured.addSection(), "950", "紹介目的", sections.purpose(), purpose);

		Condition[] diagnoses = sections.diagnosis().lines().filter(l -> !l.isBlank())
				.map(line -> condition(line, patientRef, codes(line, facts.chart().diagnoses(), "傷病名", DIAGNOSIS_CODES),
						source)).toArray(Condition[]::new);
		if (diagnoses.length == 0) {
			diagnoses = new Condition[] { condition(sections.diagnosis().isBlank() ? "記載なし" : sections.diagnosis(), patientRef,
					List.of(), source) };
		}
		section(structured.addSection(), "340", "傷病名・主訴", sections.diagnosis(), diagnoses);
		resources.addAll(List.of(diagnoses));
		Condition presentIllness = condition("現病歴", patientRef, List.of(), source);
		presentIllness.addNote().setText(sections.courseAndResults());
		resources.add(presentIllness);
		section(structured.addSection(), "360", "現病歴", sections.courseAndResults(), presentIllness);
		section(structured.addSection(), "370", "既往歴", sections.history());
		section(structured.addSection(), "330", "臨床経過", sections.treatment());
		MedicationRequest[] drugs = PrescriptionLines.parse(sections.prescription()).stream()
				.map(row -> medication(row, patientRef, ref(author),
						codes(String.valueOf(row.get("薬剤")), facts.chart().prescriptions(), "薬剤", DRUG_CODES), source))
				.toArray(MedicationRequest[]::new);
		resources.addAll(List.of(drugs));
		section(structured.addSection(), "430", "投薬指示", sections.prescription(), drugs);
		if (!sections.remarks().isBlank()) {
			section(composition.addSection(), "220", "備考・連絡", sections.remarks());
		}

		bundle.addEntry().setFullUrl(ref(composition)).setResource(composition);
		for (Resource resource : resources) {
			bundle.addEntry().setFullUrl(ref(resource)).setResource(resource);
		}
		return bundle;
	}

	private static Patient patient(Facts.Patient p, Institution source) {
		Patient patient = new Patient();
		writtenBy(patient, source);
		patient.addIdentifier().setSystem(PATIENT_ID_PREFIX + source.code()).setValue(p.id());
		patient.addName().setText(p.name());
		if (!p.kana().isBlank()) {
			patient.addName().setText(p.kana()).addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation",
					new org.hl7.fhir.r4.model.CodeType("SYL"));
		}
		patient.setGender(switch (p.sex()) {
			case "男", "男性" -> AdministrativeGender.MALE;
			case "女", "女性" -> AdministrativeGender.FEMALE;
			default -> AdministrativeGender.UNKNOWN;
		});
		try {
			patient.setBirthDate(Date.from(LocalDate.parse(p.birthDate()).atStartOfDay(JAPAN).toInstant()));
		}
		catch (DateTimeParseException ex) {
			// An unreadable birth date is left out rather than guessed.
		}
		if (!p.address().isBlank()) {
			patient.addAddress().setText(p.address());
		}
		if (!p.phone().isBlank()) {
			patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
		}
		return patient;
	}

	private static Condition condition(String text, String patientRef, List<Coding> codes, Institution source) {
		Condition condition = new Condition();
		writtenBy(condition, source);
		boolean suspected = text.contains("［疑い］") || text.endsWith("の疑い");
		CodeableConcept code = new CodeableConcept().setText(text.replace("［疑い］", ""));
		codes.forEach(code::addCoding);
		condition.setCode(code);
		condition.setVerificationStatus(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/condition-ver-status", suspected ? "unconfirmed" : "confirmed", null)));
		condition.setSubject(new Reference(patientRef));
		return condition;
	}

	private static MedicationRequest medication(Map<String, Object> row, String patientRef, String authorRef,
			List<Coding> codes, Institution source) {
		MedicationRequest request = new MedicationRequest();
		writtenBy(request, source);
		request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		CodeableConcept drug = new CodeableConcept().setText(String.valueOf(row.get("薬剤")));
		codes.forEach(drug::addCoding);
		request.setMedication(drug);
		request.addDosageInstruction().setText((row.get("用法") + " " + row.get("日数")).strip());
		request.setSubject(new Reference(patientRef));
		request.setRequester(new Reference(authorRef));
		return request;
	}

	private static void writtenBy(org.hl7.fhir.r4.model.DomainResource resource, Institution source) {
		resource.addExtension(INSTITUTION_EXTENSION, new Identifier().setSystem(INSTITUTION_NO).setValue(source.code()));
	}

	/**
	 * The codes the chart gave for the row this line of the letter came from: the row whose name (column
	 * {@code nameColumn}) the line starts with, a doctor's rewording having no codes. The text stays the
	 * line the doctor approved.
	 */
	static List<Coding> codes(String line, List<Map<String, String>> rows, String nameColumn, Map<String, String> systems) {
		String text = line.replace("［疑い］", "").strip();
		for (Map<String, String> row : rows) {
			String name = row.getOrDefault(nameColumn, "");
			if (!name.isBlank() && text.startsWith(name)) {
				List<Coding> codings = new java.util.ArrayList<>();
				systems.forEach((column, system) -> {
					String value = row.getOrDefault(column, "");
					if (!value.isBlank()) {
						codings.add(new Coding(system, value, name));
					}
				});
				codings.sort(java.util.Comparator.comparing(Coding::getSystem));
				return codings;
			}
		}
		return List.of();
	}

	private static void section(Composition.SectionComponent section, String code, String title, String text,
			Resource... entries) {
		section.setTitle(title).setCode(code(code, title));
		Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.ADDITIONAL);
		XhtmlNode div = new XhtmlNode(org.hl7.fhir.utilities.xhtml.NodeType.Element, "div");
		div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
		String[] lines = (text == null || text.isBlank() ? "記載なし" : text).split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				div.addTag("br");
			}
			div.addText(lines[i]);
		}
		narrative.setDiv(div);
		section.setText(narrative);
		for (Resource entry : entries) {
			section.addEntry(new Reference(ref(entry)));
		}
	}

	private static CodeableConcept code(String code, String display) {
		return new CodeableConcept(new Coding(SECTION_SYSTEM, code, display));
	}

	/** Entries are referenced by their fullUrl, a fresh urn:uuid, as FHIR documents do. */
	private static String ref(Resource resource) {
		if (resource.getIdElement().isEmpty()) {
			resource.setId(UUID.randomUUID().toString());
		}
		return "urn:uuid:" + resource.getIdElement().getIdPart();
	}
}
