package org.tsumugi.claims.uke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsumugi.claims.Severity;
import org.tsumugi.claims.Uke;
import org.tsumugi.claims.uke.UkeRecords.Co;
import org.tsumugi.claims.uke.UkeRecords.Iy;
import org.tsumugi.claims.uke.UkeRecords.Si;
import org.tsumugi.claims.uke.UkeRecords.To;

class UkeReaderTest {

	/** One receipt with every 医科 record type, including the rare ones kept untyped. */
	static List<String> everyRecordType() {
		List<String> lines = new ArrayList<>();
		lines.add(Uke.IR);
		lines.add(Uke.RE);
		lines.add(Uke.HO);
		lines.add("KO,54130018,1234566,,1,264,0,,,,,");
		lines.add("SN,1,01,,,,00,,");
		lines.add(Uke.jd(5));
		lines.add("MF,00" + ",".repeat(31));
		lines.add("GR,1,01");
		lines.add("SY,4019004,4300401,1,,,01,");
		lines.add("SY,5319009,20261005,1,8002,,,");
		lines.addAll(Uke.details());
		lines.add("TO,70,1,700000001,1,,1,,,,,,,,,,," + Uke.days(1, 5));
		lines.add("CO,,1,810000001,服薬状況を確認");
		lines.add("SJ,01,症状経過");
		lines.add("TI,1");
		lines.add("TR,1");
		lines.add("TS,1");
		lines.add(Uke.GO);
		return lines;
	}

	@Test
	void readsEveryRecordTypeIntoOneTypedReceipt() {
		Uke.Read read = Uke.read(everyRecordType());
		assertThat(read.fileProblems()).isEmpty();
		Receipt r = read.only();
		assertThat(r.problems()).isEmpty();
		assertThat(read.reader().header().hospitalCode()).isEqualTo("1312345");
		assertThat(read.reader().header().billingMonth()).isEqualTo(YearMonth.of(2026, 10));
		assertThat(read.reader().trailer().totalPoints()).isEqualTo(264);
		assertThat(r.receiptNo()).isEqualTo(1);
		assertThat(r.re().month()).isEqualTo(YearMonth.of(2026, 10));
		assertThat(r.re().birthDate()).isEqualTo(LocalDate.of(1960, 1, 1));
		assertThat(r.re().inpatient()).isFalse();
		assertThat(r.re().departments()).extracting(UkeRecords.Department::name).containsExactly("01");
		assertThat(r.ho().insurerNo()).isEqualTo("06130017");
		assertThat(r.ho().days()).isEqualTo(1);
		assertThat(r.publicFunds()).singleElement().satisfies(ko -> assertThat(ko.lawCode()).isEqualTo("54"));
		assertThat(r.eligibility()).hasSize(1);
		assertThat(r.visitDays()).singleElement().satisfies(jd -> assertThat(jd.visitDayCount()).isEqualTo(1));
		assertThat(r.windowPayments()).singleElement().satisfies(mf -> assertThat(mf.windowClass()).isEqualTo("00"));
		assertThat(r.diseases()).hasSize(2);
		assertThat(r.diseases().get(0).startDate()).as("wareki 4300401 is 平成30年4月1日").isEqualTo(LocalDate.of(2018, 4, 1));
		assertThat(r.diseases().get(1).suspected()).isTrue();
		assertThat(r.details()).hasSize(8);
		assertThat(r.details().get(2)).isInstanceOf(Iy.class);
		assertThat(r.details().get(6)).isInstanceOf(To.class);
		assertThat(r.details().get(7)).isInstanceOf(Co.class);
		assertThat(r.symptomNotes()).singleElement().satisfies(sj -> assertThat(sj.text()).isEqualTo("症状経過"));
		assertThat(r.others()).extracting(UkeRecords.Other::type)
			.containsExactly(RecordType.GR, RecordType.TI, RecordType.TR, RecordType.TS);
		assertThat(r.firstLine()).isEqualTo(2);
		assertThat(r.lastLine()).isEqualTo(everyRecordType().size() - 1);
	}

