package org.tsumugi.claims.uke;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.tsumugi.claims.Severity;

/**
 * The typed records of a 医科 UKE file, one nested type per record type, each carrying the line it came
 * from so every finding can point at it. Field meanings follow 記録条件仕様 (医科); fields that no
 * check uses yet are kept as text. Personal fields are left out of {@code toString} so that a record
 * printed by mistake does not leak a patient's name into a log.
 */
public final class UkeRecords {

	private UkeRecords() {
	}

	/** IR 医療機関情報: one per file. */
	public record Ir(int line, String payer, String prefecture, String scoreTable, String hospitalCode,
			String hospitalName, YearMonth billingMonth, String volume, String phone) {

		static Ir parse(Fields f) {
			return new Ir(f.line(), f.code(1, true, 1), f.code(2, true, 2), f.code(3, true, 1), f.code(4, true, 7), f.text(6),
					f.month(7, true), f.text(8), f.text(9));
		}

		/** 支払基金 (1) or 国保連 (2). */
		public String payerName() {
			return switch (payer) {
				case "1" -> "社会保険診療報酬支払基金";
				case "2" -> "国民健康保険団体連合会";
				default -> "審査支払機関" + payer;
			};
		}

	}

	/** One 診療科 of an RE record (up to three). */
	public record Department(String name, String bodyPart, String sex, String treatment, String disease) {
	}

	/** RE レセプト共通: starts a receipt (one patient, one month, one combination of payers). */
	public record Re(int line, Integer receiptNo, String kind, YearMonth month, String name, String sex, LocalDate birthDate,
			String benefitRate, LocalDate admissionDate, String wards, String burdenClass, String specialNotes, Integer beds,
			String chartNo, String discountUnitPrice, String searchNo, String specVersion, String requestInfo,
			List<Department> departments, String kanaName, String patientState) {

		static Re parse(Fields f) {
			String kind = f.code(2, true, 4);
			String sex = f.required(5);
			if (!sex.isEmpty() && !sex.equals("1") && !sex.equals("2")) {
				f.report(5, "UKE_FIELD_CODE", Severity.ERROR, "男女区分は1（男）か2（女）です（値: " + sex + "）。");
			}
			List<Department> departments = new ArrayList<>(3);
			for (int d = 0; d < 3; d++) {
				int at = 21 + d * 5;
				if (!f.text(at).isEmpty()) {
					departments.add(new Department(f.text(at), f.text(at + 1), f.text(at + 2), f.text(at + 3), f.text(at + 4)));
				}
			}
			return new Re(f.line(), f.integer(1, true), kind, f.month(3, true), f.text(4), sex, f.date(6, true), f.text(7),
					f.date(8, false), f.text(9), f.text(10), f.text(11), f.integer(12, false), f.text(13), f.text(14), f.text(18),
					f.text(19), f.text(20), List.copyOf(departments), f.text(36), f.text(37));
		}

		/** True for 入院 receipts: the last digit of レセプト種別 is odd for 入院 (1 本人入院, 3, 5, 7, 9). */
		public boolean inpatient() {
			return kind.length() == 4 && (kind.charAt(3) - '0') % 2 == 1;
		}

		@Override
		public String toString() {
			return "Re[line=" + line + ", receiptNo=" + receiptNo + ", kind=" + kind + ", month=" + month + "]";
		}

	}

	/** HO 保険者: the health insurer (主保険). */
	public record Ho(int line, String insurerNo, String symbol, String number, Integer days, Integer points, Integer mealCount,
			Integer mealAmount, String occupational, String certificateNo, Integer burden, String reductionClass,
			Integer reductionRate, Integer reductionAmount) {

		static Ho parse(Fields f) {
			return new Ho(f.line(), f.code(1, true, 8, 6), f.text(2), f.text(3), f.integer(4, true), f.integer(5, true),
					f.integer(7, false), f.integer(8, false), f.text(9), f.text(10), f.integer(11, false), f.text(12),
					f.integer(13, false), f.integer(14, false));
		}

		@Override
		public String toString() {
			return "Ho[line=" + line + ", insurerNo=" + insurerNo + ", days=" + days + ", points=" + points + "]";
		}

	}

	/** KO 公費: one public-expense payer; their order in the receipt is 第1公費 … 第4公費. */
	public record Ko(int line, String payerNo, String recipientNo, String optionalBenefit, Integer days, Integer points,
			Integer burden, Integer outpatientCopay, Integer inpatientCopay, Integer mealCount, Integer mealAmount) {

		static Ko parse(Fields f) {
			return new Ko(f.line(), f.code(1, true, 8), f.code(2, false, 7), f.text(3), f.integer(4, true), f.integer(5, true),
					f.integer(6, false), f.integer(7, false), f.integer(8, false), f.integer(10, false), f.integer(11, false));
		}

		/** 法別番号: the first two digits of 公費負担者番号. */
		public String lawCode() {
			return payerNo.length() >= 2 ? payerNo.substring(0, 2) : "";
		}

		@Override
		public String toString() {
			return "Ko[line=" + line + ", payerNo=" + payerNo + ", days=" + days + ", points=" + points + "]";
		}

	}

	/** SN 資格確認. Code meanings are not used by any check yet, so they stay text. */
	public record Sn(int line, String payerKind, String confirmation, String insurerNo, String symbol, String number,
			String branch, String recipientNo) {

		static Sn parse(Fields f) {
			return new Sn(f.line(), f.text(1), f.text(2), f.text(3), f.text(4), f.text(5), f.text(6), f.text(7));
		}

		@Override
		public String toString() {
			return "Sn[line=" + line + ", payerKind=" + payerKind + ", confirmation=" + confirmation + "]";
		}

	}

