package org.tsumugi.referral.letter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the letter is drafted from: the doctor's request, the chart as the EMR robot read it
 * ({@code emr*} variables of the {@code sandbox-emr/patient-summary} scenario) and the attachments'
 * text as the document robots read it ({@code attachmentResults}).
 */
public record Facts(Request request, Patient patient, Chart chart, List<Attachment> attachments) {

	public record Request(String patientId, String destinationInstitution, String destinationDepartment,
			String destinationDoctor, String requestingDoctor, String purpose) {
	}

	public record Patient(String id, String name, String kana, String birthDate, String sex, String address,
			String phone, String occupation) {
	}

	/** Rows are keyed by the EMR's column headings (傷病名, 薬剤, 項目, …). */
	public record Chart(List<Map<String, String>> diagnoses, List<Map<String, String>> prescriptions,
			String allergies, String history, String familyHistory, String course, String treatment,
			List<Map<String, String>> results) {
	}

	/** One attachment: its text when it could be read, otherwise why not. */
	public record Attachment(String name, String text, String error) {

		public boolean readable() {
			return error == null;
		}
	}

	public static Facts fromVariables(Map<String, Object> v) {
		Request request = new Request(text(v, "patientId"), text(v, "destinationInstitution"),
				text(v, "destinationDepartment"), text(v, "destinationDoctor"), text(v, "requestingDoctor"),
				text(v, "purpose"));
		Patient patient = new Patient(text(v, "patientId"), text(v, "emrPatientName"), text(v, "emrPatientKana"),
				text(v, "emrBirthDate"), text(v, "emrSex"), text(v, "emrAddress"), text(v, "emrPhone"),
				text(v, "emrOccupation"));
		Chart chart = new Chart(rows(v.get("emrDiagnoses")), rows(v.get("emrPrescriptions")), text(v, "emrAllergies"),
				text(v, "emrHistory"), text(v, "emrFamilyHistory"), text(v, "emrCourse"), text(v, "emrTreatment"),
				rows(v.get("emrResults")));
		List<Attachment> attachments = new ArrayList<>();
		if (v.get("attachmentResults") instanceof List<?> list) {
			int n = 0;
			for (Object item : list) {
				n++;
				Map<?, ?> result = item instanceof Map<?, ?> map ? map : Map.of();
				String name = result.get("name") == null ? "添付資料" + n : result.get("name").toString();
				boolean ok = Boolean.TRUE.equals(result.get("ok"));
				String error = ok ? null : result.get("error") == null ? "読み取れませんでした" : result.get("error").toString();
				attachments.add(new Attachment(name, ok ? String.valueOf(result.get("text") == null ? "" : result.get("text")) : null, error));
			}
		}
		return new Facts(request, patient, chart, attachments);
	}

	public List<Attachment> failedAttachments() {
		return attachments.stream().filter(a -> !a.readable()).toList();
	}

	private static String text(Map<String, Object> v, String name) {
		Object value = v.get(name);
		return value == null ? "" : value.toString().strip();
	}

	private static List<Map<String, String>> rows(Object value) {
		List<Map<String, String>> rows = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object row : list) {
				if (row instanceof Map<?, ?> map) {
					Map<String, String> copy = new LinkedHashMap<>();
					map.forEach((k, cell) -> copy.put(String.valueOf(k), cell == null ? "" : cell.toString().strip()));
					rows.add(copy);
				}
			}
		}
		return rows;
	}
}