	@Test
	void aBlankCategoryInheritsTheOneAbove() {
		Receipt r = Uke.receiptOf(Uke.receipt());
		assertThat(r.details()).extracting(UkeRecords.Detail::category).containsExactly("12", "12", "21", "21", "21", "25");
	}

	@Test
	void perDayCountsAndEmbeddedCommentsAreTyped() {
		String line = "SI,13,1,180016110,,250,1,830100001,紹介先：架空病院,,,,," + Uke.days(1, 5);
		Si si = (Si) Uke.receiptOf(Uke.adding(line)).details().get(6);
		assertThat(si.points()).isEqualTo(250);
		assertThat(si.days()[4]).isEqualTo(1);
		assertThat(Arrays.stream(si.days()).sum()).isEqualTo(1);
		assertThat(si.comments()).singleElement().satisfies(c -> {
			assertThat(c.code()).isEqualTo("830100001");
			assertThat(c.text()).isEqualTo("紹介先：架空病院");
		});
	}

	@Test
	void warekiDatesAreAccepted() {
		assertThat(UkeDates.date("5011225")).isEqualTo(LocalDate.of(2019, 12, 25));
		assertThat(UkeDates.date("4310430")).isEqualTo(LocalDate.of(2019, 4, 30));
		assertThat(UkeDates.month("50810")).isEqualTo(YearMonth.of(2026, 10));
		assertThat(UkeDates.date("20261031")).isEqualTo(LocalDate.of(2026, 10, 31));
		assertThat(UkeDates.date("20261032")).isNull();
		assertThat(UkeDates.date("9011225")).isNull();
	}

	@Test
	void receiptsAreSplitAtEachRe() {
		List<String> lines = new ArrayList<>(Uke.receipt());
		lines.addAll(Uke.receipt());
		lines.set(Uke.receipt().size(), Uke.RE.replace("RE,1,", "RE,2,"));
		Uke.Read read = Uke.read(Uke.file(lines));
		assertThat(read.receipts()).extracting(Receipt::receiptNo).containsExactly(1, 2);
		assertThat(read.receipts().get(1).firstLine()).isEqualTo(2 + Uke.receipt().size());
	}

	@Test
	void aGeneratedFileReadsBackWithoutProblems() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (UkeFileWriter writer = new UkeFileWriter(out)) {
			new UkeGenerator(new UkeGenerator.Options(500, YearMonth.of(2026, 10), 7, 0.0)).write(writer);
		}
		Uke.Read read = Uke.read(out.toByteArray());
		assertThat(read.fileProblems()).isEmpty();
		assertThat(read.receipts()).hasSize(500);
		assertThat(read.receipts()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
		long points = read.receipts().stream().mapToLong(r -> r.ho().points()).sum();
		assertThat(read.reader().trailer().totalPoints()).isEqualTo((int) points);
	}

	@Test
	void personalDataStaysOutOfToString() {
		Receipt r = Uke.receiptOf(Uke.receipt());
		assertThat(r.re().toString()).doesNotContain("試験").doesNotContain("1960").doesNotContain("100001");
		assertThat(r.ho().toString()).doesNotContain("4567");
	}

	@Nested
	class BadInput {

		@Test
		void aFileSavedAsUtf8IsReportedLineByLineAndStillRead() {
			List<String> lines = Uke.file(Uke.receipt());
			StringBuilder text = new StringBuilder();
			lines.forEach(l -> text.append(l).append("\r\n"));
			Uke.Read read = Uke.read(text.toString().getBytes(StandardCharsets.UTF_8));
			assertThat(read.fileProblems()).filteredOn(p -> p.code().equals("UKE_ENCODING"))
				.extracting(UkeProblem::line)
				.contains(1, 2, 3);
			assertThat(read.fileProblems()).filteredOn(p -> p.code().equals("UKE_ENCODING"))
				.first()
				.satisfies(p -> assertThat(p.message()).startsWith("1行目").contains("UTF-8"));
			assertThat(read.only().ho().insurerNo()).isEqualTo("06130017");
		}

