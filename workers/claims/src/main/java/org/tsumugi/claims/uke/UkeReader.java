package org.tsumugi.claims.uke;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tsumugi.claims.Severity;
import org.tsumugi.claims.uke.UkeRecords.Co;
import org.tsumugi.claims.uke.UkeRecords.Detail;
import org.tsumugi.claims.uke.UkeRecords.Go;
import org.tsumugi.claims.uke.UkeRecords.Ho;
import org.tsumugi.claims.uke.UkeRecords.Ir;
import org.tsumugi.claims.uke.UkeRecords.Iy;
import org.tsumugi.claims.uke.UkeRecords.Jd;
import org.tsumugi.claims.uke.UkeRecords.Ko;
import org.tsumugi.claims.uke.UkeRecords.Mf;
import org.tsumugi.claims.uke.UkeRecords.Other;
import org.tsumugi.claims.uke.UkeRecords.Re;
import org.tsumugi.claims.uke.UkeRecords.Si;
import org.tsumugi.claims.uke.UkeRecords.Sj;
import org.tsumugi.claims.uke.UkeRecords.Sn;
import org.tsumugi.claims.uke.UkeRecords.Sy;
import org.tsumugi.claims.uke.UkeRecords.To;

/**
 * Reads a UKE file one receipt at a time: {@link #next()} returns the next receipt, so memory holds one
 * receipt however large the file. Problems found in a receipt's lines travel with that receipt; problems
 * of the file itself (encoding, IR, GO, records outside any receipt, a cut-off end) are in
 * {@link #fileProblems()}, complete once {@link #next()} has returned null.
 */
public final class UkeReader implements Closeable {

	private static final int FILE_PROBLEMS_PER_KIND = 20;

	private static final int MAX_PUBLIC_FUNDS = 4;

	private final InputStream in;

	private final LineSource lines;

	private final LineDecoder decoder = new LineDecoder();

	private final ProblemLog fileProblems = new ProblemLog(FILE_PROBLEMS_PER_KIND);

	private final Consumer<UkeProblem> toFile = fileProblems::add;

	private Ir header;

	private Go trailer;

	private Builder current;

	private boolean finished;

	private boolean sawLfOnly;

	private int orphanFirstLine;

	private String orphanFirstType;

	private int orphanCount;

	private int receiptsRead;

	private int lastLine;

	public UkeReader(InputStream in) {
		this.in = in;
		this.lines = new LineSource(in);
	}

	public static UkeReader open(Path file) throws IOException {
		return new UkeReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
	}

	/** The IR record, once read (null before the first line or when the file has none). */
	public Ir header() {
		return header;
	}

	/** The GO record, once read. */
	public Go trailer() {
		return trailer;
	}

	public int receiptsRead() {
		return receiptsRead;
	}

	/** Problems of the file itself; complete after {@link #next()} returned null. */
	public List<UkeProblem> fileProblems() {
		return fileProblems.snapshot();
	}

	/** Reads up to the next complete receipt; null at the end of the file. */
	public Receipt next() throws IOException {
		if (finished) {
			return null;
		}
		while (lines.next()) {
			int lineNo = lines.number;
			lastLine = lineNo;
			if (lines.ending == LineSource.Ending.LF && !sawLfOnly) {
				sawLfOnly = true;
				fileProblems.add(UkeProblem.at(lineNo, "", "", "UKE_LINE_ENDING", Severity.ERROR,
						"改行コードがCR LFではなくLFのみです。レセプト電算のファイルはCR LFで区切ってください。"));
			}
			if (lines.overflow) {
				fileProblems.add(UkeProblem.at(lineNo, "", "", "UKE_LINE_TOO_LONG", Severity.ERROR,
						"1行が長すぎます（1MiB超）。UKEファイルではない可能性があります。この行は点検できません。"));
				continue;
			}
			int length = lines.length;
			if (lineNo == 1 && length >= 3 && (lines.line[0] & 0xFF) == 0xEF && (lines.line[1] & 0xFF) == 0xBB
					&& (lines.line[2] & 0xFF) == 0xBF) {
				fileProblems.add(UkeProblem.at(lineNo, "", "", "UKE_ENCODING", Severity.ERROR,
						"ファイルの先頭にUTF-8のBOMがあります。Shift_JISで保存し直してください。"));
				System.arraycopy(lines.line, 3, lines.line, 0, length - 3);
				length -= 3;
			}
			Consumer<UkeProblem> sink = current != null ? current.problems::add : toFile;
			String text = decoder.decode(lines.line, length, lineNo, toFile);
			if (lines.ending == LineSource.Ending.NONE) {
				fileProblems.add(UkeProblem.at(lineNo, recordId(text), "", "UKE_TRUNCATED", Severity.ERROR,
						"最終行が改行（CR LF）で終わっていません。ファイルが途中で切れている可能性があります。"));
			}
			if (text.isEmpty()) {
				sink.accept(UkeProblem.at(lineNo, "", "", "UKE_EMPTY_LINE", Severity.WARNING, "空の行があります。"));
				continue;
			}
			Receipt done = accept(text, lineNo);
			if (done != null) {
				return done;
			}
		}
		finished = true;
		flushOrphans();
		Receipt last = finishCurrent();
		checkEnd();
		return last;
	}