	/** JD 受診日等: one flag per day of the month for one payer kind. */
	public record Jd(int line, String payerKind, int[] days) {

		static Jd parse(Fields f) {
			return new Jd(f.line(), f.text(1), f.days(2));
		}

		/** Days of the month (1-based) with any 受診等区分 recorded. */
		public int visitDayCount() {
			int n = 0;
			for (int d : days) {
				n += d > 0 ? 1 : 0;
			}
			return n;
		}

	}

	/** MF 窓口負担額. */
	public record Mf(int line, String windowClass) {

		static Mf parse(Fields f) {
			return new Mf(f.line(), f.text(1));
		}

	}

	/** SY 傷病名. */
	public record Sy(int line, String code, LocalDate startDate, String outcome, List<String> modifiers, String name,
			boolean main, String comment) {

		/** 未コード化傷病名: the name is in the text field instead of a master code. */
		public static final String UNCODED = "0000999";

		/** 修飾語 「の疑い」 (a suffix code). */
		public static final String SUSPECTED = "8002";

		static Sy parse(Fields f) {
			String modifierText = f.text(4);
			List<String> modifiers = new ArrayList<>(modifierText.length() / 4);
			if (modifierText.length() % 4 != 0 || (!modifierText.isEmpty() && !Fields.isDigits(modifierText))) {
				f.report(4, "UKE_FIELD_CODE", Severity.ERROR,
						"修飾語コードは4桁の数字の連続です（値: " + modifierText + "）。");
			}
			else {
				for (int k = 0; k < modifierText.length(); k += 4) {
					modifiers.add(modifierText.substring(k, k + 4));
				}
			}
			String outcome = f.required(3);
			String main = f.text(6);
			return new Sy(f.line(), f.code(1, true, 7), f.date(2, true), outcome, List.copyOf(modifiers), f.text(5),
					"01".equals(main), f.text(7));
		}

		/** 疑い病名: the suffix modifier 「の疑い」, or an uncoded name that says so. */
		public boolean suspected() {
			return modifiers.contains(SUSPECTED) || (UNCODED.equals(code) && name.contains("疑い"));
		}

		@Override
		public String toString() {
			return "Sy[line=" + line + ", code=" + code + ", startDate=" + startDate + ", outcome=" + outcome + "]";
		}

	}

	/** A comment written into one of the three comment slots of an SI, IY or TO line. */
	public record EmbeddedComment(String code, String text) {
	}

	/** The 摘要 lines: SI, IY, TO and CO in printed order. */
	public sealed interface Detail permits Si, Iy, To, Co {

		int line();

		/** 診療識別 as written, or inherited from the previous line when left blank (一連の記録). */
		String category();

		String burden();

		String code();

		/** Count per day of the month (index 0 is the 1st); null for CO, which has no days. */
		default int[] days() {
			return null;
		}

		/** 点数, null when blank (earlier lines of one 算定単位) or for CO. */
		default Integer points() {
			return null;
		}

		/** 回数, null for CO. */
		default Integer count() {
			return null;
		}

		/** Comments in the line's own three comment slots; none for CO. */
		default List<EmbeddedComment> comments() {
			return List.of();
		}

	}

	/** SI 診療行為. */
	public record Si(int line, String category, String burden, String code, String quantity, Integer points, Integer count,
			List<EmbeddedComment> comments, int[] days) implements Detail {
	}

	/** IY 医薬品. */
	public record Iy(int line, String category, String burden, String code, String usage, Integer points, Integer count,
			List<EmbeddedComment> comments, int[] days) implements Detail {
	}

	/** TO 特定器材. */
	public record To(int line, String category, String burden, String code, String usage, Integer points, Integer count,
			String unitCode, String unitPrice, String name, String productName, List<EmbeddedComment> comments, int[] days)
			implements Detail {
	}

	/** CO コメント. */
	public record Co(int line, String category, String burden, String code, String text) implements Detail {

		@Override
		public String toString() {
			return "Co[line=" + line + ", category=" + category + ", code=" + code + "]";
		}

	}

	/** SJ 症状詳記. */
	public record Sj(int line, String kind, String text) {

		@Override
		public String toString() {
			return "Sj[line=" + line + ", kind=" + kind + "]";
		}

	}

	/** GO 診療報酬請求書: one per file or volume. */
	public record Go(int line, Integer totalCount, Integer totalPoints, String volume) {

		static Go parse(Fields f) {
			return new Go(f.line(), f.integer(1, true), f.integer(2, true), f.text(3));
		}

	}

	/** A record of a known type that no check reads yet (GR, TI, TR, TS, KH, NI): kept, not dropped. */
	public record Other(int line, RecordType type, String text) {

		@Override
		public String toString() {
			return "Other[line=" + line + ", type=" + type + "]";
		}

	}

	static List<EmbeddedComment> comments(Fields f, int from) {
		List<EmbeddedComment> list = new ArrayList<>(0);
		for (int c = 0; c < 3; c++) {
			String code = f.code(from + c * 2, false, 9);
			String text = f.text(from + c * 2 + 1);
			if (!code.isEmpty() || !text.isEmpty()) {
				list.add(new EmbeddedComment(code, text));
			}
		}
		return list.isEmpty() ? List.of() : List.copyOf(list);
	}

}