		@Test
		void undecodableBytesAreAnEncodingProblem() {
			byte[] good = Uke.bytes(Uke.file(Uke.receipt()));
			byte[] bad = Arrays.copyOf(good, good.length);
			// Put a lone lead byte 0x81 followed by a comma into the RE name field.
			int at = indexOf(bad, "RE,1,1112,202610,".getBytes(StandardCharsets.US_ASCII)) + 17;
			bad[at] = (byte) 0x81;
			bad[at + 1] = ',';
			Uke.Read read = Uke.read(bad);
			assertThat(read.fileProblems()).anySatisfy(p -> {
				assertThat(p.code()).isEqualTo("UKE_ENCODING");
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.message()).contains("Shift_JIS");
			});
			assertThat(read.receipts()).hasSize(1);
		}

		@Test
		void aTruncatedLastLineIsReportedWithTheRecordTypeAndTheReceiptsBeforeItAreKept() {
			byte[] whole = Uke.bytes(Uke.file(Uke.receipt()));
			String text = new String(whole, UkeFileWriter.MS932);
			int cut = text.lastIndexOf("SI,25,1,120001210") + 12;
			Uke.Read read = Uke.read(text.substring(0, cut).getBytes(UkeFileWriter.MS932));
			assertThat(read.fileProblems()).anySatisfy(p -> {
				assertThat(p.code()).isEqualTo("UKE_TRUNCATED");
				assertThat(p.line()).isEqualTo(11);
				assertThat(p.recordType()).isEqualTo("SI");
				assertThat(p.message()).contains("11行目").contains("途中で切れて");
			});
			assertThat(read.fileProblems()).extracting(UkeProblem::code).contains("UKE_NO_GO", "UKE_NO_EOF_MARK");
			Receipt r = read.only();
			assertThat(r.details()).hasSize(6);
			assertThat(r.problems()).anySatisfy(p -> {
				assertThat(p.code()).isEqualTo("UKE_FIELD_COUNT");
				assertThat(p.line()).isEqualTo(11);
			});
		}

		@Test
		void anUnknownRecordTypeIsReportedAndTheReceiptIsStillRead() {
			List<String> lines = Uke.adding("XX,1,2,3");
			Receipt r = Uke.read(Uke.file(lines)).only();
			assertThat(r.problems()).singleElement().satisfies(p -> {
				assertThat(p.code()).isEqualTo("UKE_UNKNOWN_RECORD");
				assertThat(p.line()).isEqualTo(12);
				assertThat(p.recordType()).isEqualTo("XX");
				assertThat(p.message()).contains("12行目").contains("XX");
			});
			assertThat(r.details()).hasSize(6);
		}

