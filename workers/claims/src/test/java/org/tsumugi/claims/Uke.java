package org.tsumugi.claims;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.tsumugi.claims.uke.Receipt;
import org.tsumugi.claims.uke.UkeFileWriter;
import org.tsumugi.claims.uke.UkeGenerator;
import org.tsumugi.claims.uke.UkeProblem;
import org.tsumugi.claims.uke.UkeReader;

/**
 * Test fixture: a small, clean 医科 receipt for October 2026 as UKE lines, helpers to vary one line, and
 * a way to read lines back through the real reader.
 */
public final class Uke {

	public static final String IR = "IR,1,13,1,1312345,,試験病院,202610,00,0312345678";

	public static final String RE = "RE,1,1112,202610,試験　太郎,1,19600101,,,,,,,100001,,,,,,,,01,,,,,,,,,,,,,,,ｼｹﾝ ﾀﾛｳ,";

	/** 保険者番号 06130017 has a valid check digit; 1 day, 264 points. */
	public static final String HO = "HO,06130017,１２３,4567,1,264,,,,,,,,,";

	public static final String SY = "SY,4019004,20250101,1,,,01,";

	/** 再診料, 外来管理加算, a drug for 高血圧 with acetaminophen, 調剤料, 処方料 — all on the 5th. */
	public static List<String> details() {
		return List.of(si("12", "112007410", "75", 1, 5), si("", "112011010", "52", 1, 5), iy("21", "620000002", "1", "", 28, 5),
				iy("", "620000005", "2", "3", 28, 5), si("", "120000710", "11", 1, 5), si("25", "120001210", "42", 1, 5));
	}

	public static final String GO = "GO,1,264,99";

	private Uke() {
	}

	/** The clean receipt: RE, HO, JD, SY and the details. */
	public static List<String> receipt() {
		List<String> lines = new ArrayList<>(List.of(RE, HO, jd(5), SY));
		lines.addAll(details());
		return lines;
	}

	/** A whole file: IR, the given receipt lines, GO. */
	public static List<String> file(List<String> receiptLines) {
		List<String> lines = new ArrayList<>();
		lines.add(IR);
		lines.addAll(receiptLines);
		lines.add(GO);
		return lines;
	}

	public static byte[] bytes(List<String> lines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (UkeFileWriter writer = new UkeFileWriter(out)) {
			for (String line : lines) {
				writer.record(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Everything the reader produced from some bytes. */
	public record Read(List<Receipt> receipts, List<UkeProblem> fileProblems, UkeReader reader) {

		public Receipt only() {
			if (receipts.size() != 1) {
				throw new AssertionError("expected one receipt, got " + receipts.size());
			}
			return receipts.get(0);
		}

	}

	public static Read read(byte[] bytes) {
		try (UkeReader reader = new UkeReader(new ByteArrayInputStream(bytes))) {
			List<Receipt> receipts = new ArrayList<>();
			Receipt r;
			while ((r = reader.next()) != null) {
				receipts.add(r);
			}
			return new Read(receipts, reader.fileProblems(), reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Read read(List<String> lines) {
		return read(bytes(lines));
	}

	/** Reads the file made of IR, the lines and GO, and returns its one receipt. */
	public static Receipt receiptOf(List<String> receiptLines) {
		return read(file(receiptLines)).only();
	}

	/** Replaces the line that starts with {@code prefix} in the clean receipt. */
	public static List<String> replacing(String prefix, String line) {
		List<String> lines = new ArrayList<>(receipt());
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				lines.set(i, line);
				return lines;
			}
		}
		throw new AssertionError("no line starts with " + prefix);
	}

	/** The clean receipt with extra lines appended. */
	public static List<String> adding(String... extra) {
		List<String> lines = new ArrayList<>(receipt());
		lines.addAll(List.of(extra));
		return lines;
	}

	public static String si(String category, String code, String points, int count, int... days) {
		return "SI," + category + ",1," + code + ",," + points + "," + count + ",,,,,,," + days(count, days);
	}

	public static String iy(String category, String code, String usage, String points, int count, int day) {
		return "IY," + category + ",1," + code + "," + usage + "," + points + "," + count + ",,,,,,," + days(count, day);
	}

	public static String jd(int... days) {
		boolean[] visit = new boolean[31];
		for (int d : days) {
			visit[d - 1] = true;
		}
		StringBuilder sb = new StringBuilder("JD,1");
		for (int d = 0; d < 31; d++) {
			sb.append(',').append(visit[d] ? "1" : "");
		}
		return sb.toString();
	}

	/** 31 day fields: one per listed day, the rest of the count on the last. */
	public static String days(int count, int... days) {
		return UkeGenerator.dayFields(days, count);
	}

}
