package org.tsumugi.claims.uke;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.tsumugi.claims.CheckDigit;

/**
 * Writes synthetic UKE files for tests and the benchmark: made-up patients, codes from the synthetic
 * masters, every 医科 record type of a 出来高 receipt, and — at a chosen rate — the mistakes the rules look
 * for, so a benchmark exercises the rules and not just the reader. Deterministic for a given seed.
 */
public final class UkeGenerator {

	/** What to generate. {@code faultRate} is the share of receipts that get one deliberate mistake. */
	public record Options(int receipts, YearMonth month, long seed, double faultRate) {

		public static Options of(int receipts) {
			return new Options(receipts, YearMonth.of(2026, 10), 42, 0.1);
		}

	}

	/** The kinds of deliberate mistakes, each caught by one rule. */
	public enum Fault {
		INSURER_CHECK_DIGIT, ACTUAL_DAYS, OLD_SUSPECTED, DISEASE_AFTER_TREATMENT, NO_INDICATION, COUNT_LIMIT, EXCLUSIVE,
		AGE, SEX, MISSING_COMMENT, OUTCOME_CONFLICT
	}

	private static final String[] FAMILY = { "試験", "見本", "仮名", "架空", "合成" };

	private static final String[] GIVEN = { "太郎", "花子", "一郎", "桜", "健" };

	private static final String[] KANA_FAMILY = { "ｼｹﾝ", "ﾐﾎﾝ", "ｶﾒｲ", "ｶｸｳ", "ｺﾞｳｾｲ" };

	/** Drug code → the disease that is its indication (mirrors bpmn/claim-indication.dmn). */
	private static final String[][] DRUGS = { { "620000001", "2500015", "10.10" }, { "620000002", "4019004", "10.10" },
			{ "620000003", "2724006", "20.30" }, { "620000004", "5319009", "30.50" }, { "620000005", "", "5.90" },
			{ "620000006", "", "6.30" } };

	private static final String[] ACUTE_DISEASES = { "4660007", "4619001", "4870002" };

	private final Options options;

	private final SplittableRandom random;

	private int insurerSerial;

	public UkeGenerator(Options options) {
		this.options = options;
		this.random = new SplittableRandom(options.seed());
	}

	/** Writes the whole file. */
	public void write(Path file) throws IOException {
		try (UkeFileWriter out = UkeFileWriter.create(file)) {
			write(out);
		}
	}

	public void write(UkeFileWriter out) throws IOException {
		YearMonth month = options.month();
		out.record("IR,1,13,1,1312345,,医療法人　紡ぎ会　試験病院," + ym(month) + ",00,0312345678");
		long totalPoints = 0;
		int totalCount = 0;
		for (int n = 1; n <= options.receipts(); n++) {
			Fault fault = random.nextDouble() < options.faultRate() ? Fault.values()[random.nextInt(Fault.values().length)]
					: null;
			int[] counts = receipt(out, n, fault);
			totalPoints += counts[0];
			totalCount += counts[1];
		}
		out.record("GO," + totalCount + "," + totalPoints + ",99");
	}