		@Test
		void recordsWithoutAnReAreCountedAndTheNextReceiptIsFine() {
			List<String> lines = new ArrayList<>();
			lines.add(Uke.IR);
			lines.add(Uke.HO);
			lines.add(Uke.SY);
			lines.addAll(Uke.details());
			lines.addAll(Uke.receipt());
			lines.add(Uke.GO);
			Uke.Read read = Uke.read(lines);
			assertThat(read.fileProblems()).singleElement().satisfies(p -> {
				assertThat(p.code()).isEqualTo("UKE_NO_RE");
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.recordType()).isEqualTo("HO");
				assertThat(p.message()).contains("8行").contains("REレコード");
			});
			assertThat(read.only().receiptNo()).isEqualTo(1);
		}

		@Test
		void aSecondHoHintsAtAMissingRe() {
			List<String> lines = Uke.adding(Uke.HO);
			assertThat(Uke.receiptOf(lines).problems()).singleElement()
				.satisfies(p -> assertThat(p.message()).contains("REレコードが欠けている"));
		}

		@Test
		void aBadFieldNamesLineRecordAndFieldButNotThePatientsValue() {
			List<String> lines = Uke.replacing("RE,", Uke.RE.replace("19600101", "19601301"));
			Receipt r = Uke.receiptOf(lines);
			assertThat(r.problems()).singleElement().satisfies(p -> {
				assertThat(p.line()).isEqualTo(2);
				assertThat(p.recordType()).isEqualTo("RE");
				assertThat(p.field()).isEqualTo("生年月日");
				assertThat(p.message()).startsWith("2行目 REレコード「生年月日」").doesNotContain("19601301");
			});
		}

		@Test
		void aMissingRequiredFieldIsAnError() {
			Receipt r = Uke.receiptOf(Uke.replacing("SY,", "SY,,20250101,1,,,01,"));
			assertThat(r.problems()).singleElement().satisfies(p -> {
				assertThat(p.field()).isEqualTo("傷病名コード");
				assertThat(p.severity()).isEqualTo(Severity.ERROR);
			});
		}

		@Test
		void bareLineFeedsAreReportedOnce() {
			StringBuilder text = new StringBuilder();
			Uke.file(Uke.receipt()).forEach(l -> text.append(l).append('\n'));
			text.append((char) 0x1A);
			Uke.Read read = Uke.read(text.toString().getBytes(UkeFileWriter.MS932));
			assertThat(read.fileProblems()).extracting(UkeProblem::code).containsOnlyOnce("UKE_LINE_ENDING");
			assertThat(read.only().details()).hasSize(6);
		}

		@Test
		void vendorCharactersOutsideJisX0208AreWarned() {
			// ① is in MS932's NEC row 13, not in JIS X 0208.
			Uke.Read read = Uke.read(Uke.file(Uke.adding("CO,,1,810000001,①の所見")));
			assertThat(read.fileProblems()).singleElement().satisfies(p -> {
				assertThat(p.code()).isEqualTo("UKE_GAIJI");
				assertThat(p.line()).isEqualTo(12);
			});
		}

		@Test
		void dataAfterTheEofMarkIsNotSilentlyIgnored() {
			byte[] good = Uke.bytes(Uke.file(Uke.receipt()));
			byte[] more = Arrays.copyOf(good, good.length + 4);
			System.arraycopy("RE,9".getBytes(StandardCharsets.US_ASCII), 0, more, good.length, 4);
			assertThat(Uke.read(more).fileProblems()).extracting(UkeProblem::code).containsExactly("UKE_DATA_AFTER_EOF");
		}

		@Test
		void aHugeLineIsCutOffReportedAndSkipped() {
			List<String> lines = Uke.file(Uke.receipt());
			lines.add(2, "CO,,1,810000001," + "x".repeat(LineSource.MAX_LINE + 10));
			Uke.Read read = Uke.read(lines);
			assertThat(read.fileProblems()).singleElement().satisfies(p -> {
				assertThat(p.code()).isEqualTo("UKE_LINE_TOO_LONG");
				assertThat(p.line()).isEqualTo(3);
			});
			assertThat(read.only().details()).hasSize(6);
		}

		@Test
		void aFileWithoutIrIsProbablyNotAUkeFile() {
			Uke.Read read = Uke.read("hello,world\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(read.fileProblems()).extracting(UkeProblem::code).contains("UKE_UNKNOWN_RECORD", "UKE_NO_IR", "UKE_NO_GO");
			assertThat(read.receipts()).isEmpty();
		}

		@Test
		void aFloodOfOneProblemIsShortenedButCounted() {
			List<String> lines = new ArrayList<>();
			lines.add(Uke.IR);
			for (int i = 0; i < 30; i++) {
				lines.add("ZZ," + i);
			}
			lines.addAll(Uke.receipt());
			lines.add(Uke.GO);
			List<UkeProblem> problems = Uke.read(lines).fileProblems();
			assertThat(problems).filteredOn(p -> p.code().equals("UKE_UNKNOWN_RECORD")).hasSize(21);
			assertThat(problems).last().satisfies(p -> assertThat(p.message()).contains("他に10件"));
		}

	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i + pattern.length <= data.length; i++) {
			for (int k = 0; k < pattern.length; k++) {
				if (data[i + k] != pattern[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