	private Receipt accept(String text, int lineNo) {
		String id = recordId(text);
		RecordType type = RecordType.of(id);
		if (type == null) {
			UkeProblem problem = UkeProblem.at(lineNo, id, "", "UKE_UNKNOWN_RECORD", Severity.ERROR,
					"不明なレコード種別「" + printable(id) + "」です。この行は点検できません。");
			if (current != null) {
				current.problems.add(problem);
			}
			else {
				fileProblems.add(problem);
			}
			return null;
		}
		switch (type) {
			case IR -> {
				flushOrphans();
				Receipt done = finishCurrent();
				Ir ir = Ir.parse(new Fields(text, lineNo, type, toFile));
				if (header != null || receiptsRead > 0 || done != null) {
					fileProblems.add(UkeProblem.at(lineNo, "IR", "", "UKE_RECORD_ORDER", Severity.ERROR,
							"IRレコードはファイルの先頭に1つだけ記録します。2つ目のIRレコードがあります。"));
				}
				if (header == null) {
					header = ir;
				}
				return done;
			}
			case RE -> {
				flushOrphans();
				Receipt done = finishCurrent();
				if (header == null && receiptsRead == 0 && done == null) {
					fileProblems.add(UkeProblem.at(lineNo, "RE", "", "UKE_NO_IR", Severity.ERROR,
							"IRレコード（医療機関情報）がファイルの先頭にありません。"));
				}
				if (trailer != null) {
					fileProblems.add(UkeProblem.at(lineNo, "RE", "", "UKE_RECORD_ORDER", Severity.ERROR,
							"GOレコード（請求書）の後にレセプトがあります。"));
				}
				current = new Builder();
				Re re = Re.parse(new Fields(text, lineNo, type, current.problems::add));
				current.re = re;
				current.firstLine = lineNo;
				current.lastLine = lineNo;
				return done;
			}
			case GO -> {
				flushOrphans();
				Receipt done = finishCurrent();
				Go go = Go.parse(new Fields(text, lineNo, type, toFile));
				if (trailer != null) {
					fileProblems.add(UkeProblem.at(lineNo, "GO", "", "UKE_RECORD_ORDER", Severity.ERROR,
							"GOレコードが2つあります。"));
				}
				else {
					trailer = go;
				}
				return done;
			}
			default -> {
				if (current == null) {
					orphan(lineNo, id);
				}
				else {
					current.add(type, text, lineNo);
				}
				return null;
			}
		}
	}

	private void orphan(int lineNo, String id) {
		if (orphanCount == 0) {
			orphanFirstLine = lineNo;
			orphanFirstType = id;
		}
		orphanCount++;
	}

	private void flushOrphans() {
		if (orphanCount == 0) {
			return;
		}
		String where = trailer != null ? "GOレコードの後" : "REレコードより前";
		fileProblems.add(UkeProblem.at(orphanFirstLine, orphanFirstType, "", "UKE_NO_RE", Severity.ERROR,
				where + "に、どのレセプトにも属さないレコードが" + orphanCount + "行あります（" + orphanFirstLine + "行目から）。"
						+ "REレコード（レセプト共通）が欠けている可能性があります。これらの行は点検できません。"));
		orphanCount = 0;
	}

	private Receipt finishCurrent() {
		if (current == null) {
			return null;
		}
		Receipt receipt = current.build();
		current = null;
		receiptsRead++;
		return receipt;
	}