	/** Writes one receipt; returns {points, count of payers for GO 総件数}. */
	private int[] receipt(UkeFileWriter out, int no, Fault fault) throws IOException {
		YearMonth month = options.month();
		boolean female = fault == Fault.SEX ? false : random.nextBoolean();
		int age = fault == Fault.AGE ? 30 + random.nextInt(40) : random.nextInt(95);
		LocalDate birth = month.atDay(1).minusYears(age).minusDays(1 + random.nextInt(300));
		boolean publicFund = random.nextInt(5) == 0;
		String kind = publicFund ? "1122" : "1112";
		List<String> lines = new ArrayList<>(24);
		String family = FAMILY[random.nextInt(FAMILY.length)];
		lines.add("RE," + no + "," + kind + "," + ym(month) + "," + family + "　" + GIVEN[random.nextInt(GIVEN.length)] + ","
				+ (female ? "2" : "1") + "," + ymd(birth) + ",,,,,,," + (100000 + no) + ",,,,,,,,01,,,,,,,,,,,,,,,"
				+ KANA_FAMILY[random.nextInt(KANA_FAMILY.length)] + " ﾀﾛｳ,");

		// Visit days: 1–4 distinct days; the first visit is 初診 for a third of the patients.
		int visits = 1 + random.nextInt(4);
		int[] visitDays = distinctDays(visits, month.lengthOfMonth());
		boolean firstVisit = random.nextInt(3) == 0;

		// Diseases: one chronic with its drug, sometimes an acute one.
		String[] drug = DRUGS[random.nextInt(4)];
		List<String> sy = new ArrayList<>();
		LocalDate chronicStart = firstVisit ? month.atDay(visitDays[0]) : month.atDay(1).minusMonths(6 + random.nextInt(24));
		if (fault == Fault.DISEASE_AFTER_TREATMENT) {
			chronicStart = month.atDay(Math.min(visitDays[0] + 1, month.lengthOfMonth()));
		}
		if (fault != Fault.NO_INDICATION) {
			sy.add("SY," + drug[1] + "," + ymd(chronicStart) + ",1,,,01,");
		}
		else {
			sy.add("SY,4619001," + ymd(chronicStart) + ",1,,,01,");
		}
		if (random.nextInt(3) == 0) {
			sy.add("SY," + ACUTE_DISEASES[random.nextInt(ACUTE_DISEASES.length)] + "," + ymd(month.atDay(visitDays[0]))
					+ ",2,,,,");
		}
		if (fault == Fault.OLD_SUSPECTED) {
			sy.add("SY,5319009," + ymd(month.atDay(1).minusMonths(5)) + ",1,8002,,,");
		}
		else if (random.nextInt(10) == 0) {
			sy.add("SY,5319009," + ymd(month.atDay(visitDays[0])) + ",1,8002,,,");
		}
		if (fault == Fault.OUTCOME_CONFLICT) {
			sy.add("SY," + drug[1] + "," + ymd(chronicStart) + ",2,,,,");
		}

		List<String> details = new ArrayList<>();
		int points = 0;
		// 初診・再診
		if (firstVisit) {
			details.add(si("11", "111000110", "291", 1, visitDays[0]));
			points += 291;
			if (age < 6 || fault == Fault.AGE) {
				details.add(si("", "111000570", "75", 1, visitDays[0]));
				points += 75;
			}
		}
		int revisitFrom = firstVisit ? 1 : 0;
		if (visits > revisitFrom) {
			int[] revisit = Arrays.copyOfRange(visitDays, revisitFrom, visits);
			details.add(si("12", "112007410", "75", revisit.length, revisit));
			points += 75 * revisit.length;
			boolean exclusive = fault == Fault.EXCLUSIVE;
			details.add(si("", "112011010", "52", revisit.length, revisit));
			points += 52 * revisit.length;
			if (exclusive) {
				details.add(si("40", "140000610", "52", 1, revisit[0]));
				points += 52;
			}
		}
		// 医学管理
		int managementCount = fault == Fault.COUNT_LIMIT ? 3 : Math.min(2, visits);
		if (!firstVisit || fault == Fault.COUNT_LIMIT) {
			details.add(si("13", "113001810", "225", managementCount, Arrays.copyOf(visitDays, Math.min(managementCount, visits))));
			points += 225 * managementCount;
		}
		if (fault == Fault.MISSING_COMMENT || random.nextInt(20) == 0) {
			details.add(si("13", "180016110", "250", 1, visitDays[visits - 1]));
			points += 250;
			if (fault != Fault.MISSING_COMMENT) {
				details.add("CO,,1,830100001,紹介先：架空総合病院　内科");
			}
		}
		// 投薬: the chronic drug 28 days, dispensed in-house on the last visit.
		int day = visitDays[visits - 1];
		details.add(iy("21", drug[0], "1", "", 28, day));
		details.add(iy("", "620000005", "2", "3", 28, day));
		points += 3 * 28;
		details.add(si("", "120000710", "11", 1, day));
		details.add(si("25", "120001210", "42", 1, day));
		points += 53;
		// 検査
		if (random.nextBoolean() || fault == Fault.SEX) {
			details.add(si("60", "160000310", "", 1, visitDays[0]));
			details.add(si("", "160008010", "47", 1, visitDays[0]));
			points += 47;
			if (female && random.nextInt(4) == 0 || fault == Fault.SEX) {
				details.add(si("", "160600010", "150", 1, visitDays[0]));
				points += 150;
			}
		}
		// 画像 with film (特定器材), sometimes.
		if (random.nextInt(10) == 0) {
			details.add(si("70", "170000410", "85", 1, visitDays[0]));
			details.add(to("", "700000001", "1", "", 1, visitDays[0]));
			points += 85;
		}
		int days = fault == Fault.ACTUAL_DAYS ? visits + 1 : visits;
		String insurer = insurerNumber(fault == Fault.INSURER_CHECK_DIGIT);
		lines.add("HO," + insurer + ",１２３," + (1000 + no) + "," + days + "," + points + ",,,,,,,,,");
		if (publicFund) {
			lines.add("KO," + withCheckDigit("5413" + "001") + "," + withCheckDigit("123456") + ",," + days + "," + points
					+ ",,,,,,");
		}
		lines.add("SN,1,01,,,,,,");
		lines.add(jd("1", visitDays));
		lines.add("MF,00" + ",".repeat(31));
		lines.addAll(sy);
		lines.addAll(details);
		if (random.nextInt(50) == 0) {
			lines.add("SJ,01,症状経過の詳記（合成データ）");
		}
		for (String line : lines) {
			out.record(line);
		}
		return new int[] { points, publicFund ? 2 : 1 };
	}

