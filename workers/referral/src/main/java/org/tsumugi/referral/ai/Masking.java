package org.tsumugi.referral.ai;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tsumugi.referral.letter.Facts;

/**
 * Replaces the patient's identifiers (name and its parts, kana, ID, date of birth in the usual
 * spellings, address, phone number) with placeholders before text leaves the hospital, and puts them
 * back into the answer. Phone-number-like strings are masked even when they are not the patient's:
 * family members' numbers turn up in scanned letters too.
 */
public final class Masking {

	private static final Pattern PHONE = Pattern.compile("0\\d{1,4}[-‐－ー]\\d{1,4}[-‐－ー]\\d{3,4}|0\\d{9,10}");

	private final Map<String, String> placeholderToValue = new LinkedHashMap<>();

	private final List<String> identifiers;

	public Masking(Facts.Patient patient) {
		Set<String> values = new LinkedHashSet<>();
		addName(values, patient.name());
		addName(values, patient.kana());
		add(values, patient.id());
		add(values, patient.address());
		add(values, patient.phone());
		if (patient.phone() != null) {
			add(values, patient.phone().replaceAll("\\D", ""));
		}
		addDate(values, patient.birthDate());
		List<String> sorted = new ArrayList<>(values);
		// Longest first, so that the full name is replaced before its parts.
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		this.identifiers = sorted;
	}

	public String mask(String text) {
		if (text == null) {
			return null;
		}
		String masked = text;
		for (String value : identifiers) {
			if (masked.contains(value)) {
				masked = masked.replace(value, placeholderFor(value));
			}
		}
		Matcher phone = PHONE.matcher(masked);
		StringBuilder out = new StringBuilder();
		while (phone.find()) {
			phone.appendReplacement(out, Matcher.quoteReplacement(placeholderFor(phone.group())));
		}
		phone.appendTail(out);
		return out.toString();
	}

	public String unmask(String text) {
		if (text == null) {
			return null;
		}
		String restored = text;
		for (Map.Entry<String, String> entry : placeholderToValue.entrySet()) {
			restored = restored.replace(entry.getKey(), entry.getValue());
		}
		return restored;
	}

	private String placeholderFor(String value) {
		for (Map.Entry<String, String> entry : placeholderToValue.entrySet()) {
			if (entry.getValue().equals(value)) {
				return entry.getKey();
			}
		}
		String placeholder = "［個人情報" + (placeholderToValue.size() + 1) + "］";
		placeholderToValue.put(placeholder, value);
		return placeholder;
	}

	private static void addName(Set<String> values, String name) {
		add(values, name);
		if (name == null) {
			return;
		}
		add(values, name.replaceAll("[\\s　]", ""));
		for (String part : name.split("[\\s　]+")) {
			// A one-letter part would mask that letter everywhere in the medical text.
			if (part.length() >= 2) {
				add(values, part);
			}
		}
	}

	private static void addDate(Set<String> values, String iso) {
		add(values, iso);
		if (iso == null || iso.isBlank()) {
			return;
		}
		try {
			LocalDate date = LocalDate.parse(iso.strip());
			add(values, date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日");
			add(values, String.format("%d/%02d/%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
			add(values, String.format("%d/%d/%d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
			add(values, String.format("%d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
		}
		catch (DateTimeParseException ex) {
			// Not an ISO date: only its literal spelling is masked.
		}
	}

	private static void add(Set<String> values, String value) {
		if (value != null && !value.isBlank()) {
			values.add(value.strip());
		}
	}
}