	private void checkEnd() {
		if (header == null && lastLine == 0) {
			fileProblems.add(UkeProblem.at(0, "", "", "UKE_EMPTY_FILE", Severity.ERROR, "ファイルが空です。"));
			return;
		}
		if (header == null && receiptsRead == 0) {
			fileProblems.add(UkeProblem.at(0, "IR", "", "UKE_NO_IR", Severity.ERROR,
					"IRレコード（医療機関情報）がありません。レセプト電算のファイルではない可能性があります。"));
		}
		if (trailer == null) {
			fileProblems.add(UkeProblem.at(lastLine, "GO", "", "UKE_NO_GO", Severity.ERROR,
					"GOレコード（診療報酬請求書）がありません。ファイルが途中で切れている可能性があります。"));
		}
		if (!lines.sawEofMark) {
			fileProblems.add(UkeProblem.at(0, "", "", "UKE_NO_EOF_MARK", Severity.WARNING,
					"ファイル終端の記号（EOF, 0x1A）がありません。"));
		}
		if (lines.bytesAfterEofMark > 0) {
			fileProblems.add(UkeProblem.at(0, "", "", "UKE_DATA_AFTER_EOF", Severity.ERROR,
					"ファイル終端の記号（EOF）の後にデータが" + lines.bytesAfterEofMark + "バイトあります。読み込んでいません。"));
		}
	}

	static String recordId(String text) {
		int comma = text.indexOf(',');
		return comma < 0 ? text.substring(0, Math.min(text.length(), 2)) : text.substring(0, comma);
	}

	private static String printable(String id) {
		return id.length() > 10 ? id.substring(0, 10) + "…" : id;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

	/** Collects one receipt's records; 診療識別 is inherited here because it depends on the line before. */
	private static final class Builder {

		final List<UkeProblem> problems = new ArrayList<>(0);

		Re re;

		Ho ho;

		final List<Ko> kos = new ArrayList<>(2);

		final List<Sn> sns = new ArrayList<>(1);

		final List<Jd> jds = new ArrayList<>(2);

		final List<Mf> mfs = new ArrayList<>(1);

		final List<Sy> sys = new ArrayList<>(8);

		final List<Detail> details = new ArrayList<>(16);

		final List<Sj> sjs = new ArrayList<>(0);

		final List<Other> others = new ArrayList<>(0);

		String category = "";

		int firstLine;

		int lastLine;

		void add(RecordType type, String text, int lineNo) {
			lastLine = lineNo;
			Fields f = new Fields(text, lineNo, type, problems::add);
			switch (type) {
				case HO -> {
					if (ho != null) {
						f.report(0, "UKE_RECORD_ORDER", Severity.ERROR,
								"1つのレセプトにHOレコードが2つあります。間のREレコードが欠けている可能性があります。");
					}
					else {
						ho = Ho.parse(f);
					}
				}
				case KO -> {
					if (kos.size() == MAX_PUBLIC_FUNDS) {
						f.report(0, "UKE_RECORD_ORDER", Severity.ERROR, "KOレコード（公費）は4つまでです。");
					}
					kos.add(Ko.parse(f));
				}
				case SN -> sns.add(Sn.parse(f));
				case JD -> jds.add(Jd.parse(f));
				case MF -> mfs.add(Mf.parse(f));
				case SY -> sys.add(Sy.parse(f));
				case SI -> details.add(new Si(lineNo, category(f), f.code(2, false, 1), f.code(3, true, 9), f.decimal(4, false),
						f.integer(5, false), f.integer(6, true), UkeRecords.comments(f, 7), f.days(13)));
				case IY -> details.add(new Iy(lineNo, category(f), f.code(2, false, 1), f.code(3, true, 9), f.decimal(4, false),
						f.integer(5, false), f.integer(6, true), UkeRecords.comments(f, 7), f.days(13)));
				case TO -> details.add(new To(lineNo, category(f), f.code(2, false, 1), f.code(3, true, 9), f.decimal(4, false),
						f.integer(5, false), f.integer(6, true), f.text(7), f.text(8), f.text(9), f.text(10),
						UkeRecords.comments(f, 11), f.days(17)));
				case CO -> details.add(new Co(lineNo, category(f), f.code(2, false, 1), f.code(3, true, 9), f.text(4)));
				case SJ -> sjs.add(new Sj(lineNo, f.text(1), f.text(2)));
				default -> others.add(new Other(lineNo, type, text));
			}
		}

		/** 診療識別 is written on the first line of a block only; blank lines inherit it. */
		private String category(Fields f) {
			String written = f.code(1, false, 2);
			if (!written.isEmpty()) {
				category = written;
			}
			else if (category.isEmpty()) {
				f.report(1, "UKE_FIELD_REQUIRED", Severity.ERROR, "レセプトの最初の摘要行に診療識別がありません。");
			}
			return category;
		}

		Receipt build() {
			return new Receipt(re, ho, List.copyOf(kos), List.copyOf(sns), List.copyOf(jds), List.copyOf(mfs), List.copyOf(sys),
					List.copyOf(details), List.copyOf(sjs), List.copyOf(others), List.copyOf(problems), firstLine, lastLine);
		}

	}

}