	private String insurerNumber(boolean wrongCheckDigit) {
		// 法別 06 (組合管掌), 都道府県 13, a serial; the check digit as the 番号設定要領 prescribes.
		String body = "0613" + String.format("%03d", insurerSerial++ % 1000);
		String valid = withCheckDigit(body);
		if (!wrongCheckDigit) {
			return valid;
		}
		int digit = valid.charAt(valid.length() - 1) - '0';
		return body + ((digit + 1) % 10);
	}

	/** Appends the check digit of the 番号設定要領 so generated numbers are valid unless meant not to be. */
	static String withCheckDigit(String body) {
		return body + CheckDigit.expected(body);
	}

	private int[] distinctDays(int n, int max) {
		int[] days = new int[n];
		int filled = 0;
		while (filled < n) {
			int d = 1 + random.nextInt(max);
			boolean seen = false;
			for (int k = 0; k < filled; k++) {
				seen |= days[k] == d;
			}
			if (!seen) {
				days[filled++] = d;
			}
		}
		Arrays.sort(days);
		return days;
	}

	private static String si(String category, String code, String points, int count, int... days) {
		return "SI," + category + ",1," + code + ",," + points + "," + count + ",,,,,,," + dayFields(days, count);
	}

	private static String iy(String category, String code, String usage, String points, int count, int day) {
		return "IY," + category + ",1," + code + "," + usage + "," + points + "," + count + ",,,,,,," + dayFields(new int[] { day }, count);
	}

	private static String to(String category, String code, String usage, String points, int count, int day) {
		return "TO," + category + ",1," + code + "," + usage + "," + points + "," + count + ",,,,,,,,,,,"
				+ dayFields(new int[] { day }, count);
	}

	/** 31 day fields (算定日情報); the count is spread over the given days, the remainder on the last. */
	public static String dayFields(int[] days, int count) {
		int[] perDay = new int[31];
		for (int d : days) {
			perDay[d - 1] = 1;
		}
		perDay[days[days.length - 1] - 1] += Math.max(0, count - days.length);
		StringBuilder sb = new StringBuilder(64);
		for (int d = 0; d < 31; d++) {
			if (d > 0) {
				sb.append(',');
			}
			if (perDay[d] > 0) {
				sb.append(perDay[d]);
			}
		}
		return sb.toString();
	}

	private static String jd(String payerKind, int[] days) {
		StringBuilder sb = new StringBuilder("JD,").append(payerKind);
		boolean[] visit = new boolean[31];
		for (int d : days) {
			visit[d - 1] = true;
		}
		for (int d = 0; d < 31; d++) {
			sb.append(',').append(visit[d] ? "1" : "");
		}
		return sb.toString();
	}

	private static String ym(YearMonth month) {
		return String.format("%04d%02d", month.getYear(), month.getMonthValue());
	}

	private static String ymd(LocalDate date) {
		return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
	}

}
